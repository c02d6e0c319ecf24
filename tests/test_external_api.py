"""Foundation over the external API: logins, the app menu, roles."""

import pytest

from .rpc import RPCError

APP = "repair_service_mgmt.menu_root"
CONFIG = "repair_service_mgmt.menu_configuration"


def _visible(login, client, *xmlids):
    """Which of these menus the client's user sees (menu search hides the others)."""
    admin = login("admin")
    wanted = {admin.ref(xmlid): xmlid for xmlid in xmlids}
    seen = client.call("ir.ui.menu", "search", [("id", "in", list(wanted))])
    return {wanted[menu_id] for menu_id in seen}


@pytest.mark.parametrize("protocol", ["xmlrpc", "jsonrpc"])
def test_demo_user_sees_the_app_menu(login, protocol):
    client = login("demo", protocol=protocol)
    orders = "repair_service_mgmt.repair_order_menu"
    # the demo user is a CS agent, not a service administrator
    assert _visible(login, client, APP, orders, CONFIG) == {APP, orders}


def test_service_admin_sees_configuration(login):
    assert _visible(login, login("admin"), APP, CONFIG) == {APP, CONFIG}


def test_technician_sees_the_app_but_not_configuration(login):
    assert _visible(login, login("technician"), APP, CONFIG) == {APP}


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
    admin = login("admin")
    model_id = admin.ref("repair.model_repair_order")
    for protocol in ("xmlrpc", "jsonrpc"):
        agent = login("demo", protocol=protocol)
        error = agent.refused(
            "tier.definition", "create", {"name": "forged", "model_id": model_id}
        )
        assert "not allowed" in str(error)
    assert not admin.call("tier.definition", "search", [("name", "=", "forged")])
    tier = admin.call(
        "tier.definition",
        "create",
        {
            "name": "Made by the service administrator",
            "model_id": model_id,
            "review_type": "group",
            "reviewer_group_id": admin.ref("repair_service_mgmt.group_cs_manager"),
        },
    )
    assert tier
    admin.call("tier.definition", "write", [tier], {"active": False})
