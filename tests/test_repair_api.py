"""Repair-order intake and dispatch over the external API (R-03, R-04, R-07,
R-44, R-45): the same server checks as in the back office."""

from .helpers import approved_outlet


def _outlet(people, region, inspector, technician):
    return approved_outlet(people, region, inspector, technicians=[technician])


def _dispatch(client, order, outlet, technician, reason=False):
    wizard = client.call(
        "repair.order.dispatch.wizard",
        "create",
        {
            "repair_ids": [(6, 0, [order])],
            "outlet_id": outlet,
            "technician_id": technician,
            "outside_area_reason": reason,
        },
    )
    return client.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])


def test_intake_and_dispatch(people):
    """R-03: phone validated and normalised; R-07: dispatch, accept, no
    reassignment by the technician; R-44: the other outlet's technician
    does not see the order; R-45: a suspended outlet is refused."""
    admin, client = people["admin"], people["client"]
    agent = client("api.agent")
    china = admin.ref("base.cn")
    product = admin.call(
        "product.product", "create", {"name": "API washing machine", "type": "consu"}
    )
    partner = admin.call(
        "res.partner",
        "create",
        {"name": "API customer", "city": "Urumqi", "country_id": china},
    )
    error = agent.refused(
        "repair.order",
        "create",
        {"partner_id": partner, "product_id": product, "customer_phone": "12"},
    )
    assert "is not valid" in str(error)
    order = agent.call(
        "repair.order",
        "create",
        {
            "partner_id": partner,
            "product_id": product,
            "customer_phone": "+86 10 6123 4567",
            "intake_channel": "phone",
            "service_mode": "carry_in",
        },
    )
    row = agent.call("repair.order", "read", [order], ["customer_phone"])[0]
    assert row["customer_phone"] == "+861061234567"

    outlet_a = _outlet(people, people["east"], "api.sup.east", "api.tech.a")
    outlet_b = _outlet(people, people["north"], "api.sup.north", "api.tech.b")
    tech_a = client("api.tech.a")
    # a technician does not dispatch
    error = tech_a.refused(
        "repair.order.dispatch.wizard",
        "create",
        {"repair_ids": [(6, 0, [order])], "outlet_id": outlet_a},
    )
    assert error
    _dispatch(agent, order, outlet_a, people["uid"]["api.tech.a"])
    assert "workflow buttons" in str(
        tech_a.refused(
            "repair.order",
            "write",
            [order],
            {"technician_id": people["uid"]["api.tech.b"]},
        )
    )
    # the other outlet's technician cannot even see the order
    assert "top-secret" in str(
        client("api.tech.b").refused("repair.order", "action_accept_job", [order])
    )
    tech_a.call("repair.order", "action_accept_job", [order])
    row = agent.call(
        "repair.order",
        "read",
        [order],
        ["dispatch_state", "outlet_id", "technician_id"],
    )[0]
    assert row["dispatch_state"] == "accepted"
    assert row["outlet_id"][0] == outlet_a
    assert (
        client("api.tech.b").call("repair.order", "search", [("id", "=", order)]) == []
    )

    # on site outside the area needs an authorisation
    onsite = agent.call(
        "repair.order",
        "create",
        {"partner_id": partner, "product_id": product, "service_mode": "on_site"},
    )
    assert "does not serve" in str(
        agent.refused(
            "repair.order.dispatch.wizard",
            "action_dispatch",
            [
                agent.call(
                    "repair.order.dispatch.wizard",
                    "create",
                    {
                        "repair_ids": [(6, 0, [onsite])],
                        "outlet_id": outlet_a,
                        "technician_id": people["uid"]["api.tech.a"],
                    },
                )
            ],
        )
    )
    _dispatch(
        agent,
        onsite,
        outlet_a,
        people["uid"]["api.tech.a"],
        "Authorised by the CS centre",
    )

    # a suspended outlet receives nothing
    manager = client("api.mgr1")
    violation = manager.call(
        "repair.service.violation",
        "create",
        {
            "outlet_id": outlet_b,
            "violation_type": "privacy",
            "description": "Customer data disclosed",
            "penalty": "suspension",
        },
    )
    manager.call("repair.service.violation", "action_confirm", [violation])
    new_order = agent.call(
        "repair.order", "create", {"partner_id": partner, "product_id": product}
    )
    wizard = agent.call(
        "repair.order.dispatch.wizard",
        "create",
        {"repair_ids": [(6, 0, [new_order])], "outlet_id": outlet_b},
    )
    assert "cannot receive new orders" in str(
        agent.refused("repair.order.dispatch.wizard", "action_dispatch", [wizard])
    )
