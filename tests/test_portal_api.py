"""The customer portal over HTTP and the external API (R-09, R-44): a portal
customer sees only their own repair orders and signs the consent on the
page; the server keeps its checks."""

from .test_repair_reports_api import WebSession, _outlet

REPAIR = "repair.order"
# a 1×1 PNG, base64 as the portal's signature widget sends it
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def test_portal_sign_consent(server, people):
    """R-09: the customer lists their order on /my/repairs and signs the
    consent there (refused without a signature); R-44: another customer's
    order is refused to them, and they cannot write their own."""
    admin, client = people["admin"], people["client"]
    agent, tech_a = client("api.agent"), client("api.tech.a")
    portal_group = admin.ref("base.group_portal")
    portal_uid = admin.call(
        "res.users",
        "create",
        {
            "name": "API Portal Customer",
            "login": "api.portal",
            "password": "api.portal",
            "email": "api.portal@example.com",
            "groups_id": [(6, 0, [portal_group])],
        },
    )
    partner = admin.call("res.users", "read", [portal_uid], ["partner_id"])[0][
        "partner_id"
    ][0]
    other = admin.call("res.partner", "create", {"name": "API other customer"})
    product = admin.call(
        "product.product", "create", {"name": "API portal cooker hood", "type": "consu"}
    )
    outlet = _outlet(people, people["east"], "api.sup.east", "api.tech.a")

    def new_order(customer):
        return agent.call(
            REPAIR,
            "create",
            {
                "partner_id": customer,
                "product_id": product,
                "fault_description": "Loud noise",
            },
        )

    order, other_order = new_order(partner), new_order(other)
    wizard = agent.call(
        "repair.order.dispatch.wizard",
        "create",
        {
            "repair_ids": [(6, 0, [order])],
            "outlet_id": outlet,
            "technician_id": people["uid"]["api.tech.a"],
        },
    )
    agent.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])
    tech_a.call(REPAIR, "action_customer_contacted", [order])
    tech_a.call(
        REPAIR,
        "write",
        [order],
        {
            "symptom_id": admin.ref("repair_service_mgmt.fault_symptom_noise"),
            "cause_id": admin.ref("repair_service_mgmt.fault_cause_fan_motor"),
            "repair_plan": "API: replace the fan motor",
            "estimated_cost": 120.0,
        },
    )

    # over RPC the portal customer reads no order, not even their own
    # one's internal fields (notes, dispatcher, amounts); the portal's pages
    # show them the customer-facing part of their own orders only
    customer = client("api.portal")
    for args in (
        ("search", []),
        ("read", [order], ["internal_notes", "dispatcher_id", "technician_id"]),
        ("read", [other_order], ["name"]),
        ("write", [order], {"fault_description": "changed"}),
    ):
        assert "not allowed to" in str(customer.refused(REPAIR, *args))

    web = WebSession(server, "api.portal", "api.portal")
    name = agent.call(REPAIR, "read", [order], ["name"])[0]["name"]
    other_name = agent.call(REPAIR, "read", [other_order], ["name"])[0]["name"]
    _type, listing = web.get("/my/repairs")
    assert name.encode() in listing and other_name.encode() not in listing
    _type, page = web.get(f"/my/repairs/{order}")
    assert b"API: replace the fan motor" in page and b"Sign to agree" in page

    # no signature, no consent; another customer's order is not found
    answer = web.json(f"/my/repairs/{order}/consent", name="API Portal Customer")
    assert "signature is missing" in answer["error"]
    answer = web.json(
        f"/my/repairs/{other_order}/consent", name="API Portal Customer", signature=PNG
    )
    assert "not found" in answer["error"]
    fields = ["consent_state", "consent_method", "consent_by"]
    assert agent.call(REPAIR, "read", [order], fields)[0]["consent_state"] == "none"
    assert agent.call(REPAIR, "read", [other_order], fields)[0]["consent_state"] == (
        "none"
    )

    answer = web.json(
        f"/my/repairs/{order}/consent", name="API Portal Customer", signature=PNG
    )
    assert answer["force_refresh"], answer
    row = agent.call(REPAIR, "read", [order], [*fields, "consent_signature"])[0]
    assert row["consent_state"] == "given"
    assert row["consent_method"] == "portal"
    assert row["consent_by"] == "API Portal Customer"
    assert row["consent_signature"]
