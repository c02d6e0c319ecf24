"""Cash collected on site and handed in, over the external API (R-14,
S4 (3)9): the technician records, a billing user receives it and the payment
lands on the order's invoice."""

from datetime import date

from .helpers import approved_outlet, invoiced_order

CASH = "repair.service.cash.collection"


def test_cash_collected_and_handed_in(people, login):
    """R-14: the technician records the cash over XML-RPC and cannot hand it
    in; a billing user receives it and the invoice is paid in cash."""
    admin, client = people["admin"], people["client"]
    outlet = approved_outlet(people, technicians=["api.tech.b"])
    order, invoice = invoiced_order(
        people, login("admin", protocol="jsonrpc"), outlet, "api.tech.b", 250.0
    )
    admin.call(
        "res.users",
        "create",
        {
            "name": "API billing",
            "login": "api.billing",
            "password": "api.billing",
            "email": "api.billing@example.com",
            "groups_id": [
                (
                    6,
                    0,
                    [
                        admin.ref("account.group_account_invoice"),
                        admin.ref("base.group_user"),
                    ],
                )
            ],
        },
    )
    billing = client("api.billing")
    tech = client("api.tech.b")

    # more than the invoice's residual is refused, with the residual
    error = tech.refused(CASH, "create", {"repair_id": order, "amount": 300.0})
    assert "residual amount" in str(error)
    collection = tech.call(
        CASH, "create", {"repair_id": order, "amount": 250.0, "receipt_note": "R-1"}
    )
    row = tech.call(
        CASH, "read", [collection], ["state", "technician_id", "invoice_residual"]
    )[0]
    assert row["state"] == "collected"
    assert row["technician_id"][0] == tech.uid
    assert row["invoice_residual"] == 250.0

    # the technician neither hands in nor forges the state
    assert "invoicing rights" in str(tech.refused(CASH, "action_hand_in", [collection]))
    assert "workflow" in str(
        tech.refused(CASH, "write", [collection], {"state": "handed_in"})
    )
    assert tech.call(CASH, "read", [collection], ["state"])[0]["state"] == "collected"

    assert billing.call(CASH, "action_hand_in", [collection])
    row = billing.call(
        CASH, "read", [collection], ["state", "received_by_id", "payment_id"]
    )[0]
    assert row["state"] == "handed_in"
    assert row["received_by_id"][0] == billing.uid
    payment = billing.call(
        "account.payment", "read", [row["payment_id"][0]], ["journal_id", "amount"]
    )[0]
    assert payment["amount"] == 250.0
    journal = billing.call(
        "account.journal", "read", [payment["journal_id"][0]], ["type"]
    )[0]
    assert journal["type"] == "cash"
    move = billing.call("account.move", "read", [invoice], ["payment_state"])[0]
    assert move["payment_state"] in ("paid", "in_payment")
    amounts = tech.call(
        "repair.order",
        "read",
        [order],
        ["cash_collected_amount", "cash_pending_amount"],
    )[0]
    assert amounts["cash_collected_amount"] == 250.0
    assert amounts["cash_pending_amount"] == 0.0


def test_in_warranty_repair_is_free(people):
    """R-14: an in-warranty repair is free: its quotation refuses any price,
    over the external API as in the back office."""
    admin = people["admin"]
    product = admin.call("product.product", "create", {"name": "API warranty TV"})
    labour = admin.call(
        "product.product",
        "create",
        {"name": "API warranty labour", "type": "service", "list_price": 80.0},
    )
    partner = admin.call("res.partner", "create", {"name": "API warranty customer"})
    order = admin.call(
        "repair.order",
        "create",
        # in warranty as decided from the customer's evidence
        {
            "partner_id": partner,
            "product_id": product,
            "warranty_card_number": "WC-API",
            "purchase_invoice_number": "INV-API",
            "purchase_invoice_date": date.today().isoformat(),
        },
    )
    admin.call("repair.order", "action_create_sale_order", [order])
    row = admin.call(
        "repair.order", "read", [order], ["sale_order_id", "billing_state"]
    )[0]
    assert row["billing_state"] == "free"
    sale = row["sale_order_id"][0]
    error = admin.refused(
        "sale.order.line",
        "create",
        {"order_id": sale, "product_id": labour, "product_uom_qty": 1},
    )
    assert "free of charge" in str(error)
    assert (
        admin.call("sale.order", "read", [sale], ["amount_total"])[0]["amount_total"]
        == 0.0
    )
    assert admin.call("sale.order.line", "search", [("order_id", "=", sale)]) == []
