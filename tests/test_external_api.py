"""Foundation over the external API: logins, the app menu, roles."""

import pytest

from .rpc import RPCError

APP = "repair_service_mgmt.menu_root"
CONFIG = "repair_service_mgmt.menu_configuration"


def _menu_xmlids(client):
    """External ids of the menus the user sees (search hides the others)."""
    menu_ids = client.call("ir.ui.menu", "search", [])
    rows = client.call(
        "ir.model.data",
        "search_read",
        [("model", "=", "ir.ui.menu"), ("res_id", "in", menu_ids)],
        ["module", "name"],
    )
    return {f"{row['module']}.{row['name']}" for row in rows}


@pytest.mark.parametrize("protocol", ["xmlrpc", "jsonrpc"])
def test_demo_user_sees_the_app_menu(login, protocol):
    client = login("demo", protocol=protocol)
    xmlids = _menu_xmlids(client)
    assert APP in xmlids
    assert "repair_service_mgmt.repair_order_menu" in xmlids
    # the demo user is a CS agent, not a service administrator
    assert CONFIG not in xmlids


def test_service_admin_sees_configuration(login):
    assert CONFIG in _menu_xmlids(login("admin"))


def test_technician_sees_the_app_but_not_configuration(login):
    xmlids = _menu_xmlids(login("technician"))
    assert APP in xmlids
    assert CONFIG not in xmlids


def test_demo_user_roles(login):
    client = login("demo")
    groups = {
        "repair_service_mgmt.group_cs_agent": True,
        "repair_service_mgmt.group_cs_manager": False,
        "repair_service_mgmt.group_service_admin": False,
    }
    for xmlid, expected in groups.items():
        assert client.call("res.users", "has_group", client.uid, xmlid) is expected


def test_wrong_password_is_refused(server):
    from .rpc import OdooClient

    with pytest.raises(RPCError):
        OdooClient(server["url"], server["db"], "demo", "not-the-password")


def test_cs_agent_cannot_edit_approval_tiers(login):
    agent = login("demo")
    with pytest.raises(RPCError, match="not allowed"):
        agent.call(
            "tier.definition",
            "create",
            {"name": "forged", "model_id": agent.ref("repair.model_repair_order")},
        )
    admin = login("admin")
    tier = admin.call(
        "tier.definition",
        "create",
        {
            "name": "Made by the service administrator",
            "model_id": admin.ref("repair.model_repair_order"),
            "review_type": "group",
            "reviewer_group_id": admin.ref("repair_service_mgmt.group_cs_manager"),
        },
    )
    assert tier
    admin.call("tier.definition", "write", [tier], {"active": False})
