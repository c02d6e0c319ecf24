"""Shared steps of the external-API tests: people of every role and an
outlet application walked through its workflow, all over RPC."""

import base64
import itertools

from .rpc import OdooClient

PDF = base64.b64encode(b"%PDF-1.4\n% api test\n%%EOF\n").decode()
_seq = itertools.count(1)


def new_user(admin, login, *groups, company=None):
    """A user ``login`` (password = login) with the roles of ``groups``
    (xml ids), of ``company`` only if given."""
    values = {
        "name": login,
        "login": login,
        "password": login,
        "email": f"{login}@example.com",
        "groups_id": [(6, 0, [admin.ref(group) for group in groups])],
    }
    if company:
        values.update(company_id=company, company_ids=[(6, 0, [company])])
    return admin.call("res.users", "create", values)


def make_people(server, login):
    """Users of every role, made by the administrator over RPC."""
    admin = login("admin")
    group = {
        name: admin.ref(f"repair_service_mgmt.group_{name}")
        for name in ("cs_agent", "cs_supervisor", "cs_manager", "technician")
    }
    users = {}
    for login_name, role in [
        ("api.agent", "cs_agent"),
        ("api.sup.east", "cs_supervisor"),
        ("api.sup.north", "cs_supervisor"),
        ("api.mgr1", "cs_manager"),
        ("api.mgr2", "cs_manager"),
        ("api.tech.a", "technician"),
        ("api.tech.b", "technician"),
    ]:
        uid = admin.call(
            "res.users",
            "create",
            {
                "name": login_name,
                "login": login_name,
                "password": login_name,
                "email": f"{login_name}@example.com",
                "groups_id": [(6, 0, [group[role]])],
            },
        )
        users[login_name] = uid
    east = admin.call(
        "repair.service.region",
        "create",
        {
            "name": "API East",
            "code": "AE",
            "supervisor_ids": [(4, users["api.sup.east"])],
        },
    )
    north = admin.call(
        "repair.service.region",
        "create",
        {
            "name": "API North",
            "code": "AN",
            "supervisor_ids": [(4, users["api.sup.north"])],
        },
    )

    def client(name, protocol="xmlrpc"):
        return OdooClient(server["url"], server["db"], name, name, protocol=protocol)

    return {
        "admin": admin,
        "client": client,
        "uid": users,
        "east": east,
        "north": north,
    }


def new_application(agent, region, documents=True):
    app_id = agent.call(
        "repair.service.application",
        "create",
        {
            "outlet_name": f"API Outlet {next(_seq)}",
            "region_id": region,
            "contact_name": "Sun Li",
            "phone": "+86 10 5555 0199",
            "email": "sun.li@example.com",
            "city": "Beijing",
        },
    )
    if documents:
        lines = agent.call(
            "repair.service.application.document",
            "search",
            [("application_id", "=", app_id)],
        )
        for line in lines:
            attachment = agent.call(
                "ir.attachment",
                "create",
                {
                    "name": "doc.pdf",
                    "datas": PDF,
                    "res_model": "repair.service.application",
                    "res_id": app_id,
                },
            )
            agent.call(
                "repair.service.application.document",
                "write",
                [line],
                {"attachment_ids": [(4, attachment)]},
            )
    return app_id


def app_state(client, app_id):
    return client.call("repair.service.application", "read", [app_id], ["state"])[0][
        "state"
    ]


def to_decision(people, app_id, inspector="api.sup.east"):
    agent = people["client"]("api.agent")
    app = "repair.service.application"
    agent.call(app, "action_submit", [app_id])
    agent.call(app, "action_start_review", [app_id])
    lines = agent.call(
        "repair.service.application.document",
        "search",
        [("application_id", "=", app_id)],
    )
    agent.call("repair.service.application.document", "action_mark_valid", lines)
    agent.call(app, "action_pass_review", [app_id])
    sup = people["client"](inspector)
    sup.call(app, "write", [app_id], {"inspection_date": "2026-11-20"})
    lines = sup.call(
        "repair.service.application.inspection.line",
        "search",
        [("application_id", "=", app_id)],
    )
    sup.call(
        "repair.service.application.inspection.line", "write", lines, {"score": 20}
    )
    sup.call(app, "action_complete_inspection", [app_id])
    assert app_state(agent, app_id) == "decision"


def approved_outlet(
    people, region=None, inspector="api.sup.east", technicians=(), staff=()
):
    """An outlet certified through its application, with its people (logins
    or user ids)."""
    agent = people["client"]("api.agent")
    app_id = new_application(agent, region or people["east"])
    to_decision(people, app_id, inspector=inspector)
    people["client"]("api.mgr1").call(
        "repair.service.application", "action_approve", [app_id]
    )
    admin = people["admin"]
    outlet = admin.call("repair.service.application", "read", [app_id], ["outlet_id"])[
        0
    ]["outlet_id"][0]

    def uid(user):
        return people["uid"][user] if isinstance(user, str) else user

    admin.call(
        "repair.service.outlet",
        "write",
        [outlet],
        {
            "technician_ids": [(4, uid(user)) for user in technicians],
            "staff_ids": [(4, uid(user)) for user in staff],
        },
    )
    return outlet


def dispatched_order(people, admin, outlet, technician, name="API cash"):
    """A repair order of a new customer, taken by the CS agent and dispatched
    to ``outlet`` and ``technician`` (a login)."""
    agent = people["client"]("api.agent")
    product = admin.call("product.product", "create", {"name": f"{name} TV"})
    partner = admin.call("res.partner", "create", {"name": f"{name} customer"})
    order = agent.call(
        "repair.order", "create", {"partner_id": partner, "product_id": product}
    )
    wizard = agent.call(
        "repair.order.dispatch.wizard",
        "create",
        {
            "repair_ids": [(6, 0, [order])],
            "outlet_id": outlet,
            "technician_id": people["uid"][technician],
        },
    )
    agent.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])
    return order


def invoiced_order(people, admin, outlet, technician, price):
    """A repair order dispatched to ``technician``, invoiced through its
    sale order by ``admin`` (over JSON-RPC: these buttons answer with
    actions that XML-RPC cannot carry) and posted."""
    order = dispatched_order(people, admin, outlet, technician)
    return order, invoice_order(people, admin, order, price)


def quoted_sale(admin, order, price, list_price=None):
    """The confirmed sale order of ``order``: its quotation with a labour
    line at ``price`` (the labour's list price ``list_price``, default the
    same)."""
    labour = admin.call(
        "product.product",
        "create",
        {
            "name": "API on-site labour",
            "type": "service",
            "invoice_policy": "order",
            "list_price": price if list_price is None else list_price,
            "taxes_id": [(5, 0, 0)],
        },
    )
    admin.call("repair.order", "action_create_sale_order", [order])
    sale = admin.call("repair.order", "read", [order], ["sale_order_id"])[0][
        "sale_order_id"
    ][0]
    admin.call(
        "sale.order.line",
        "create",
        {
            "order_id": sale,
            "product_id": labour,
            "product_uom_qty": 1,
            "price_unit": price,
            "tax_id": [(5, 0, 0)],
        },
    )
    admin.call("sale.order", "action_confirm", [sale])
    return sale


def draft_invoice(admin, sale):
    """The draft invoice of the confirmed ``sale``."""
    context = {"active_model": "sale.order", "active_ids": [sale]}
    invoicing = admin.call(
        "sale.advance.payment.inv",
        "create",
        {"advance_payment_method": "delivered"},
        context=context,
    )
    admin.call(
        "sale.advance.payment.inv", "create_invoices", [invoicing], context=context
    )
    return admin.call("sale.order", "read", [sale], ["invoice_ids"])[0]["invoice_ids"][
        0
    ]


def invoice_order(people, admin, order, price):
    """The posted invoice of ``order``: its quotation with a labour line at
    ``price``, confirmed, its fees checked by the CS agent, invoiced."""
    sale = quoted_sale(admin, order, price)
    # customer service checks the fees before the invoice
    people["client"]("api.agent").call("sale.order", "action_repair_check_fees", [sale])
    invoice = draft_invoice(admin, sale)
    admin.call("account.move", "action_post", [invoice])
    return invoice
