"""Outlet scoring over the external API (R-46): an outlet manager calling
XML-RPC or JSON-RPC cannot confirm the period, read another outlet's score
sheet or type a score; the CS-centre manager closes and confirms."""

import pytest

from .helpers import approved_outlet, new_user

SHEET = "repair.service.scoring.sheet"
PERIOD = "repair.service.scoring.period"


@pytest.fixture(scope="module")
def scoring(people):
    admin = people["admin"]
    manager_uid = new_user(
        admin, "api.scoring.om", "repair_service_mgmt.group_outlet_manager"
    )
    outlet_a = approved_outlet(people, staff=[manager_uid])
    admin.call(
        "repair.service.outlet", "write", [outlet_a], {"manager_id": manager_uid}
    )
    outlet_b = approved_outlet(
        people, region=people["north"], inspector="api.sup.north"
    )
    cs_manager = people["client"]("api.mgr1")
    period = cs_manager.call(
        PERIOD,
        "create",
        {
            "kind": "quarter",
            "date_from": "2033-01-01",
            "date_to": "2033-03-31",
            "scheme_id": admin.ref("repair_service_mgmt.scoring_scheme_default"),
        },
    )
    assert cs_manager.call(PERIOD, "action_close", [period])
    sheets = {
        row["outlet_id"][0]: row["id"]
        for row in cs_manager.call(
            SHEET, "search_read", [("period_id", "=", period)], ["outlet_id"]
        )
    }
    return {
        "period": period,
        "own": sheets[outlet_a],
        "other": sheets[outlet_b],
        "outlet_a": outlet_a,
    }


@pytest.mark.parametrize("protocol", ["xmlrpc", "jsonrpc"])
def test_r46_outlet_manager_sees_only_own_sheet(people, scoring, protocol):
    om = people["client"]("api.scoring.om", protocol)
    found = om.call(SHEET, "search", [("period_id", "=", scoring["period"])])
    assert found == [scoring["own"]]
    assert om.call(SHEET, "read", [scoring["own"]], ["rank", "score"])
    om.refused(SHEET, "read", [scoring["other"]], ["score"])
    other_lines = om.call(
        "repair.service.scoring.sheet.line",
        "search",
        [("sheet_id", "=", scoring["other"])],
    )
    assert other_lines == []


@pytest.mark.parametrize("protocol", ["xmlrpc", "jsonrpc"])
def test_r46_outlet_manager_cannot_score_or_confirm(people, scoring, protocol):
    om = people["client"]("api.scoring.om", protocol)
    om.refused(SHEET, "write", [scoring["own"]], {"score": 100.0})
    om.refused(SHEET, "write", [scoring["own"]], {"rank": 1})
    om.refused(
        SHEET,
        "create",
        {"period_id": scoring["period"], "outlet_id": scoring["outlet_a"]},
    )
    om.refused(PERIOD, "action_confirm", [scoring["period"]])
    om.refused(SHEET, "action_confirm", [scoring["own"]])
    om.refused(PERIOD, "action_close", [scoring["period"]])
    # a CS agent cannot confirm either, nor force the state
    agent = people["client"]("api.agent", protocol)
    agent.refused(PERIOD, "action_confirm", [scoring["period"]])
    people["client"]("api.mgr1", protocol).refused(
        PERIOD, "write", [scoring["period"]], {"state": "confirmed"}
    )
    state = people["admin"].call(PERIOD, "read", [scoring["period"]], ["state"])[0]
    assert state["state"] == "closed"


def test_r46_cs_manager_confirms_and_sheets_freeze(people, scoring):
    cs_manager = people["client"]("api.mgr1")
    assert cs_manager.call(PERIOD, "action_confirm", [scoring["period"]])
    sheet = cs_manager.call(SHEET, "read", [scoring["own"]], ["state"])[0]
    assert sheet["state"] == "confirmed"
    cs_manager.refused(PERIOD, "action_close", [scoring["period"]])
