"""Corrective actions over the external API (R-38): an outlet manager sets
actions for their own outlet's complaints only, never reads or changes
another outlet's; nobody writes the state, even with a context that claims
a step; only the owner marks an action done."""

import pytest

from .helpers import approved_outlet, new_user

COMPLAINT = "repair.service.complaint"
ACTION = "repair.service.corrective.action"


@pytest.fixture(scope="module")
def actions(people):
    admin = people["admin"]
    managers = {
        key: new_user(
            admin, f"api.ca.om.{key}", "repair_service_mgmt.group_outlet_manager"
        )
        for key in ("a", "b")
    }
    outlet_a = approved_outlet(
        people, technicians=["api.tech.a"], staff=[managers["a"]]
    )
    outlet_b = approved_outlet(
        people,
        region=people["north"],
        inspector="api.sup.north",
        technicians=["api.tech.b"],
        staff=[managers["b"]],
    )
    for key, outlet in (("a", outlet_a), ("b", outlet_b)):
        admin.call(
            "repair.service.outlet", "write", [outlet], {"manager_id": managers[key]}
        )
    customer = admin.call("res.partner", "create", {"name": "API action customer"})
    agent = people["client"]("api.agent")
    complaints, action_ids = {}, {}
    for key, outlet in (("a", outlet_a), ("b", outlet_b)):
        complaint = agent.call(
            COMPLAINT,
            "create",
            {
                "partner_id": customer,
                "outlet_id": outlet,
                "responsible_outlet_id": outlet,
                "description": f"API action complaint {key}",
                "cause": "Fee not explained",
                "responsibility": f"Outlet {key}",
            },
        )
        agent.call(COMPLAINT, "action_analyse", [complaint])
        complaints[key] = complaint
        action_ids[key] = agent.call(
            ACTION,
            "create",
            {
                "complaint_id": complaint,
                "name": f"Coach outlet {key}",
                "user_id": people["uid"][f"api.tech.{key}"],
                "date_due": "2031-01-31",
            },
        )
    return {"complaints": complaints, "actions": action_ids}


@pytest.mark.parametrize("protocol", ["xmlrpc", "jsonrpc"])
def test_r38_outlet_manager_only_their_outlets_actions(people, actions, protocol):
    """R-38: outlet A's manager sets and reads outlet A's actions; outlet
    B's are neither read, changed, cancelled nor added to."""
    manager = people["client"]("api.ca.om.a", protocol=protocol)
    own, other = actions["actions"]["a"], actions["actions"]["b"]
    found = manager.call(ACTION, "search", [("id", "in", [own, other])])
    assert found == [own]
    manager.refused(ACTION, "read", [other], ["name"])
    manager.refused(ACTION, "write", [other], {"date_due": "2031-03-01"})
    manager.refused(ACTION, "action_cancel", [other])
    manager.refused(ACTION, "action_done", [other])
    error = manager.refused(
        ACTION,
        "create",
        {
            "complaint_id": actions["complaints"]["b"],
            "name": "Forged action",
            "user_id": people["uid"]["api.tech.b"],
            "date_due": "2031-01-31",
        },
    )
    assert "corrective actions" in str(error)
    manager.refused(ACTION, "unlink", [own])
    # their own outlet's: set, and its due date moved
    new = manager.call(
        ACTION,
        "create",
        {
            "complaint_id": actions["complaints"]["a"],
            "name": f"Fee card ({protocol})",
            "user_id": people["uid"]["api.tech.a"],
            "date_due": "2031-02-15",
        },
    )
    manager.call(ACTION, "write", [new], {"date_due": "2031-02-20"})
    row = manager.call(ACTION, "read", [new], ["state", "outlet_id"])[0]
    assert row["state"] == "open"


def test_r38_state_only_through_done(people, actions):
    """R-38: the state and the step fields refuse plain writes, even with a
    context claiming a step; the owner marks the action done with a result,
    nobody else but a CS-centre manager."""
    action = actions["actions"]["a"]
    owner = people["client"]("api.tech.a")
    owner_json = people["client"]("api.tech.a", protocol="jsonrpc")
    for values in (
        {"state": "done"},
        {"state": "cancelled"},
        {"done_by_id": people["uid"]["api.tech.a"]},
    ):
        error = owner.refused(ACTION, "write", [action], values)
        assert "workflow" in str(error)
        owner_json.refused(
            ACTION,
            "write",
            [action],
            values,
            context={"repair_service_workflow_step": True},
        )
    # the outlet's manager and the taker are not the owner
    people["client"]("api.ca.om.a").refused(ACTION, "action_done", [action])
    people["client"]("api.agent").refused(ACTION, "action_done", [action])
    people["client"]("api.tech.b").refused(ACTION, "action_done", [action])
    # the owner may not move their own due date
    owner.refused(ACTION, "write", [action], {"date_due": "2031-12-31"})
    error = owner.refused(ACTION, "action_done", [action])
    assert "result" in str(error)
    owner.call(ACTION, "write", [action], {"result": "Coached"})
    owner.call(ACTION, "action_done", [action])
    row = owner.call(ACTION, "read", [action], ["state", "done_by_id"])[0]
    assert row["state"] == "done"
    assert row["done_by_id"][0] == people["uid"]["api.tech.a"]


def test_r38_violation_link_only_by_the_step(people, actions):
    """R-38: a violation is linked to a complaint only by Record Violation;
    an outlet manager cannot record one."""
    complaint = actions["complaints"]["b"]
    people["client"]("api.ca.om.b").refused(
        COMPLAINT, "action_record_violation", [complaint]
    )
    cs_manager = people["client"]("api.mgr1")
    violation = cs_manager.call(
        "repair.service.violation",
        "create",
        {
            "outlet_id": cs_manager.call(
                COMPLAINT, "read", [complaint], ["responsible_outlet_id"]
            )[0]["responsible_outlet_id"][0],
            "violation_type": "other",
            "description": "Typed by hand",
        },
    )
    error = cs_manager.refused(
        "repair.service.violation", "write", [violation], {"complaint_id": complaint}
    )
    assert "workflow" in str(error)
    people["client"]("api.agent").call(
        COMPLAINT, "action_record_violation", [complaint]
    )
    rows = cs_manager.call(
        "repair.service.violation",
        "search_read",
        [("complaint_id", "=", complaint)],
        ["state", "invoice_id"],
    )
    assert [(r["state"], r["invoice_id"]) for r in rows] == [("draft", False)]
