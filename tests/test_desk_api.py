"""The dispatch of an on-site job over the external API (R-04, R-07): the
server refuses it without a technician, whatever the client shows."""

from .helpers import approved_outlet

WIZARD = "repair.order.dispatch.wizard"


def test_on_site_job_needs_its_technician(people):
    """R-07: an on-site order is dispatched with the technician who goes to
    the customer; without one the dispatch is refused and nothing changes."""
    admin, client = people["admin"], people["client"]
    agent = client("api.agent")
    outlet = approved_outlet(people, technicians=["api.tech.a"])
    product = admin.call("product.product", "create", {"name": "API desk oven"})
    partner = admin.call(
        "res.partner", "create", {"name": "API desk customer", "city": "Beijing"}
    )
    order = agent.call(
        "repair.order",
        "create",
        {"partner_id": partner, "product_id": product, "service_mode": "on_site"},
    )
    wizard = agent.call(
        WIZARD, "create", {"repair_ids": [(6, 0, [order])], "outlet_id": outlet}
    )
    error = agent.refused(WIZARD, "action_dispatch", [wizard])
    assert "Choose the technician who goes to the customer" in str(error)
    values = agent.call(
        "repair.order", "read", [order], ["dispatch_state", "outlet_id"]
    )
    assert values[0]["dispatch_state"] == "to_dispatch"
    assert not values[0]["outlet_id"]

    technician = people["uid"]["api.tech.a"]
    wizard = agent.call(
        WIZARD,
        "create",
        {
            "repair_ids": [(6, 0, [order])],
            "outlet_id": outlet,
            "technician_id": technician,
        },
    )
    agent.call(WIZARD, "action_dispatch", [wizard])
    values = agent.call(
        "repair.order",
        "read",
        [order],
        ["dispatch_state", "outlet_id", "technician_id"],
    )[0]
    assert values["dispatch_state"] == "dispatched"
    assert values["outlet_id"][0] == outlet
    assert values["technician_id"][0] == technician
