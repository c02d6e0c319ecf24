"""Complaints over the external API (R-30, R-31): an outlet user reads only
the complaints about their outlet and writes none; nobody writes the state
or skips a step; a portal customer reads no complaint over RPC (the portal
shows them their own)."""

import pytest

from .helpers import approved_outlet, new_user

COMPLAINT = "repair.service.complaint"


@pytest.fixture(scope="module")
def complaints(people):
    admin = people["admin"]
    outlet_a = approved_outlet(people, technicians=["api.tech.a"])
    outlet_b = approved_outlet(
        people,
        region=people["north"],
        inspector="api.sup.north",
        technicians=["api.tech.b"],
    )
    customer = admin.call("res.partner", "create", {"name": "API complainant"})
    agent = people["client"]("api.agent")
    ids = {}
    for key, outlet in (("a", outlet_a), ("b", outlet_b)):
        ids[key] = agent.call(
            COMPLAINT,
            "create",
            {
                "partner_id": customer,
                "outlet_id": outlet,
                "description": f"API complaint about outlet {key}",
            },
        )
    return ids


def test_outlet_user_reads_only_their_outlets_complaints(people, complaints):
    """R-30: a technician of outlet A reads A's complaint, not B's, and
    changes neither."""
    tech = people["client"]("api.tech.a")
    found = tech.call(COMPLAINT, "search", [("id", "in", list(complaints.values()))])
    assert found == [complaints["a"]]
    tech.refused(COMPLAINT, "read", [complaints["b"]], ["description"])
    tech.refused(COMPLAINT, "write", [complaints["a"]], {"description": "Hidden"})
    tech.refused(COMPLAINT, "action_analyse", [complaints["a"]])
    tech.refused(COMPLAINT, "unlink", [complaints["a"]])
    tech_json = people["client"]("api.tech.a", protocol="jsonrpc")
    tech_json.refused(COMPLAINT, "read", [complaints["b"]], ["description"])


def test_state_only_through_the_steps(people, complaints):
    """R-31: the state and the step fields refuse plain writes, even with a
    context that claims a step; a step cannot be skipped."""
    agent = people["client"]("api.agent")
    agent_json = people["client"]("api.agent", protocol="jsonrpc")
    complaint = complaints["a"]
    for values in (
        {"state": "closed"},
        {"validity": "valid"},
        {"resolved_at": "2026-11-23 10:00:00"},
    ):
        error = agent.refused(COMPLAINT, "write", [complaint], values)
        assert "workflow" in str(error)
        agent_json.refused(
            COMPLAINT,
            "write",
            [complaint],
            values,
            context={"repair_service_workflow_step": True},
        )
    error = agent.refused(COMPLAINT, "action_resolve", [complaint])
    assert "Analysed" in str(error)
    agent.refused(COMPLAINT, "action_close", [complaint])
    assert "Cause" in str(agent.refused(COMPLAINT, "action_analyse", [complaint]))
    agent.call(
        COMPLAINT,
        "write",
        [complaint],
        {"cause": "Late visit", "responsibility": "Outlet A"},
    )
    agent.call(COMPLAINT, "action_analyse", [complaint])
    row = agent.call(COMPLAINT, "read", [complaint], ["state", "validity"])[0]
    assert (row["state"], row["validity"]) == ("analysed", "valid")
    # closing is the supervisor's, and only after the follow-up
    agent.refused(COMPLAINT, "action_close", [complaint])


def test_portal_user_reads_no_complaint_over_rpc(people, complaints):
    """R-30: a portal customer has no access right on complaints: RPC reads
    are refused, their own complaints are on the portal pages."""
    admin = people["admin"]
    new_user(admin, "api.portal.complaint", "base.group_portal")
    portal = people["client"]("api.portal.complaint")
    portal.refused(COMPLAINT, "read", [complaints["a"]], ["description"])
    portal.refused(COMPLAINT, "search", [])
    portal.refused(
        COMPLAINT,
        "create",
        {"partner_id": 1, "description": "Forged"},
    )


def test_r34_r35_counts_and_insurer_notice_not_typed_in(people, complaints):
    """R-34, R-35: the batch accident counts are the scheduled action's and
    the insurer's notification is recorded by its activity: a plain write of
    either is refused, and the detection cannot be run over RPC."""
    agent = people["client"]("api.agent")
    complaint = complaints["a"]
    for values in (
        {"batch_units_repaired": 1},
        {"batch_units_sold": 100000},
        {"batch_key": "1-1-0-1"},
        {"insurer_notified_at": "2026-11-23 10:00:00"},
    ):
        error = agent.refused(COMPLAINT, "write", [complaint], values)
        assert "workflow" in str(error)
    agent.refused(COMPLAINT, "_cron_batch_quality_accidents", [])
    tech = people["client"]("api.tech.a")
    tech.refused(COMPLAINT, "write", [complaint], {"property_loss": 1.0})
