"""R-24 through the external API: an outlet user cannot tick
``under_warranty``, set the manager's override or put a price on an
in-warranty line, whatever context it sends."""

import pytest

from .helpers import approved_outlet, new_user

REPAIR = "repair.order"
FORGED = (
    {},
    {"repair_service_workflow_step": True},
    {"repair_service_workflow_step": 1, "bypass": True, "force": True},
)


@pytest.fixture(scope="module")
def warranty_world(people):
    admin = people["admin"]
    tech = new_user(admin, "api.war.tech", "repair_service_mgmt.group_technician")
    mgr = new_user(admin, "api.war.mgr", "repair_service_mgmt.group_outlet_manager")
    people["uid"].update({"api.war.tech": tech, "api.war.mgr": mgr})
    outlet = approved_outlet(people, people["east"], "api.sup.east", [tech], [mgr])
    customer = admin.call("res.partner", "create", {"name": "Warranty Customer Qian"})
    appliance = admin.call("product.product", "create", {"name": "API warranty fridge"})
    agent = people["client"]("api.agent")
    order = agent.call(
        REPAIR, "create", {"partner_id": customer, "product_id": appliance}
    )
    wizard = agent.call(
        "repair.order.dispatch.wizard",
        "create",
        {
            "repair_ids": [(6, 0, [order])],
            "outlet_id": outlet,
            "technician_id": tech,
        },
    )
    agent.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])
    return {"order": order, "tech": tech, "mgr": mgr}


@pytest.mark.parametrize("user_login", ["api.war.tech", "api.war.mgr"])
def test_r24_outlet_cannot_tick_warranty_or_override(
    people, warranty_world, user_login
):
    client = people["client"](user_login)
    order = warranty_world["order"]
    for context in FORGED:
        for values in (
            {"under_warranty": True},
            {"warranty_override": "in"},
            {"warranty_override_reason": "forged"},
        ):
            client.refused(REPAIR, "write", [order], values, context=context)
        client.refused(
            REPAIR, "action_override_warranty", [order], "in", "forged", context=context
        )
        client.refused(
            REPAIR, "action_set_warranty", [order], True, "forged", context=context
        )
    row = people["admin"].call(
        REPAIR,
        "read",
        [order],
        ["under_warranty", "warranty_override", "warranty_rule"],
    )[0]
    assert row["under_warranty"] is False
    assert row["warranty_override"] is False
    assert row["warranty_rule"] == "no_evidence"
