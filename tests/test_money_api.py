"""Money paths over the external API, tried as a hostile outlet user would:
other outlets' sales, confirmed and invoiced prices, the order's link to
its sale, the fee check before the invoice (R-16), cash without invoice or
received by its own recorder, numbers chosen by the caller, a confirmed
violation rewritten."""

import base64

import pytest

from .helpers import (
    approved_outlet,
    dispatched_order,
    draft_invoice,
    invoiced_order,
    new_user,
    quoted_sale,
)

CASH = "repair.service.cash.collection"
PNG = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
).decode()


@pytest.fixture(scope="module")
def money(people, login):
    """Outlet A with a technician and a staff member who also has invoicing
    rights; outlet B with its technician; an invoiced order of each."""
    admin = people["admin"]
    tech = "repair_service_mgmt.group_technician"
    uid = {
        "tech_a": new_user(admin, "api.money.tech.a", tech),
        "tech_b": new_user(admin, "api.money.tech.b", tech),
        "staff_billing": new_user(
            admin,
            "api.money.staff",
            "repair_service_mgmt.group_outlet_staff",
            "account.group_account_invoice",
        ),
    }
    people["uid"].update(
        {"api.money.tech.a": uid["tech_a"], "api.money.tech.b": uid["tech_b"]}
    )
    outlet_a = approved_outlet(
        people, people["east"], "api.sup.east", [uid["tech_a"]], [uid["staff_billing"]]
    )
    outlet_b = approved_outlet(
        people, people["north"], "api.sup.north", [uid["tech_b"]]
    )
    admin_json = login("admin", protocol="jsonrpc")
    order_a, invoice_a = invoiced_order(
        people, admin_json, outlet_a, "api.money.tech.a", 500.0
    )
    order_b, invoice_b = invoiced_order(
        people, admin_json, outlet_b, "api.money.tech.b", 100.0
    )
    return {
        "uid": uid,
        "outlet_a": outlet_a,
        "order_a": order_a,
        "invoice_a": invoice_a,
        "order_b": order_b,
        "invoice_b": invoice_b,
        "sale_a": admin.call("repair.order", "read", [order_a], ["sale_order_id"])[0][
            "sale_order_id"
        ][0],
        "sale_b": admin.call("repair.order", "read", [order_b], ["sale_order_id"])[0][
            "sale_order_id"
        ][0],
    }


def _sale(admin, sale):
    order = admin.call(
        "sale.order", "read", [sale], ["amount_total", "user_id", "order_line"]
    )[0]
    lines = admin.call(
        "sale.order.line", "read", order["order_line"], ["price_unit", "discount"]
    )
    return order["amount_total"], order["user_id"], lines


def test_outlets_touch_only_their_own_sales(people, money):
    """A technician of outlet B counts only B's sales, cannot read A's, and
    cannot reprice, discount or reassign a confirmed or invoiced sale of
    its own outlet either."""
    admin, client = people["admin"], people["client"]
    tech_b = client("api.money.tech.b")
    visible = tech_b.call("sale.order", "search", [])
    assert money["sale_b"] in visible and money["sale_a"] not in visible
    assert all(
        admin.call("sale.order", "read", [sale], ["repair_service"])[0][
            "repair_service"
        ]
        for sale in visible
    ), "only sales of B's service orders"
    before_a, before_b = _sale(admin, money["sale_a"]), _sale(admin, money["sale_b"])
    line_a = before_a[2][0]["id"]
    assert "doesn't have" in str(
        tech_b.refused(
            "sale.order.line", "write", [line_a], {"price_unit": 1, "discount": 99}
        )
    )
    line_b = before_b[2][0]["id"]
    for values in ({"price_unit": 7.0}, {"discount": 99.0}):
        assert "is confirmed or invoiced" in str(
            tech_b.refused("sale.order.line", "write", [line_b], values)
        )
    assert "Salesperson" in str(
        tech_b.refused(
            "sale.order",
            "write",
            [money["sale_b"]],
            {"user_id": money["uid"]["tech_a"]},
        )
    )
    assert _sale(admin, money["sale_a"]) == before_a
    assert _sale(admin, money["sale_b"]) == before_b


def test_order_cannot_be_pointed_at_another_sale(people, money):
    """The link from an order to its sale order belongs to the quotation
    step: a technician cannot point their order at another customer's sale."""
    admin, tech_b = people["admin"], people["client"]("api.money.tech.b")
    assert "change only through the workflow buttons" in str(
        tech_b.refused(
            "repair.order",
            "write",
            [money["order_b"]],
            {"sale_order_id": money["sale_a"]},
        )
    )
    linked = admin.call("repair.order", "read", [money["order_b"]], ["sale_order_id"])
    assert linked[0]["sale_order_id"][0] == money["sale_b"]


def test_fees_checked_before_the_invoice(people, login):
    """R-16: the invoice of a service order is not posted before a CS agent
    checked its fees; the check is recorded."""
    admin, agent = people["admin"], people["client"]("api.agent")
    admin_json = login("admin", protocol="jsonrpc")
    outlet = approved_outlet(people, technicians=["api.tech.b"])
    order = dispatched_order(people, admin, outlet, "api.tech.b", name="API fee")
    # a labour line at 80 where the price list says 0
    sale = quoted_sale(admin_json, order, 80.0, list_price=0.0)
    invoice = draft_invoice(admin_json, sale)
    assert "are not checked yet" in str(
        admin.refused("account.move", "action_post", [invoice])
    )
    assert "differ from the price list" in str(
        agent.refused("sale.order", "action_repair_check_fees", [sale])
    )
    agent.call(
        "sale.order", "write", [sale], {"repair_fee_check_note": "Agreed night rate"}
    )
    agent.call("sale.order", "action_repair_check_fees", [sale])
    checked = admin.call(
        "sale.order",
        "read",
        [sale],
        ["repair_fee_check_user_id", "repair_fee_check_date"],
    )[0]
    assert checked["repair_fee_check_user_id"][0] == agent.uid
    assert checked["repair_fee_check_date"]
    admin.call("account.move", "action_post", [invoice])
    state = admin.call("account.move", "read", [invoice], ["state"])[0]["state"]
    assert state == "posted"


def test_cash_cap_four_eyes_and_numbers(people, money, login):
    """Cash is collected against a posted invoice, never above what is due;
    the one who records it never receives it; its number is the
    sequence's."""
    admin, client = people["admin"], people["client"]
    tech_a, staff = client("api.money.tech.a"), client("api.money.staff")
    count = admin.call(CASH, "search_count", [])
    assert "more than is still due" in str(
        tech_a.refused(CASH, "create", {"repair_id": money["order_a"], "amount": 600.0})
    )
    assert "Number of Cash Collection" in str(
        tech_a.refused(
            CASH,
            "create",
            {"repair_id": money["order_a"], "amount": 50.0, "name": "FORGED-NUMBER"},
        )
    )
    collection = staff.call(
        CASH,
        "create",
        {
            "repair_id": money["order_a"],
            "amount": 50.0,
            "technician_id": money["uid"]["tech_a"],
        },
    )
    assert "recorded this cash yourself" in str(
        staff.refused(CASH, "action_hand_in", [collection])
    )
    assert "Number of Cash Collection" in str(
        staff.refused(CASH, "write", [collection], {"name": "FORGED-NUMBER"})
    )
    row = admin.call(CASH, "read", [collection], ["state", "name"])[0]
    assert row["state"] == "collected" and row["name"].startswith("CASH/")
    assert admin.call(CASH, "search_count", []) == count + 1


def test_confirmed_violation_is_kept(people, money):
    """A confirmed violation keeps its description, evidence and order."""
    admin, manager = people["admin"], people["client"]("api.mgr1")
    evidence = manager.call(
        "ir.attachment", "create", {"name": "api-bill.png", "datas": PNG}
    )
    violation = manager.call(
        "repair.service.violation",
        "create",
        {
            "outlet_id": money["outlet_a"],
            "violation_type": "overcharge",
            "description": "Charged for a free repair",
            "repair_id": money["order_a"],
            "evidence_ids": [(6, 0, [evidence])],
        },
    )
    manager.call("repair.service.violation", "action_confirm", [violation])
    for values in (
        {"description": "nothing happened"},
        {"evidence_ids": [(5,)]},
        {"repair_id": money["order_b"]},
    ):
        assert "kept as recorded" in str(
            manager.refused("repair.service.violation", "write", [violation], values)
        )
    assert "files cannot be replaced" in str(
        manager.refused("ir.attachment", "unlink", [evidence])
    )
    row = admin.call(
        "repair.service.violation",
        "read",
        [violation],
        ["description", "evidence_ids", "repair_id"],
    )[0]
    assert row["description"] == "Charged for a free repair"
    assert row["evidence_ids"] == [evidence]
    assert row["repair_id"][0] == money["order_a"]
