"""Service outlets over the external API (R-41…R-45): the same checks as in
the back office, for an integrating system calling XML-RPC or JSON-RPC."""

import pytest

from .helpers import app_state, new_application, to_decision


@pytest.mark.parametrize("protocol", ["xmlrpc", "jsonrpc"])
def test_application_to_certified_outlet(people, protocol):
    """R-41, R-42, R-43: every step over the API, each by its role."""
    agent = people["client"]("api.agent", protocol)
    app_id = new_application(agent, people["east"])
    to_decision(people, app_id)
    manager = people["client"]("api.mgr1", protocol)
    assert manager.call("repair.service.application", "action_approve", [app_id])
    app = manager.call(
        "repair.service.application",
        "read",
        [app_id],
        ["state", "outlet_id", "certificate_number"],
    )[0]
    assert app["state"] == "approved"
    outlet = manager.call(
        "repair.service.outlet",
        "read",
        [app["outlet_id"][0]],
        ["state", "certificate_number", "warehouse_id", "certificate_date_end"],
    )[0]
    assert outlet["state"] == "active"
    assert outlet["certificate_number"] == app["certificate_number"]
    assert outlet["warehouse_id"]


def test_refusals(people):
    """R-41, R-42: missing document, wrong role, skipped step, forged state,
    blank rejection reason, inspector deciding: all refused over RPC."""
    agent = people["client"]("api.agent")
    app = "repair.service.application"
    bare = new_application(agent, people["east"], documents=False)
    assert "missing" in str(agent.refused(app, "action_submit", [bare]))
    app_id = new_application(agent, people["east"])
    # skipped step and forged state
    manager = people["client"]("api.mgr1")
    assert "only when" in str(manager.refused(app, "action_approve", [app_id]))
    assert "workflow" in str(
        manager.refused(app, "write", [app_id], {"state": "approved"})
    )
    assert "workflow" in str(
        agent.refused(
            app,
            "create",
            {
                "outlet_name": "Forged",
                "region_id": people["east"],
                "contact_name": "X",
                "phone": "+86 10 5555 0198",
                "email": "x@example.com",
                "state": "approved",
            },
        )
    )
    to_decision(people, app_id)
    # wrong role
    assert "CS-Centre Manager" in str(agent.refused(app, "action_approve", [app_id]))
    supervisor = people["client"]("api.sup.east")
    assert "CS-Centre Manager" in str(
        supervisor.refused(app, "action_approve", [app_id])
    )
    # a rejection needs a reason
    wizard = manager.call(
        "repair.service.application.reject.wizard",
        "create",
        {"application_ids": [(6, 0, [app_id])], "reason": "  "},
    )
    assert "reason" in str(
        manager.refused(
            "repair.service.application.reject.wizard", "action_reject", [wizard]
        )
    )
    assert app_state(manager, app_id) == "decision"
    # the inspector may not decide
    other = new_application(agent, people["east"])
    to_decision(people, other, inspector="api.mgr1")
    assert "another CS-centre manager" in str(
        manager.refused(app, "action_approve", [other])
    )
    people["client"]("api.mgr2").call(app, "action_approve", [other])
    assert app_state(manager, other) == "approved"


def test_outlet_scoping(people):
    """R-44: a user of outlet A neither reads nor writes outlet B over RPC; a
    regional supervisor sees exactly their region."""
    admin, client = people["admin"], people["client"]
    agent = client("api.agent")
    outlets = {}
    for key, region, inspector in (
        ("a", people["east"], "api.sup.east"),
        ("b", people["north"], "api.sup.north"),
    ):
        app_id = new_application(agent, region)
        to_decision(people, app_id, inspector=inspector)
        client("api.mgr1").call(
            "repair.service.application", "action_approve", [app_id]
        )
        outlets[key] = admin.call(
            "repair.service.application", "read", [app_id], ["outlet_id"]
        )[0]["outlet_id"][0]
    admin.call(
        "repair.service.outlet",
        "write",
        [outlets["a"]],
        {"technician_ids": [(4, people["uid"]["api.tech.a"])]},
    )
    admin.call(
        "repair.service.outlet",
        "write",
        [outlets["b"]],
        {"technician_ids": [(4, people["uid"]["api.tech.b"])]},
    )
    tech_a = client("api.tech.a")
    # other tests may make these users technicians of more outlets
    seen_a = tech_a.call("repair.service.outlet", "search", [])
    assert outlets["a"] in seen_a and outlets["b"] not in seen_a
    error = tech_a.refused("repair.service.outlet", "read", [outlets["b"]], ["name"])
    assert "top-secret" in str(error) or "not allowed" in str(error)
    tech_a.refused("repair.service.outlet", "write", [outlets["b"]], {"name": "Mine"})
    seen_b = client("api.tech.b").call("repair.service.outlet", "search", [])
    assert outlets["b"] in seen_b and outlets["a"] not in seen_b
    east = client("api.sup.east").call(
        "repair.service.outlet", "search_read", [], ["region_id"]
    )
    assert outlets["a"] in [row["id"] for row in east]
    assert {row["region_id"][0] for row in east} == {people["east"]}
    north = client("api.sup.north").call(
        "repair.service.outlet", "search_read", [], ["region_id"]
    )
    assert {row["region_id"][0] for row in north} == {people["north"]}


def test_violation_fine_and_suspension(people):
    """R-45: a fine becomes an invoice, a suspension blocks dispatch; only the
    CS-centre manager confirms."""
    agent = people["client"]("api.agent")
    app_id = new_application(agent, people["east"])
    to_decision(people, app_id)
    manager = people["client"]("api.mgr1")
    manager.call("repair.service.application", "action_approve", [app_id])
    outlet = manager.call(
        "repair.service.application", "read", [app_id], ["outlet_id"]
    )[0]["outlet_id"][0]
    supervisor = people["client"]("api.sup.east")
    fine = supervisor.call(
        "repair.service.violation",
        "create",
        {
            "outlet_id": outlet,
            "violation_type": "overcharge",
            "description": "Charged above the price list",
            "penalty": "fine",
            "fine_amount": 500,
        },
    )
    supervisor.refused("repair.service.violation", "action_confirm", [fine])
    manager.call("repair.service.violation", "action_confirm", [fine])
    invoice = manager.call("repair.service.violation", "read", [fine], ["invoice_id"])[
        0
    ]["invoice_id"][0]
    move = people["admin"].call(
        "account.move", "read", [invoice], ["amount_total", "move_type", "partner_id"]
    )[0]
    assert move["amount_total"] == 500
    assert move["move_type"] == "out_invoice"
    suspension = supervisor.call(
        "repair.service.violation",
        "create",
        {
            "outlet_id": outlet,
            "violation_type": "missed_appointment",
            "description": "Missed three appointments",
            "penalty": "suspension",
        },
    )
    manager.call("repair.service.violation", "action_confirm", [suspension])
    state = manager.call("repair.service.outlet", "read", [outlet], ["state"])[0][
        "state"
    ]
    assert state == "suspended"
