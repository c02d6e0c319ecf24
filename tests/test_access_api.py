"""Record rules over the external API: a technician of one outlet and a
CS-centre manager of a second company read every model of the module over
XML-RPC and get nothing of another outlet or company."""

import base64
from datetime import datetime, timedelta

from .helpers import PDF, approved_outlet, invoice_order

CASH = "repair.service.cash.collection"

# every model of the module (the access-matrix test of the module checks
# that this is all of them)
MODELS = (
    "repair.service.region",
    "repair.service.outlet",
    "repair.service.outlet.area",
    "repair.service.document.type",
    "repair.service.application",
    "repair.service.application.document",
    "repair.service.inspection.criterion",
    "repair.service.application.inspection.line",
    "repair.service.spare.template.line",
    "repair.service.violation",
    "repair.service.sla.policy",
    "repair.service.sla.line",
    "repair.service.fault.code",
    "repair.order",
    "repair.service.visit",
    "repair.service.followup",
    "repair.service.followup.question",
    "repair.service.followup.answer",
    "repair.service.cash.collection",
    "repair.order.dispatch.wizard",
    "repair.order.signature.wizard",
    "repair.order.warranty.wizard",
    "repair.service.application.reject.wizard",
    "repair.service.outlet.suspend.wizard",
)
PNG = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
).decode()
M = "repair_service_mgmt"
# the models a technician, and a CS-centre manager, may not read at all
TECHNICIAN_REFUSED = {
    "repair.service.document.type",
    "repair.service.application",
    "repair.service.application.document",
    "repair.service.inspection.criterion",
    "repair.service.application.inspection.line",
    "repair.service.spare.template.line",
    "repair.order.dispatch.wizard",
    "repair.order.warranty.wizard",
    "repair.service.application.reject.wizard",
    "repair.service.outlet.suspend.wizard",
}
MANAGER_REFUSED = {"repair.service.spare.template.line"}


def _user(creator, login, group, company=None):
    """A user of role ``group`` (an id), of ``company`` only if given."""
    values = {
        "name": login,
        "login": login,
        "password": login,
        "email": f"{login}@example.com",
        "groups_id": [(6, 0, [group])],
    }
    if company:
        values.update(company_id=company, company_ids=[(6, 0, [company])])
    return creator.call("res.users", "create", values)


def _certify(agent, supervisor, manager, app_id):
    """An application walked to its approval by the CS centre's roles."""
    app = "repair.service.application"
    document = "repair.service.application.document"
    agent.call(app, "action_submit", [app_id])
    agent.call(app, "action_start_review", [app_id])
    lines = agent.call(document, "search", [("application_id", "=", app_id)])
    agent.call(document, "action_mark_valid", lines)
    agent.call(app, "action_pass_review", [app_id])
    supervisor.call(app, "write", [app_id], {"inspection_date": "2026-11-20"})
    line_model = "repair.service.application.inspection.line"
    lines = supervisor.call(line_model, "search", [("application_id", "=", app_id)])
    supervisor.call(line_model, "write", lines, {"score": 20})
    supervisor.call(app, "action_complete_inspection", [app_id])
    manager.call(app, "action_approve", [app_id])
    return manager.call(app, "read", [app_id], ["outlet_id"])[0]["outlet_id"][0]


def _service_order(admin, agent, technician, outlet, customer, product, invoice=None):
    """An order dispatched by ``agent``, visited, repaired and accepted with
    ``technician``: its order, visit and, when it can be ``invoice``d, the
    cash collected against its invoice."""
    order = agent.call(
        "repair.order",
        "create",
        {"partner_id": customer, "product_id": product, "fault_description": "Hot"},
    )
    wizard = agent.call(
        "repair.order.dispatch.wizard",
        "create",
        {
            "repair_ids": [(6, 0, [order])],
            "outlet_id": outlet,
            "technician_id": technician.uid,
        },
    )
    agent.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])
    technician.call("repair.order", "action_customer_contacted", [order])
    start = datetime.now().replace(microsecond=0) + timedelta(days=1)
    visit = technician.call(
        "repair.service.visit",
        "create",
        {
            "repair_id": order,
            "planned_start": start.strftime("%Y-%m-%d %H:%M:%S"),
            "planned_stop": (start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M:%S"),
        },
    )
    cash = []
    if invoice:
        invoice(order)
        cash.append(
            technician.call(
                "repair.service.cash.collection",
                "create",
                {"repair_id": order, "amount": 60},
            )
        )
    technician.call(
        "repair.order",
        "write",
        [order],
        {
            "symptom_id": admin.ref(f"{M}.fault_symptom_no_cooling"),
            "cause_id": admin.ref(f"{M}.fault_cause_fan_motor"),
            "diagnosis": "Fan motor worn",
            "repair_plan": "Replace the fan motor",
        },
    )
    technician.call(
        "repair.order",
        "action_record_consent",
        [order],
        "Customer",
        "signature",
        signature=PNG,
    )
    technician.call("repair.order", "action_validate", [order])
    technician.call("repair.order", "action_repair_start", [order])
    photo = technician.call(
        "ir.attachment",
        "create",
        {
            "name": "after.png",
            "datas": PNG,
            "res_model": "repair.order",
            "res_id": order,
        },
    )
    technician.call(
        "repair.order",
        "write",
        [order],
        {
            "function_test_done": True,
            "serial_scanned": "SN-API-RULES",
            "completion_photo_ids": [(4, photo)],
        },
    )
    technician.call(
        "repair.order", "action_record_acceptance", [order], "Customer", signature=PNG
    )
    return {
        "repair.order": [order],
        "repair.service.visit": [visit],
        "repair.service.cash.collection": cash,
    }


def _ids(client, model, domain):
    return set(client.call(model, "search", domain))


def _seen(client, model):
    """The ids ``client`` reads of ``model``, or None when refused."""
    if not client.call(model, "has_access", [], "read"):
        client.refused(model, "search_read", [], ["id"])
        return None
    rows = client.call(model, "search_read", [], ["id"])
    return [row["id"] for row in rows]


def test_outlet_and_company_see_only_their_own(people):
    """R-44: outlets and companies are walled off from each other."""
    admin, client = people["admin"], people["client"]
    # a company administrator of both companies (the second company is made
    # by this user, not by the administrator the other tests share)
    boss_login = "api.rules.boss"
    admin.call(
        "res.users",
        "create",
        {
            "name": boss_login,
            "login": boss_login,
            "password": boss_login,
            "email": f"{boss_login}@example.com",
            "groups_id": [
                (
                    6,
                    0,
                    [
                        admin.ref("base.group_system"),
                        admin.ref(f"{M}.group_service_admin"),
                    ],
                )
            ],
        },
    )
    boss = client(boss_login)
    company1 = boss.call("res.users", "read", [boss.uid], ["company_id"])[0][
        "company_id"
    ][0]
    company2 = boss.call("res.company", "create", {"name": "API Rules Second Co"})

    # outlets A and B of the first company, with their own technicians
    technician = admin.ref(f"{M}.group_technician")
    tech_a_uid = _user(admin, "api.rules.tech.a", technician)
    tech_b_uid = _user(admin, "api.rules.tech.b", technician)
    outlet_a = approved_outlet(people, technicians=[tech_a_uid])
    outlet_b = approved_outlet(
        people,
        region=people["north"],
        inspector="api.sup.north",
        technicians=[tech_b_uid],
    )
    # outlet C of the second company, certified by its own CS centre
    for login, group in (
        ("api.rules.agent2", "group_cs_agent"),
        ("api.rules.sup2", "group_cs_supervisor"),
        ("api.rules.mgr2", "group_cs_manager"),
        ("api.rules.tech2", "group_technician"),
    ):
        _user(boss, login, admin.ref(f"{M}.{group}"), company2)
    agent2, sup2, mgr2 = (
        client("api.rules.agent2"),
        client("api.rules.sup2"),
        client("api.rules.mgr2"),
    )
    region2 = mgr2.call(
        "repair.service.region",
        "create",
        {"name": "API West", "code": "AW", "supervisor_ids": [(4, sup2.uid)]},
    )
    # (an e-mail of its own: the decision is mailed to the applicant, and
    # a partner of the first company with the same address is not the
    # second company's to read)
    app_c = agent2.call(
        "repair.service.application",
        "create",
        {
            "outlet_name": "API Rules Outlet C",
            "region_id": region2,
            "contact_name": "Wang Fang",
            "phone": "+86 28 5555 0102",
            "email": "api.rules.west@example.com",
            "city": "Chengdu",
        },
    )
    for line in agent2.call(
        "repair.service.application.document",
        "search",
        [("application_id", "=", app_c)],
    ):
        attachment = agent2.call(
            "ir.attachment",
            "create",
            {
                "name": "doc.pdf",
                "datas": PDF,
                "res_model": "repair.service.application",
                "res_id": app_c,
            },
        )
        agent2.call(
            "repair.service.application.document",
            "write",
            [line],
            {"attachment_ids": [(4, attachment)]},
        )
    outlet_c = _certify(agent2, sup2, mgr2, app_c)
    tech2 = client("api.rules.tech2")
    mgr2.call(
        "repair.service.outlet",
        "write",
        [outlet_c],
        {"technician_ids": [(4, tech2.uid)]},
    )

    # an order of each outlet through its whole service, and its follow-up
    tech_a, tech_b = client("api.rules.tech.a"), client("api.rules.tech.b")
    agent, mgr1 = client("api.agent"), client("api.mgr1")
    product = admin.call("product.product", "create", {"name": "API rules fridge"})
    customer = admin.call("res.partner", "create", {"name": "API rules customer"})
    outlets = {"A": outlet_a, "B": outlet_b, "C": outlet_c}
    # cash is collected against a posted invoice: the first company's orders
    # are invoiced (the second company keeps no accounts here)
    admin_json = client("admin", "jsonrpc")

    def invoice(order):
        return invoice_order(people, admin_json, order, 60.0)

    records = {
        name: _service_order(
            admin,
            dispatcher,
            technician,
            outlet,
            customer,
            product,
            invoice if name != "C" else None,
        )
        for name, dispatcher, technician, outlet in (
            ("A", agent, tech_a, outlet_a),
            ("B", agent, tech_b, outlet_b),
            ("C", agent2, tech2, outlet_c),
        )
    }
    cron = admin.ref(f"{M}.ir_cron_followup_create")
    admin.call("ir.cron", "method_direct_trigger", [cron])

    # what belongs to each outlet, as its company administrator reads it
    for name, outlet in outlets.items():
        own = records[name]
        order, visit = own["repair.order"][0], own["repair.service.visit"][0]
        app = boss.call(
            "repair.service.application", "search", [("outlet_id", "=", outlet)]
        )
        manager = mgr2 if name == "C" else mgr1
        own.update(
            {
                "repair.service.outlet": [outlet],
                "repair.service.outlet.area": _ids(
                    boss, "repair.service.outlet.area", [("outlet_id", "=", outlet)]
                ),
                "repair.service.application": set(app),
                "repair.service.application.document": _ids(
                    boss,
                    "repair.service.application.document",
                    [("application_id", "in", app)],
                ),
                "repair.service.application.inspection.line": _ids(
                    boss,
                    "repair.service.application.inspection.line",
                    [("application_id", "in", app)],
                ),
                "repair.service.violation": [
                    manager.call(
                        "repair.service.violation",
                        "create",
                        {
                            "outlet_id": outlet,
                            "violation_type": "other",
                            "description": "Came late",
                        },
                    )
                ],
                "repair.service.followup": _ids(
                    boss, "repair.service.followup", [("repair_id", "=", order)]
                ),
                "repair.service.followup.answer": _ids(
                    boss,
                    "repair.service.followup.answer",
                    [("followup_id.repair_id", "=", order)],
                ),
                "repair.service.sla.line": _ids(
                    boss,
                    "repair.service.sla.line",
                    [
                        "|",
                        "&",
                        ("res_model", "=", "repair.order"),
                        ("res_id", "=", order),
                        "&",
                        ("res_model", "=", "repair.service.visit"),
                        ("res_id", "=", visit),
                    ],
                ),
            }
        )
        # (no cash in the second company: it keeps no accounts here)
        assert all(ids for model, ids in own.items() if model != CASH or name != "C")
    # wizards of others: a colleague's consent wizard, the first company's
    # manager's warranty, rejection and suspension wizards
    tech_b.call(
        "repair.order.signature.wizard",
        "create",
        {
            "repair_id": records["B"]["repair.order"][0],
            "purpose": "acceptance",
            "signed_by": "X",
        },
    )
    order_a = records["A"]["repair.order"][0]
    mgr1.call(
        "repair.order.warranty.wizard", "create", {"repair_id": order_a, "reason": "X"}
    )
    mgr1.call(
        "repair.service.application.reject.wizard",
        "create",
        {
            "application_ids": [
                (6, 0, list(records["A"]["repair.service.application"]))
            ],
            "reason": "X",
        },
    )
    mgr1.call(
        "repair.service.outlet.suspend.wizard",
        "create",
        {"outlet_ids": [(6, 0, [outlet_a])], "reason": "X"},
    )
    # configuration of each company, and shared
    fault_codes = {
        company: boss.call(
            "repair.service.fault.code",
            "create",
            {"code": f"API-R{company}", "name": "API rules", "company_id": company},
        )
        for company in (company1, company2)
    }
    region_ids = {
        company: _ids(boss, "repair.service.region", [("company_id", "=", company)])
        for company in (company1, company2)
    }

    def config(model, company):
        return _ids(boss, model, [("company_id", "in", [company, False])])

    def expected(name, company):
        """What a user of outlet ``name`` (or, without one, of the CS centre
        of ``company``) may read of each model."""
        own = {model: set(ids) for model, ids in records[name].items()}
        own.update(
            {
                "repair.service.region": region_ids[company],
                "repair.service.sla.policy": config(
                    "repair.service.sla.policy", company
                ),
                "repair.service.fault.code": config(
                    "repair.service.fault.code", company
                ),
                "repair.service.document.type": config(
                    "repair.service.document.type", company
                ),
                "repair.service.inspection.criterion": config(
                    "repair.service.inspection.criterion", company
                ),
                # the checklist's questions are the brand's, of no company
                "repair.service.followup.question": _ids(
                    boss, "repair.service.followup.question", []
                ),
            }
        )
        return own

    for user, name, company, other_company, others, refused in (
        (tech_a, "A", company1, company2, ("B", "C"), TECHNICIAN_REFUSED),
        (mgr2, "C", company2, company1, ("A", "B"), MANAGER_REFUSED),
    ):
        wanted = expected(name, company)
        foreign = {
            model: set().union(
                *(set(records[other].get(model, ())) for other in others)
            )
            for model in MODELS
        }
        foreign["repair.service.region"] = region_ids[other_company]
        foreign["repair.service.fault.code"] = {fault_codes[other_company]}
        for model in MODELS:
            seen = _seen(user, model)
            # no access right on the model at all: nothing either
            assert (seen is None) == (model in refused), (user.login, model)
            if seen is None:
                continue
            assert len(seen) == len(set(seen)), (user.login, model)
            assert not set(seen) & foreign[model], (user.login, model, seen)
            assert set(seen) == wanted.get(model, set()), (user.login, model, seen)
            assert len(seen) == len(wanted.get(model, ())), (user.login, model)
    # and the technician of outlet A did read outlet A's records
    assert _seen(tech_a, "repair.order") == records["A"]["repair.order"]
    assert (
        set(_seen(tech_a, "repair.service.sla.line"))
        == records["A"]["repair.service.sla.line"]
    )
    assert (
        set(_seen(mgr2, "repair.service.sla.line"))
        == records["C"]["repair.service.sla.line"]
    )
