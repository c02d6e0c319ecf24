"""Over the external API: the customer's acceptance and consent say what
is missing before anyone signs and are refused while something is (R-09,
R-12); the quotation starts from the diagnosis (R-14)."""

import pytest

from .helpers import approved_outlet, new_user

REPAIR = "repair.order"
WIZARD = "repair.order.signature.wizard"
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
CUSTOMER = "Qian Lu"


@pytest.fixture(scope="module")
def steps(people):
    admin = people["admin"]
    tech = new_user(admin, "api.steps.tech", "repair_service_mgmt.group_technician")
    outlet = approved_outlet(people, people["east"], "api.sup.east", [tech])
    return {
        "outlet": outlet,
        "tech": people["client"]("api.steps.tech"),
        "agent": people["client"]("api.agent"),
        "admin": admin,
        "customer": admin.call("res.partner", "create", {"name": CUSTOMER}),
        "appliance": admin.call(
            "product.product",
            "create",
            {"name": "API steps dishwasher", "type": "consu"},
        ),
        "tech_uid": tech,
        "labour": admin.ref("repair_service_mgmt.product_repair_labour"),
        "symptom": admin.ref("repair_service_mgmt.fault_symptom_noise"),
        "cause": admin.ref("repair_service_mgmt.fault_cause_fan_motor"),
    }


def _order(steps):
    agent = steps["agent"]
    order = agent.call(
        REPAIR,
        "create",
        {"partner_id": steps["customer"], "product_id": steps["appliance"]},
    )
    wizard = agent.call(
        "repair.order.dispatch.wizard",
        "create",
        {
            "repair_ids": [(6, 0, [order])],
            "outlet_id": steps["outlet"],
            "technician_id": steps["tech_uid"],
        },
    )
    agent.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])
    steps["tech"].call(REPAIR, "action_customer_contacted", [order])
    return order


def _wizard(tech, order, purpose, decision="yes"):
    return tech.call(
        WIZARD,
        "create",
        {
            "repair_id": order,
            "purpose": purpose,
            "decision": decision,
            "signed_by": CUSTOMER,
            "method": "phone",
            "signature": PNG,
        },
    )


def test_signing_refused_while_something_is_missing(steps):
    tech = steps["tech"]
    order = _order(steps)
    consent = _wizard(tech, order, "consent")
    missing = tech.call(WIZARD, "read", [consent], ["missing"])[0]["missing"]
    assert "Symptom" in missing and "Repair Plan" in missing
    assert "complete the diagnosis first" in str(
        tech.refused(WIZARD, "action_confirm", [consent])
    )
    tech.call(
        REPAIR,
        "write",
        [order],
        {
            "symptom_id": steps["symptom"],
            "cause_id": steps["cause"],
            "repair_plan": "Replace the pump",
            "estimated_hours": 1.5,
        },
    )
    assert (
        tech.call(REPAIR, "read", [order], ["consent_missing"])[0]["consent_missing"]
        is False
    )
    tech.call(WIZARD, "action_confirm", [_wizard(tech, order, "consent")])
    tech.call(REPAIR, "action_repair_start", [order])

    row = tech.call(REPAIR, "read", [order], ["acceptance_missing"])[0]
    assert row["acceptance_missing"].splitlines() == [
        "pass the full-function test",
        "upload photos of the repaired product",
        "scan the serial number",
    ]
    acceptance = _wizard(tech, order, "acceptance")
    missing = tech.call(WIZARD, "read", [acceptance], ["missing"])[0]["missing"]
    assert missing == row["acceptance_missing"]
    assert "not ready for the customer's acceptance" in str(
        tech.refused(WIZARD, "action_confirm", [acceptance])
    )
    assert "not ready for the customer's acceptance" in str(
        tech.refused(
            REPAIR, "action_record_acceptance", [order], CUSTOMER, signature=PNG
        )
    )
    row = tech.call(
        REPAIR, "read", [order], ["state", "acceptance_state", "acceptance_signature"]
    )[0]
    assert row["state"] == "under_repair"
    assert row["acceptance_state"] == "none"
    assert row["acceptance_signature"] is False


def test_quotation_from_the_diagnosis(steps):
    """The technician's Create Quotation carries the labour of the
    estimate at the company's rate."""
    tech = steps["tech"]
    order = _order(steps)
    tech.call(
        REPAIR,
        "write",
        [order],
        {
            "symptom_id": steps["symptom"],
            "cause_id": steps["cause"],
            "repair_plan": "Replace the pump",
            "estimated_hours": 3.0,
        },
    )
    tech.call(REPAIR, "action_create_sale_order", [order])
    admin_sale = steps["admin"].call(REPAIR, "read", [order], ["sale_order_id"])[0][
        "sale_order_id"
    ][0]
    lines = steps["admin"].call(
        "sale.order.line",
        "search_read",
        [("order_id", "=", admin_sale)],
        ["product_id", "product_uom_qty", "price_unit", "price_subtotal"],
    )
    assert [
        (
            line["product_id"][0],
            line["product_uom_qty"],
            line["price_unit"],
            line["price_subtotal"],
        )
        for line in lines
    ] == [(steps["labour"], 3.0, 80.0, 240.0)]
