"""The service rules hold whatever a caller of the external API sends: forged
context keys, core's own step methods, plain writes of the state, later
changes of the same facts, numbers out of bounds; outlets keep their
customers private (R-03, R-04, R-07, R-09…R-15, R-44)."""

from datetime import datetime, timedelta

import pytest

from .helpers import approved_outlet, invoiced_order, new_application, new_user

REPAIR = "repair.order"
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
FORGED = (
    {"repair_service_workflow_step": True},
    {"repair_service_workflow_step": 1, "bypass": True, "force": True, "step": True},
)


@pytest.fixture(scope="module")
def world(people):
    """Outlet A (east, Beijing) and outlet B (north), each with a technician
    and a manager; a customer of A with an order dispatched to A."""
    admin = people["admin"]
    uid = {
        "tech_a": new_user(
            admin, "api.int.tech.a", "repair_service_mgmt.group_technician"
        ),
        "mgr_a": new_user(
            admin, "api.int.mgr.a", "repair_service_mgmt.group_outlet_manager"
        ),
        "tech_b": new_user(
            admin, "api.int.tech.b", "repair_service_mgmt.group_technician"
        ),
        "mgr_b": new_user(
            admin, "api.int.mgr.b", "repair_service_mgmt.group_outlet_manager"
        ),
    }
    people["uid"].update({f"api.int.{k.replace('_', '.')}": v for k, v in uid.items()})
    outlet_a = approved_outlet(
        people, people["east"], "api.sup.east", [uid["tech_a"]], [uid["mgr_a"]]
    )
    outlet_b = approved_outlet(
        people, people["north"], "api.sup.north", [uid["tech_b"]], [uid["mgr_b"]]
    )
    customer = admin.call(
        "res.partner",
        "create",
        {"name": "Private Customer Ma", "phone": "+86 10 8765 4329", "city": "Beijing"},
    )
    far = admin.call("res.partner", "create", {"name": "Far Customer", "city": "Lhasa"})
    appliance = admin.call("product.product", "create", {"name": "API int TV"})
    return {
        "uid": uid,
        "outlet_a": outlet_a,
        "outlet_b": outlet_b,
        "customer": customer,
        "far": far,
        "appliance": appliance,
    }


def _order(people, world, **values):
    agent = people["client"]("api.agent")
    order = agent.call(
        REPAIR,
        "create",
        {"partner_id": world["customer"], "product_id": world["appliance"], **values},
    )
    wizard = agent.call(
        "repair.order.dispatch.wizard",
        "create",
        {
            "repair_ids": [(6, 0, [order])],
            "outlet_id": world["outlet_a"],
            "technician_id": world["uid"]["tech_a"],
        },
    )
    agent.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])
    people["client"]("api.int.tech.a").call(
        REPAIR, "action_customer_contacted", [order]
    )
    return order


def _read(client, model, record, *names):
    return client.call(model, "read", [record], list(names))[0]


# ---------------------------------------------------------------------------
# one guard, nothing opens it
# ---------------------------------------------------------------------------
# every field each model's steps own (the guard's declaration in the models)
GUARDED = {
    REPAIR: (
        "outlet_id technician_id dispatch_state dispatcher_id dispatched_at "
        "accepted_at customer_contacted_at completed_at followup_done_at "
        "consent_state consent_by consent_date consent_method consent_signature "
        "consent_note close_reason repair_started_at first_arrival_at "
        "acceptance_state acceptance_by acceptance_date acceptance_signature "
        "acceptance_opinion rework_count sale_order_id state under_warranty"
    ),
    "repair.service.visit": (
        "state check_in check_out confirmed_at next_visit_id repair_id technician_id"
    ),
    "repair.service.application": (
        "state review_user_id review_date inspection_done_date decision_user_id "
        "decision_date rejection_reason certificate_number submitted_ip name "
        "source is_renewal"
    ),
    "repair.service.violation": "state invoice_id name",
    "repair.service.outlet": (
        "state suspension_reason certificate_number certificate_date_start "
        "certificate_date_end code"
    ),
    "repair.service.followup": (
        "state call_date attempt_count task_user_id complaint_id name repair_id"
    ),
    "repair.service.cash.collection": (
        "state invoice_id payment_id received_by_id handed_in_at name repair_id "
        "technician_id"
    ),
}


def _assert_guarded(client, model, record, check):
    """Each guarded field, written with each forged context, is refused and
    the record keeps its values."""
    before = _read(client, model, record, *check)
    for context in FORGED:
        for name in GUARDED[model].split():
            error = client.refused(
                model, "write", [record], {name: False}, context=context
            )
            assert "change only through the workflow buttons" in str(error), (
                model,
                name,
                str(error),
            )
    assert _read(client, model, record, *check) == before, model


def test_forged_context_opens_no_guard(people, world, login):
    """R-07, R-09, R-12, R-14, R-15, R-42, R-45: for every model with the
    workflow guard, a write of each guarded field with a forged context key
    is refused over XML-RPC and JSON-RPC and the record is unchanged."""
    admin, client = people["admin"], people["client"]
    order = _order(people, world)
    for tech in (client("api.int.tech.a"), client("api.int.tech.a", "jsonrpc")):
        _assert_guarded(
            tech,
            REPAIR,
            order,
            ["consent_state", "dispatch_state", "state", "customer_contacted_at"],
        )
    # a visit of the order
    tech = client("api.int.tech.a")
    start = (datetime.now() + timedelta(days=1)).replace(microsecond=0)
    visit = tech.call(
        "repair.service.visit",
        "create",
        {
            "repair_id": order,
            "planned_start": f"{start:%Y-%m-%d %H:%M:%S}",
            "planned_stop": f"{start + timedelta(hours=2):%Y-%m-%d %H:%M:%S}",
        },
    )
    _assert_guarded(
        tech,
        "repair.service.visit",
        visit,
        ["state", "check_in"],
    )
    # an application, a violation and an outlet, by the CS centre's people
    agent = client("api.agent")
    application = new_application(agent, people["east"])
    _assert_guarded(
        agent,
        "repair.service.application",
        application,
        ["state", "certificate_number", "name"],
    )
    supervisor = client("api.sup.east")
    violation = supervisor.call(
        "repair.service.violation",
        "create",
        {
            "outlet_id": world["outlet_a"],
            "violation_type": "other",
            "description": "Late again",
        },
    )
    _assert_guarded(
        supervisor,
        "repair.service.violation",
        violation,
        ["state", "name"],
    )
    _assert_guarded(
        supervisor,
        "repair.service.outlet",
        world["outlet_a"],
        ["state", "certificate_number"],
    )
    # the follow-up call of the demo's completed order
    followup = admin.call("repair.service.followup", "search", [], limit=1)[0]
    _assert_guarded(
        agent,
        "repair.service.followup",
        followup,
        ["state", "call_date"],
    )
    # a cash collection of an invoiced order
    charged, _invoice = invoiced_order(
        people,
        login("admin", protocol="jsonrpc"),
        world["outlet_a"],
        "api.int.tech.a",
        80.0,
    )
    collection = tech.call(
        "repair.service.cash.collection",
        "create",
        {"repair_id": charged, "amount": 80.0},
    )
    _assert_guarded(
        tech,
        "repair.service.cash.collection",
        collection,
        ["state", "received_by_id"],
    )


# ---------------------------------------------------------------------------
# core's own entry points
# ---------------------------------------------------------------------------
def test_core_entry_points_keep_the_service_rules(people, world):
    """R-09, R-12, R-15: action_repair_start without consent, action_repair_done
    and action_repair_end without the signed acceptance, state writes: all
    refused on a service order; a plain order without an outlet keeps core's
    behaviour."""
    admin, client = people["admin"], people["client"]
    tech = client("api.int.tech.a")
    order = _order(people, world)
    tech.call(
        REPAIR,
        "write",
        [order],
        {
            "symptom_id": admin.ref("repair_service_mgmt.fault_symptom_noise"),
            "cause_id": admin.ref("repair_service_mgmt.fault_cause_fan_motor"),
            "repair_plan": "Replace the fan",
        },
    )
    assert "has not agreed to the repair plan" in str(
        tech.refused(REPAIR, "action_repair_start", [order])
    )
    for state in ("under_repair", "confirmed", "done"):
        assert "Status of Repair Order change only" in str(
            tech.refused(REPAIR, "write", [order], {"state": state})
        )
    assert "cancel a service order" in str(
        tech.refused(REPAIR, "action_repair_cancel", [order])
    )
    assert _read(tech, REPAIR, order, "state")["state"] == "draft"
    tech.call(REPAIR, "action_record_consent", [order], "Ma", "phone")
    tech.call(REPAIR, "action_repair_start", [order])
    for method in ("action_repair_done", "action_repair_end"):
        assert "when the customer accepts it" in str(
            tech.refused(REPAIR, method, [order])
        )
    tech.call(
        REPAIR, "action_record_acceptance", [order], "Ma", False, False, "Still noisy"
    )
    assert "when the customer accepts it" in str(
        tech.refused(REPAIR, "action_repair_done", [order])
    )
    after = _read(tech, REPAIR, order, "state", "completed_at", "acceptance_state")
    assert after == {
        "id": order,
        "state": "under_repair",
        "completed_at": False,
        "acceptance_state": "disputed",
    }
    # a plain order (no outlet) follows core
    agent = client("api.agent")
    plain = agent.call(
        REPAIR,
        "create",
        {"partner_id": world["customer"], "product_id": world["appliance"]},
    )
    agent.call(REPAIR, "action_repair_start", [plain])
    agent.call(REPAIR, "action_repair_end", [plain])
    done = _read(agent, REPAIR, plain, "state", "completed_at")
    assert done["state"] == "done" and done["completed_at"]


# ---------------------------------------------------------------------------
# privacy: outlets see their own customers only
# ---------------------------------------------------------------------------
def test_outlet_customers_are_private(people, world):
    """R-44: technicians and managers of outlet B find outlet A's customer
    neither by id, nor by name, nor by phone digits; outlet A's people and
    the CS centre do."""
    client = people["client"]
    _order(people, world)
    customer = world["customer"]
    for login_name in ("api.int.tech.b", "api.int.mgr.b"):
        other = client(login_name)
        error = other.refused("res.partner", "read", [customer], ["name", "phone"])
        assert "doesn't have 'read' access" in str(error)
        assert other.call("res.partner", "search", [("name", "ilike", "Private")]) == []
        assert other.call("res.partner", "search", [("phone", "ilike", "8765")]) == []
        assert (
            other.call(
                "res.partner",
                "search_read",
                [("repair_phone_e164", "=", "+861087654329")],
                ["name"],
            )
            == []
        )
        # their own people and company stay visible
        assert other.call("res.partner", "search", [("user_ids", "=", other.uid)])
    for login_name in ("api.int.tech.a", "api.int.mgr.a", "api.agent"):
        own = client(login_name)
        assert customer in own.call(
            "res.partner", "search", [("phone", "ilike", "8765")]
        )
        assert _read(own, "res.partner", customer, "name")["name"] == (
            "Private Customer Ma"
        )


# ---------------------------------------------------------------------------
# later changes of the same facts
# ---------------------------------------------------------------------------
def test_area_rechecked_after_dispatch(people, world):
    """R-04: after the dispatch, a technician switching a far customer's
    carry-in order to on-site, or an agent moving an on-site order to a far
    customer, needs the CS centre's authorisation."""
    client = people["client"]
    tech, agent = client("api.int.tech.a"), client("api.agent")
    far_order = _order(people, world, partner_id=world["far"])
    assert "does not serve Lhasa on site" in str(
        tech.refused(REPAIR, "write", [far_order], {"service_mode": "on_site"})
    )
    assert "CS Agent" in str(
        tech.refused(REPAIR, "write", [far_order], {"outside_area_reason": "ok"})
    )
    on_site = _order(people, world, service_mode="on_site")
    assert "does not serve Lhasa on site" in str(
        agent.refused(REPAIR, "write", [on_site], {"partner_id": world["far"]})
    )
    assert _read(tech, REPAIR, far_order, "service_mode")["service_mode"] == "carry_in"
    assert (
        _read(agent, REPAIR, on_site, "partner_id")["partner_id"][0]
        == (world["customer"])
    )


def test_warranty_status_is_a_managers_step(people, world, login):
    """R-14, R-24: a technician cannot switch the warranty either way; a
    CS-centre manager does, with a reason, and the quotation's labour line
    of 150 drops to zero."""
    client, admin = people["client"], people["admin"]
    tech = client("api.int.tech.a")
    order = _order(people, world)
    for value in (True, False):
        assert "Under Warranty of Repair Order change only" in str(
            tech.refused(REPAIR, "write", [order], {"under_warranty": value})
        )
    login("admin", protocol="jsonrpc").call(REPAIR, "action_create_sale_order", [order])
    sale = _read(admin, REPAIR, order, "sale_order_id")["sale_order_id"][0]
    labour = admin.call(
        "product.product", "create", {"name": "API int labour", "type": "service"}
    )
    admin.call(
        "sale.order.line",
        "create",
        {"order_id": sale, "product_id": labour, "price_unit": 150.0},
    )
    assert _read(admin, "sale.order", sale, "amount_total")["amount_total"] > 150
    manager = client("api.mgr1")
    assert "reason" in str(
        manager.refused(REPAIR, "action_set_warranty", [order], True, "")
    )
    manager.call(REPAIR, "action_set_warranty", [order], True, "Warranty card seen")
    assert _read(admin, "sale.order", sale, "amount_total")["amount_total"] == 0.0
    assert _read(admin, REPAIR, order, "billing_state")["billing_state"] == "free"
    # the link to the sale order is the quotation step's
    assert "change only through the workflow buttons" in str(
        tech.refused(REPAIR, "write", [order], {"sale_order_id": False})
    )


# ---------------------------------------------------------------------------
# bad input
# ---------------------------------------------------------------------------
def test_numbers_and_phones_are_checked(people, world):
    """R-03, R-08, R-10: negative and absurd quantities, hours, costs, a
    visit in 1900, invalid phones: each refused with a clear message."""
    admin, client = people["admin"], people["client"]
    tech = client("api.int.tech.a")
    order = _order(people, world)
    part = admin.call(
        "product.product",
        "create",
        {"name": "API int part", "type": "consu", "is_storable": True},
    )
    for quantity in (-2, 1e18):
        assert "must be a number from" in str(
            tech.refused(
                "stock.move",
                "create",
                {
                    "repair_id": order,
                    "repair_line_type": "add",
                    "product_id": part,
                    "product_uom_qty": quantity,
                },
            )
        )
    for values in (
        {"estimated_hours": -1},
        {"estimated_hours": float("nan")},
        {"estimated_hours": 1e18},
        {"estimated_cost": -100},
    ):
        assert "must be a number from" in str(
            tech.refused(REPAIR, "write", [order], values)
        )
    assert "must lie between" in str(
        tech.refused(
            "repair.service.visit",
            "create",
            {
                "repair_id": order,
                "planned_start": "1900-01-01 09:00:00",
                "planned_stop": "1900-01-01 11:00:00",
            },
        )
    )
    read = _read(tech, REPAIR, order, "estimated_hours", "estimated_cost", "move_ids")
    assert (read["estimated_hours"], read["estimated_cost"], read["move_ids"]) == (
        0.0,
        0.0,
        [],
    )
    agent = client("api.agent")
    application = new_application(agent, people["east"], documents=False)
    for phone in ("abc", "+86 123"):
        assert "is not valid" in str(
            agent.refused(
                "repair.service.application", "write", [application], {"phone": phone}
            )
        )
    phone = _read(agent, "repair.service.application", application, "phone")["phone"]
    assert phone == "+861055550199"


def test_application_named_like_an_outlet_is_refused_at_submission(people, world):
    """R-42: an application with the name of an existing outlet stops at the
    submission with a clear message, not at the decision."""
    agent = people["client"]("api.agent")
    admin = people["admin"]
    name = _read(admin, "repair.service.outlet", world["outlet_a"], "name")["name"]
    application = new_application(agent, people["east"])
    agent.call(
        "repair.service.application", "write", [application], {"outlet_name": name}
    )
    error = agent.refused("repair.service.application", "action_submit", [application])
    assert "already exists" in str(error)
    assert (
        _read(agent, "repair.service.application", application, "state")["state"]
        == "draft"
    )


def test_one_followup_per_order(people):
    """R-15: a CS agent cannot create a second follow-up call for an order."""
    admin, agent = people["admin"], people["client"]("api.agent")
    followup = admin.call(
        "repair.service.followup", "search_read", [], ["repair_id"], limit=1
    )[0]
    before = admin.call("repair.service.followup", "search_count", [])
    error = agent.refused(
        "repair.service.followup", "create", {"repair_id": followup["repair_id"][0]}
    )
    assert "already has its follow-up call" in str(error)
    assert admin.call("repair.service.followup", "search_count", []) == before
