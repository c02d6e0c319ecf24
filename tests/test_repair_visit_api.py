"""Visits and service deadlines over the external API (R-01, R-05, R-06,
R-08, R-13): the same server checks as in the back office."""

from datetime import UTC, datetime, timedelta

from .test_repair_api import _dispatch, _outlet

FMT = "%Y-%m-%d %H:%M:%S"


def _lines(client, model, record, rule):
    return client.call(
        "repair.service.sla.line",
        "search_read",
        [
            ("res_model", "=", model),
            ("res_id", "=", record),
            ("policy_id.rule", "=", rule),
        ],
        ["deadline", "state", "policy_id"],
    )


def test_visits_and_deadlines(people):
    """R-01: the caller is found by the number; R-06: an emergency comes
    first and gets its deadlines; R-05: the visit is re-confirmed before
    its start; R-08: unfinished work needs the next visit; R-13: the repair
    time runs from the start of the repair."""
    admin, client = people["admin"], people["client"]
    agent = client("api.agent")
    tech = client("api.tech.a")
    product = admin.call(
        "product.product", "create", {"name": "API dryer", "type": "consu"}
    )
    partner = admin.call(
        "res.partner",
        "create",
        {"name": "API visit customer", "phone": "+86 10 8765 4321"},
    )
    order = agent.call(
        "repair.order",
        "create",
        {"customer_phone": "+86 (10) 8765-4321", "product_id": product},
    )
    assert (
        agent.call("repair.order", "read", [order], ["partner_id"])[0]["partner_id"][0]
        == partner
    ), "R-01: the caller found by the number"
    emergency = agent.call(
        "repair.order",
        "create",
        {"partner_id": partner, "product_id": product, "priority": "1"},
    )
    queue = agent.call("repair.order", "search", [("id", "in", [order, emergency])])
    assert queue[0] == emergency, "R-06: emergencies first in every queue"
    assert _lines(agent, "repair.order", emergency, "R-06"), "R-06 deadlines"

    outlet = _outlet(people, people["east"], "api.sup.east", "api.tech.a")
    _dispatch(agent, order, outlet, people["uid"]["api.tech.a"])
    tech.call("repair.order", "action_customer_contacted", [order])

    start = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0, tzinfo=None)
    visit = tech.call(
        "repair.service.visit",
        "create",
        {
            "repair_id": order,
            "technician_id": people["uid"]["api.tech.a"],
            "planned_start": start.strftime(FMT),
            "planned_stop": (start + timedelta(hours=2)).strftime(FMT),
        },
    )
    line = _lines(agent, "repair.service.visit", visit, "R-05")
    assert line[0]["deadline"] == start.strftime(FMT), "R-05: due at the start"
    assert "Visit" in str(
        tech.refused("repair.service.visit", "write", [visit], {"state": "done"})
    )
    tech.call("repair.service.visit", "action_confirm_appointment", [visit])
    assert _lines(agent, "repair.service.visit", visit, "R-05")[0]["state"] == "met"
    tech.call("repair.service.visit", "action_check_in", [visit])
    tech.call("repair.service.visit", "write", [visit], {"result": "unfinished"})
    assert "next visit" in str(
        tech.refused("repair.service.visit", "action_check_out", [visit])
    )
    tech.call(
        "repair.service.visit",
        "write",
        [visit],
        {
            "next_planned_start": (start + timedelta(days=1)).strftime(FMT),
            "next_planned_stop": (start + timedelta(days=1, hours=2)).strftime(FMT),
        },
    )
    tech.call("repair.service.visit", "action_plan_next_visit", [visit])
    tech.call("repair.service.visit", "action_check_out", [visit])
    visits = agent.call(
        "repair.service.visit",
        "search_read",
        [("repair_id", "=", order)],
        ["state"],
        order="id",
    )
    assert [v["state"] for v in visits] == ["done", "planned"], "R-08"

    # diagnosed as a complex fault, agreed, started: 72 hours
    tech.call(
        "repair.order",
        "write",
        [order],
        {
            "symptom_id": admin.ref("repair_service_mgmt.fault_symptom_noise"),
            "cause_id": admin.ref("repair_service_mgmt.fault_cause_compressor"),
            "repair_plan": "Replace the compressor",
        },
    )
    tech.call(
        "repair.order", "action_record_consent", [order], "API visit customer", "phone"
    )
    tech.call("repair.order", "action_repair_start", [order])
    line = _lines(agent, "repair.order", order, "R-13")
    assert len(line) == 1
    assert "Complex" in line[0]["policy_id"][1]
