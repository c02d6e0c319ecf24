"""The repair flow of a service order over the external API (R-02, R-09…R-12):
consultation answered and closed, diagnosis, the customer's consent before
the repair and its parts, a new consent for parts added later, completion
with test, photos, serial and a signed acceptance, rework of a disputed
result; each step checked by the server for the user who calls it."""

import pytest

from .helpers import approved_outlet

REPAIR = "repair.order"
WIZARD = "repair.order.signature.wizard"
# a 1×1 PNG: the customer's signature and the completion photo
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
CUSTOMER = "Zhao Min"


def _user(admin, login, group):
    return admin.call(
        "res.users",
        "create",
        {
            "name": login,
            "login": login,
            "password": login,
            "email": f"{login}@example.com",
            "groups_id": [(6, 0, [admin.ref(f"repair_service_mgmt.{group}")])],
        },
    )


def _storable(admin, admin_json, name, location, quantity):
    """A spare part with ``quantity`` on hand in ``location``; the inventory
    is applied over JSON-RPC (the button answers None, which XML-RPC cannot
    carry)."""
    product = admin.call(
        "product.product",
        "create",
        {"name": name, "type": "consu", "is_storable": True},
    )
    quant = admin.call(
        "stock.quant",
        "create",
        {
            "product_id": product,
            "location_id": location,
            "inventory_quantity": quantity,
        },
        context={"inventory_mode": True},
    )
    admin_json.call("stock.quant", "action_apply_inventory", [quant])
    return product


@pytest.fixture(scope="module")
def flow(people, login):
    """One outlet (east) with a technician and a staff member, another outlet
    (north) with its own technician, a customer, an appliance and two
    spare parts stocked in the first outlet's warehouse."""
    admin = people["admin"]
    admin_json = login("admin", protocol="jsonrpc")
    uid = {
        "tech": _user(admin, "api.flow.tech", "group_technician"),
        "staff": _user(admin, "api.flow.staff", "group_outlet_staff"),
        "other": _user(admin, "api.flow.other", "group_technician"),
    }
    outlet = approved_outlet(
        people, people["east"], "api.sup.east", [uid["tech"]], [uid["staff"]]
    )
    approved_outlet(people, people["north"], "api.sup.north", [uid["other"]])
    location = admin.call("repair.service.outlet", "read", [outlet], ["location_id"])[
        0
    ]["location_id"][0]
    return {
        "outlet": outlet,
        "location": location,
        "uid": uid,
        "customer": admin.call("res.partner", "create", {"name": CUSTOMER}),
        "appliance": admin.call(
            "product.product",
            "create",
            {"name": "API flow air conditioner", "type": "consu"},
        ),
        "fan": _storable(admin, admin_json, "API flow fan motor", location, 10),
        "sensor": _storable(admin, admin_json, "API flow sensor", location, 10),
        "symptom": admin.ref("repair_service_mgmt.fault_symptom_noise"),
        "cause": admin.ref("repair_service_mgmt.fault_cause_fan_motor"),
        "consent_activity": admin.ref(
            "repair_service_mgmt.mail_activity_customer_consent"
        ),
    }


def _read(client, order, *names):
    return client.call(REPAIR, "read", [order], list(names))[0]


def _dispatched_order(people, flow):
    """A repair order created by the CS agent, dispatched to the outlet's
    technician, who has called the customer."""
    agent = people["client"]("api.agent")
    order = agent.call(
        REPAIR,
        "create",
        {
            "partner_id": flow["customer"],
            "product_id": flow["appliance"],
            "fault_description": "Rattles",
        },
    )
    wizard = agent.call(
        "repair.order.dispatch.wizard",
        "create",
        {
            "repair_ids": [(6, 0, [order])],
            "outlet_id": flow["outlet"],
            "technician_id": flow["uid"]["tech"],
        },
    )
    agent.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])
    people["client"]("api.flow.tech").call(REPAIR, "action_customer_contacted", [order])
    return order


def _diagnose(tech, flow, order):
    tech.call(
        REPAIR,
        "write",
        [order],
        {
            "symptom_id": flow["symptom"],
            "cause_id": flow["cause"],
            "diagnosis": "Fan bearing worn",
            "repair_plan": "Replace the fan motor",
            "estimated_hours": 1.5,
            "estimated_cost": 180.0,
        },
    )


def _add_part(tech, order, product, qty=1):
    return tech.call(
        "stock.move",
        "create",
        {
            "repair_id": order,
            "repair_line_type": "add",
            "product_id": product,
            "product_uom_qty": qty,
        },
    )


def test_consultation_answered_and_closed(people, flow):
    """R-02: the CS agent closes a consultation with the answer given; a
    technician may not, an unanswered one and a repair are refused."""
    agent = people["client"]("api.agent")
    tech = people["client"]("api.flow.tech")
    order = agent.call(
        REPAIR,
        "create",
        {"partner_id": flow["customer"], "request_type": "consultation"},
    )
    assert "Write the answer" in str(
        agent.refused(REPAIR, "action_close_consultation", [order])
    )
    agent.call(
        REPAIR,
        "write",
        [order],
        {"consultation_answer": "Clean the filter every month."},
    )
    assert "“CS Agent” may close a consultation" in str(
        tech.refused(REPAIR, "action_close_consultation", [order])
    )
    assert _read(agent, order, "state", "close_reason") == {
        "id": order,
        "state": "draft",
        "close_reason": False,
    }
    assert agent.call(REPAIR, "action_close_consultation", [order]) is True
    row = _read(agent, order, "state", "close_reason", "consultation_answer")
    assert row["state"] == "cancel"
    assert row["close_reason"] == "answered"
    assert row["consultation_answer"] == "Clean the filter every month."

    repair = _dispatched_order(people, flow)
    assert "not an open consultation" in str(
        agent.refused(REPAIR, "action_close_consultation", [repair])
    )
    assert _read(agent, repair, "state")["state"] == "draft"


def test_consent_parts_acceptance_and_rework(people, flow):
    """R-09: no repair before the customer's signed consent, which only its
    step records; R-10: a part added afterwards needs a new consent (given
    by the outlet's staff over JSON-RPC) and the consented quantity of a
    part is not forged by a plain create or write; R-12: acceptance needs the test,
    photos, serial scan and signature, a dispute is rework; R-11: the parts
    are consumed from the outlet's stock; R-44: another outlet's technician
    is refused."""
    client = people["client"]
    tech = client("api.flow.tech")
    other = client("api.flow.other")
    staff = client("api.flow.staff", protocol="jsonrpc")
    order = _dispatched_order(people, flow)

    # diagnosis and a part, no repair before the consent
    _diagnose(tech, flow, order)
    fan_move = _add_part(tech, order, flow["fan"])
    move = tech.call("stock.move", "read", [fan_move], ["location_id"])[0]
    assert move["location_id"][0] == flow["location"], "R-11: the outlet's stock"
    assert "has not agreed" in str(tech.refused(REPAIR, "action_repair_start", [order]))
    error = tech.refused(REPAIR, "write", [order], {"consent_state": "given"})
    assert (
        "Customer Consent of Repair Order change only through the workflow buttons"
        in str(error)
    )
    assert "signature is missing" in str(
        tech.refused(REPAIR, "action_record_consent", [order], CUSTOMER, "signature")
    )
    assert "top-secret" in str(
        other.refused(
            REPAIR,
            "action_record_consent",
            [order],
            CUSTOMER,
            "signature",
            signature=PNG,
        )
    )
    assert other.call(REPAIR, "search", [("id", "=", order)]) == []
    row = _read(tech, order, "state", "consent_state", "repair_started_at")
    assert row["state"] == "draft"
    assert row["consent_state"] == "none"
    assert not row["repair_started_at"]

    # the technician records the signed consent, then starts the repair
    assert (
        tech.call(
            REPAIR,
            "action_record_consent",
            [order],
            CUSTOMER,
            "signature",
            signature=PNG,
            note="Agrees to 180.00",
        )
        is True
    )
    row = _read(
        tech,
        order,
        "consent_state",
        "consent_by",
        "consent_method",
        "consent_signature",
        "consent_date",
    )
    assert row["consent_state"] == "given"
    assert row["consent_by"] == CUSTOMER
    assert row["consent_method"] == "signature"
    assert row["consent_signature"] and row["consent_date"]
    consented = tech.call("stock.move", "read", [fan_move], ["repair_consent_qty"])
    assert consented[0]["repair_consent_qty"] == 1
    assert tech.call(REPAIR, "action_validate", [order])
    assert tech.call(REPAIR, "action_repair_start", [order])
    row = _read(tech, order, "state", "repair_started_at")
    assert row["state"] == "under_repair" and row["repair_started_at"]

    # the consented quantity is not forged by a plain create or write
    assert "Customer Consent" in str(
        tech.refused(
            "stock.move",
            "create",
            {
                "repair_id": order,
                "repair_line_type": "add",
                "product_id": flow["sensor"],
                "product_uom_qty": 1,
                "repair_consent_qty": 1,
            },
        )
    )
    assert "Customer Consent" in str(
        tech.refused(
            "stock.move",
            "write",
            [fan_move],
            {"product_uom_qty": 3, "repair_consent_qty": 3},
        )
    )
    row = tech.call(
        "stock.move", "read", [fan_move], ["product_uom_qty", "repair_consent_qty"]
    )[0]
    assert (row["product_uom_qty"], row["repair_consent_qty"]) == (1, 1)
    assert tech.call("stock.move", "search_count", [("repair_id", "=", order)]) == 1
    assert _read(tech, order, "consent_state")["consent_state"] == "given"

    # a part found during the repair needs a new consent
    _add_part(tech, order, flow["sensor"])
    assert _read(tech, order, "consent_state")["consent_state"] == "renew"
    assert tech.call(
        "mail.activity",
        "search",
        [
            ("res_model", "=", REPAIR),
            ("res_id", "=", order),
            ("activity_type_id", "=", flow["consent_activity"]),
            ("user_id", "=", tech.uid),
        ],
    )
    assert "and its parts" in str(
        tech.refused(
            REPAIR, "action_record_acceptance", [order], CUSTOMER, signature=PNG
        )
    )
    assert staff.call(
        REPAIR,
        "action_record_consent",
        [order],
        CUSTOMER,
        "phone",
        note="Agreed to the sensor by phone",
    )
    row = _read(tech, order, "consent_state", "consent_method")
    assert row == {"id": order, "consent_state": "given", "consent_method": "phone"}

    # not accepted before the test, photos and scan
    error = tech.refused(
        REPAIR, "action_record_acceptance", [order], CUSTOMER, signature=PNG
    )
    assert "full-function test" in str(error)
    assert "photos" in str(error) and "serial number" in str(error)
    assert "finished when the customer accepts" in str(
        tech.refused(REPAIR, "action_repair_end", [order])
    )
    row = _read(tech, order, "state", "acceptance_state")
    assert row["state"] == "under_repair" and row["acceptance_state"] == "none"
    photo = tech.call(
        "ir.attachment",
        "create",
        {"name": "after.png", "datas": PNG, "res_model": REPAIR, "res_id": order},
    )
    tech.call(
        REPAIR,
        "write",
        [order],
        {
            "function_test_done": True,
            "function_test_note": "Cooling and fan at every speed",
            "serial_scanned": "SN-API-0001",
            "completion_photo_ids": [(4, photo)],
        },
    )
    assert "signature is missing" in str(
        tech.refused(REPAIR, "action_record_acceptance", [order], CUSTOMER)
    )
    assert "top-secret" in str(
        other.refused(
            REPAIR, "action_record_acceptance", [order], CUSTOMER, signature=PNG
        )
    )
    assert _read(tech, order, "state")["state"] == "under_repair"

    # a disputed result goes back to repair as rework
    assert "what the customer disputes" in str(
        tech.refused(
            REPAIR, "action_record_acceptance", [order], CUSTOMER, accepted=False
        )
    )
    assert tech.call(
        REPAIR,
        "action_record_acceptance",
        [order],
        CUSTOMER,
        accepted=False,
        opinion="Still noisy",
    )
    row = _read(
        tech,
        order,
        "state",
        "acceptance_state",
        "acceptance_opinion",
        "rework_count",
        "function_test_done",
    )
    assert row["state"] == "under_repair"
    assert row["acceptance_state"] == "disputed"
    assert row["acceptance_opinion"] == "Still noisy"
    assert row["rework_count"] == 1
    assert not row["function_test_done"], "tested again after the rework"
    error = tech.refused(REPAIR, "write", [order], {"rework_count": 0})
    assert "Reworks of Repair Order change only through the workflow buttons" in str(
        error
    )

    # accepted with the signature: done, parts consumed from the outlet
    tech.call(REPAIR, "write", [order], {"function_test_done": True})
    stock_before = tech.call(
        "product.product",
        "read",
        [flow["fan"]],
        ["qty_available"],
        context={"location": flow["location"]},
    )[0]["qty_available"]
    assert tech.call(
        REPAIR,
        "action_record_acceptance",
        [order],
        CUSTOMER,
        signature=PNG,
        opinion="Quiet again",
    )
    row = _read(
        tech,
        order,
        "state",
        "acceptance_state",
        "acceptance_by",
        "acceptance_signature",
        "acceptance_opinion",
        "completed_at",
        "rework_count",
    )
    assert row["state"] == "done"
    assert row["acceptance_state"] == "accepted"
    assert row["acceptance_by"] == CUSTOMER
    assert row["acceptance_signature"]
    assert row["acceptance_opinion"] == "Quiet again"
    assert row["completed_at"]
    assert row["rework_count"] == 1
    parts = tech.call(
        "stock.move",
        "search_read",
        [("repair_id", "=", order), ("repair_line_type", "=", "add")],
        ["product_id", "state", "quantity"],
    )
    assert {(p["product_id"][0], p["state"], p["quantity"]) for p in parts} == {
        (flow["fan"], "done", 1.0),
        (flow["sensor"], "done", 1.0),
    }
    stock_after = tech.call(
        "product.product",
        "read",
        [flow["fan"]],
        ["qty_available"],
        context={"location": flow["location"]},
    )[0]["qty_available"]
    assert stock_before - stock_after == 1, "R-11: a real stock move"
    assert "signed by the customer" in str(
        tech.refused(REPAIR, "write", [order], {"diagnosis": "changed afterwards"})
    )
    assert _read(tech, order, "diagnosis")["diagnosis"] == "Fan bearing worn"


def test_refused_consent_closes_as_declined(people, flow):
    """R-09: a customer who refuses the plan closes the order as declined;
    the refusal needs its reason."""
    tech = people["client"]("api.flow.tech")
    order = _dispatched_order(people, flow)
    _diagnose(tech, flow, order)
    _add_part(tech, order, flow["fan"])
    assert "why the customer refused" in str(
        tech.refused(
            REPAIR, "action_record_consent", [order], CUSTOMER, "phone", agree=False
        )
    )
    assert _read(tech, order, "state")["state"] == "draft"
    assert tech.call(
        REPAIR,
        "action_record_consent",
        [order],
        CUSTOMER,
        "phone",
        agree=False,
        note="Too expensive",
    )
    row = _read(tech, order, "state", "consent_state", "close_reason", "consent_note")
    assert row["state"] == "cancel"
    assert row["consent_state"] == "refused"
    assert row["close_reason"] == "declined"
    assert row["consent_note"] == "Too expensive"


def test_signature_wizard(people, flow):
    """R-09, R-12: the consent and the acceptance signed in the signature
    wizard, driven over the API by the order's technician."""
    tech = people["client"]("api.flow.tech")
    order = _dispatched_order(people, flow)
    _diagnose(tech, flow, order)
    values = {
        "repair_id": order,
        "purpose": "consent",
        "signed_by": CUSTOMER,
        "method": "signature",
    }
    unsigned = tech.call(WIZARD, "create", values)
    assert "signature is missing" in str(
        tech.refused(WIZARD, "action_confirm", [unsigned])
    )
    assert _read(tech, order, "consent_state")["consent_state"] == "none"
    wizard = tech.call(WIZARD, "create", dict(values, signature=PNG))
    action = tech.call(WIZARD, "action_confirm", [wizard])
    assert action["type"] == "ir.actions.act_window_close"
    row = _read(
        tech,
        order,
        "consent_state",
        "consent_method",
        "consent_by",
        "consent_signature",
    )
    assert row["consent_state"] == "given"
    assert row["consent_method"] == "signature"
    assert row["consent_by"] == CUSTOMER
    assert row["consent_signature"]

    tech.call(REPAIR, "action_repair_start", [order])
    photo = tech.call(
        "ir.attachment",
        "create",
        {"name": "after.png", "datas": PNG, "res_model": REPAIR, "res_id": order},
    )
    tech.call(
        REPAIR,
        "write",
        [order],
        {
            "function_test_done": True,
            "serial_scanned": "SN-API-0002",
            "completion_photo_ids": [(4, photo)],
        },
    )
    wizard = tech.call(
        WIZARD,
        "create",
        {
            "repair_id": order,
            "purpose": "acceptance",
            "signed_by": CUSTOMER,
            "signature": PNG,
            "note": "Works fine",
        },
    )
    tech.call(WIZARD, "action_confirm", [wizard])
    row = _read(tech, order, "state", "acceptance_state", "acceptance_opinion")
    assert row == {
        "id": order,
        "state": "done",
        "acceptance_state": "accepted",
        "acceptance_opinion": "Works fine",
    }
