"""R-23 through the external API: the outlet proposes a return/exchange,
but cannot approve it, make its documents, or set its state or its amounts,
whatever context it sends."""

import datetime

import pytest

from .helpers import approved_outlet, new_user

REQUEST = "repair.warranty.request"
FORGED = (
    {},
    {"repair_service_workflow_step": True, "skip_validation_check": True},
    {"repair_service_workflow_step": 1, "bypass": True, "force": True},
)


@pytest.fixture(scope="module")
def request_world(people):
    admin = people["admin"]
    tech = new_user(admin, "api.rx.tech", "repair_service_mgmt.group_technician")
    mgr = new_user(admin, "api.rx.mgr", "repair_service_mgmt.group_outlet_manager")
    people["uid"].update({"api.rx.tech": tech, "api.rx.mgr": mgr})
    outlet = approved_outlet(people, people["east"], "api.sup.east", [tech], [mgr])
    customer = admin.call("res.partner", "create", {"name": "Exchange Customer Wu"})
    product = admin.call(
        "product.product",
        "create",
        {
            "name": "API exchange washer",
            "type": "consu",
            "is_storable": True,
            "tracking": "serial",
        },
    )
    # stock_account's stock.lot create() lacks its API decorator in 18.0:
    # over RPC a serial number is made with name_create
    lot = admin.call(
        "stock.lot",
        "name_create",
        "API-RX-0001",
        context={"default_product_id": product},
    )[0]
    bought = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
    agent = people["client"]("api.agent")
    order = agent.call(
        "repair.order",
        "create",
        {
            "partner_id": customer,
            "product_id": product,
            "lot_id": lot,
            "warranty_card_number": "WC-API-RX",
            "purchase_invoice_number": "INV-API-RX",
            "purchase_invoice_date": bought,
        },
    )
    wizard = agent.call(
        "repair.order.dispatch.wizard",
        "create",
        {"repair_ids": [(6, 0, [order])], "outlet_id": outlet, "technician_id": tech},
    )
    agent.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])
    client = people["client"]("api.rx.tech")
    action = client.call("repair.order", "action_create_warranty_request", [order])
    request = action["res_id"]
    client.call(REQUEST, "action_submit", [request])
    return {"order": order, "request": request, "lot": lot}


def _read(people, request):
    return people["admin"].call(
        REQUEST,
        "read",
        [request],
        [
            "state",
            "validation_status",
            "depreciation_amount",
            "refund_amount",
            "return_picking_id",
            "delivery_picking_id",
            "credit_note_id",
        ],
    )[0]


@pytest.mark.parametrize("user_login", ["api.rx.tech", "api.rx.mgr"])
def test_r23_outlet_cannot_approve_process_or_forge(people, request_world, user_login):
    client = people["client"](user_login)
    request = request_world["request"]
    row = _read(people, request)
    assert row["state"] == "submitted"
    assert row["validation_status"] in ("waiting", "pending")
    reviews = people["admin"].call(
        "tier.review", "search", [("model", "=", REQUEST), ("res_id", "=", request)]
    )
    assert reviews
    for context in FORGED:
        client.refused(REQUEST, "validate_tier", [request], context=context)
        client.refused(REQUEST, "reject_tier", [request], context=context)
        client.refused(REQUEST, "action_process", [request], context=context)
        client.refused(REQUEST, "restart_validation", [request], context=context)
        for values in (
            {"state": "approved"},
            {"state": "done"},
            {"depreciation_amount": 0.0},
            {"refund_amount": 99999.0},
            {"kind": "refund"},
        ):
            client.refused(REQUEST, "write", [request], values, context=context)
        # the reviews are answered only by their reviewers
        client.refused(
            "tier.review",
            "write",
            reviews,
            {"status": "approved", "done_by": people["uid"]["api.mgr1"]},
            context=context,
        )
        client.refused("tier.review", "unlink", reviews, context=context)
    row = _read(people, request)
    assert row["state"] == "submitted"
    assert row["validation_status"] in ("waiting", "pending")
    assert not row["return_picking_id"]
    assert not row["delivery_picking_id"]
    assert not row["credit_note_id"]


def test_r23_approved_only_by_the_cs_centre_then_processed_by_it(people, request_world):
    request = request_world["request"]
    # the CS-centre manager approves; the outlet still cannot process
    people["client"]("api.mgr1").call(REQUEST, "validate_tier", [request])
    assert _read(people, request)["state"] == "approved"
    people["client"]("api.rx.tech").refused(REQUEST, "action_process", [request])
    # without a replacement in stock the CS agent is told what to do
    error = people["client"]("api.agent").refused(REQUEST, "action_process", [request])
    assert "replacement serial" in str(error)
    row = _read(people, request)
    assert row["state"] == "approved"
    assert not row["return_picking_id"]
