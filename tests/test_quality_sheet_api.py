"""Quality information sheets and the monthly reports over the external API
(R-36, R-37): an outlet user reads no sheet and issues none; the CS agent
sends a sheet but neither analyses it, writes the quality department's
answer nor sets the state, whatever context it claims; the monthly reports
are refused to the CS agent and the outlets."""

import pytest

from .helpers import new_user

SHEET = "repair.service.quality.sheet"
WIZARD = "repair.service.complaint.report.wizard"


@pytest.fixture(scope="module")
def sheet(people):
    admin = people["admin"]
    new_user(admin, "api.quality", "repair_service_mgmt.group_quality")
    product = admin.call("product.product", "create", {"name": "API QIS fridge"})
    agent = people["client"]("api.agent")
    return agent.call(
        SHEET,
        "create",
        {
            "product_id": product,
            "defect_type": "safety",
            "description": "Scorched terminal block",
        },
    )


def test_r36_outlet_user_reads_and_issues_no_sheet(people, sheet):
    tech = people["client"]("api.tech.a")
    tech.refused(SHEET, "read", [sheet], ["description"])
    tech.refused(SHEET, "search", [])
    tech.refused(SHEET, "write", [sheet], {"description": "Hidden"})
    tech.refused(SHEET, "action_send", [sheet])
    tech.refused(
        SHEET,
        "create",
        {"product_id": 1, "description": "Mine", "defect_type": "safety"},
    )


def test_r36_steps_by_role_never_by_a_write(people, sheet):
    agent = people["client"]("api.agent")
    agent_json = people["client"]("api.agent", protocol="jsonrpc")
    quality = people["client"]("api.quality")
    for values in ({"state": "closed"}, {"closed_at": "2026-11-23 10:00:00"}):
        error = agent.refused(SHEET, "write", [sheet], values)
        assert "workflow" in str(error)
        agent_json.refused(
            SHEET,
            "write",
            [sheet],
            values,
            context={"repair_service_workflow_step": True},
        )
    # not analysed before it is sent
    quality.refused(SHEET, "action_analyse", [sheet])
    agent.call(SHEET, "action_send", [sheet])
    # the quality department's answer is its own
    agent.refused(SHEET, "write", [sheet], {"analysis": "Agent's guess"})
    agent.refused(SHEET, "action_analyse", [sheet])
    quality.call(
        SHEET, "write", [sheet], {"analysis": "Loose clamp", "cause": "Torque"}
    )
    quality.call(SHEET, "action_analyse", [sheet])
    # closed only with the countermeasure, by the quality department
    quality.refused(SHEET, "action_close", [sheet])
    agent.refused(SHEET, "action_close", [sheet])
    quality.call(SHEET, "write", [sheet], {"countermeasure": "Clamp redesigned"})
    quality.call(SHEET, "action_close", [sheet])
    (state,) = quality.call(SHEET, "read", [sheet], ["state"])
    assert state["state"] == "closed"
    agent.refused(SHEET, "unlink", [sheet])


def test_r37_monthly_reports_refused_to_agents_and_outlets(people, sheet):
    for login in ("api.agent", "api.tech.a"):
        people["client"](login).refused(WIZARD, "create", {"month": "1", "year": 2031})
    # the report action carries empty values: JSON-RPC
    manager = people["client"]("api.mgr1", protocol="jsonrpc")
    wizard = manager.call(WIZARD, "create", {"month": "1", "year": 2031})
    action = manager.call(WIZARD, "action_complaint_summary", [wizard])
    assert action["report_type"] == "xlsx"
    # another manager's wizard is not theirs to read
    people["client"]("api.mgr2").refused(WIZARD, "read", [wizard], ["month"])
