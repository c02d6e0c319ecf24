"""R-24, R-25 through the external API, as a hostile outlet user: the
warranty box, a price on an in-warranty line, the CS centre's confirmation
of an exclusion inside the seller's presumption window and the waiting days
are all refused, and the database keeps what it had."""

import datetime

import pytest

from .helpers import approved_outlet, new_user

REPAIR = "repair.order"
EXCLUSION = "repair.warranty.exclusion"
FORGED = (
    {},
    {"repair_service_workflow_step": True},
    {"repair_service_workflow_step": 1, "bypass": True, "force": True},
)
OUTLET_USERS = ["api.nat.tech", "api.nat.mgr"]


@pytest.fixture(scope="module")
def national_world(people):
    """An in-warranty order bought a month ago (inside the presumption
    window), dispatched to an outlet, with a draft quotation of a part at
    zero and a misuse exclusion the technician recorded."""
    admin = people["admin"]
    tech = new_user(admin, "api.nat.tech", "repair_service_mgmt.group_technician")
    mgr = new_user(admin, "api.nat.mgr", "repair_service_mgmt.group_outlet_manager")
    people["uid"].update({"api.nat.tech": tech, "api.nat.mgr": mgr})
    outlet = approved_outlet(people, people["east"], "api.sup.east", [tech], [mgr])
    customer = admin.call("res.partner", "create", {"name": "Warranty Customer Zhou"})
    appliance = admin.call("product.product", "create", {"name": "API national washer"})
    part = admin.call(
        "product.product",
        "create",
        {"name": "API drain pump", "type": "consu", "list_price": 80.0},
    )
    bought = (datetime.date.today() - datetime.timedelta(days=30)).isoformat()
    agent = people["client"]("api.agent")
    order = agent.call(
        REPAIR,
        "create",
        {
            "partner_id": customer,
            "product_id": appliance,
            "warranty_card_number": "WC-API-1",
            "purchase_invoice_number": "INV-API-1",
            "purchase_invoice_date": bought,
        },
    )
    wizard = agent.call(
        "repair.order.dispatch.wizard",
        "create",
        {"repair_ids": [(6, 0, [order])], "outlet_id": outlet, "technician_id": tech},
    )
    agent.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])
    move = admin.call(
        "stock.move",
        "create",
        {
            "repair_id": order,
            "repair_line_type": "add",
            "product_id": part,
            "product_uom_qty": 1,
        },
    )
    admin.call(REPAIR, "action_create_sale_order", [order])
    sale = admin.call(REPAIR, "read", [order], ["sale_order_id"])[0]["sale_order_id"][0]
    misuse = admin.ref("repair_service_mgmt.warranty_exclusion_misuse")
    exclusion = people["client"]("api.nat.tech").call(
        EXCLUSION,
        "create",
        {"repair_id": order, "reason_id": misuse, "note": "Drain hose bent"},
    )
    return {
        "order": order,
        "sale": sale,
        "move": move,
        "part": part,
        "exclusion": exclusion,
    }


def _state(admin, world):
    order = admin.call(
        REPAIR,
        "read",
        [world["order"]],
        [
            "under_warranty",
            "warranty_rule",
            "warranty_override",
            "parts_waiting_since",
            "warranty_waiting_days",
        ],
    )[0]
    sale = admin.call("sale.order", "read", [world["sale"]], ["amount_total"])[0]
    lines = admin.call(
        "sale.order.line",
        "search_read",
        [("order_id", "=", world["sale"])],
        ["price_unit", "discount"],
    )
    exclusion = admin.call(
        EXCLUSION,
        "read",
        [world["exclusion"]],
        ["cs_confirmed", "cs_confirmed_by_id", "needs_cs_confirmation"],
    )[0]
    return order, sale, lines, exclusion


@pytest.mark.parametrize("user_login", OUTLET_USERS)
def test_r25_outlet_cannot_charge_an_in_warranty_repair(
    people, national_world, user_login
):
    admin = people["admin"]
    world = national_world
    before = _state(admin, world)
    order, sale, lines, exclusion = before
    # the misuse recorded inside six months waits for the CS centre
    assert order["under_warranty"] is True
    assert order["warranty_rule"] == "unit"
    assert exclusion["needs_cs_confirmation"] is True
    assert sale["amount_total"] == 0.0
    assert lines and all(line["price_unit"] == 0.0 for line in lines)
    client = people["client"](user_login)
    line_ids = [line["id"] for line in lines]
    for context in FORGED:
        for values in ({"under_warranty": False}, {"under_warranty": True}):
            client.refused(REPAIR, "write", [world["order"]], values, context=context)
        client.refused(
            "sale.order.line",
            "write",
            line_ids,
            {"price_unit": 80.0},
            context=context,
        )
        client.refused(
            "sale.order.line",
            "create",
            {
                "order_id": world["sale"],
                "product_id": world["part"],
                "product_uom_qty": 1,
                "price_unit": 80.0,
            },
            context=context,
        )
        client.refused(
            EXCLUSION, "action_cs_confirm", [world["exclusion"]], context=context
        )
        client.refused(
            EXCLUSION,
            "write",
            [world["exclusion"]],
            {"cs_confirmed": True},
            context=context,
        )
        client.refused(
            REPAIR,
            "write",
            [world["order"]],
            {"warranty_waiting_days": 400},
            context=context,
        )
    assert _state(admin, world) == before
