"""The follow-up call after a completed repair over the external API (R-15):
the scheduled action plans it, a CS agent makes it, a technician cannot."""

FOLLOWUP = "repair.service.followup"
ANSWER = "repair.service.followup.answer"


def _completed_order(admin):
    """A repair order (no outlet) repaired and completed by the administrator."""
    product = admin.call("product.product", "create", {"name": "API follow-up fan"})
    partner = admin.call("res.partner", "create", {"name": "API follow-up customer"})
    order = admin.call(
        "repair.order",
        "create",
        {
            "partner_id": partner,
            "product_id": product,
            "customer_phone": "+86 10 6123 4599",
        },
    )
    for step in ("action_validate", "action_repair_start", "action_repair_end"):
        admin.call("repair.order", step, [order])
    return order


def test_agent_finishes_followup(people):
    """R-15: the daily scheduled action plans one call per completed order;
    the technician is refused, plain writes of the state and an unanswered
    checklist are refused, the CS agent finishes the call and the order
    records it."""
    admin, client = people["admin"], people["client"]
    order = _completed_order(admin)
    cron = admin.ref("repair_service_mgmt.ir_cron_followup_create")
    admin.call("ir.cron", "method_direct_trigger", [cron])
    admin.call("ir.cron", "method_direct_trigger", [cron])
    agent = client("api.agent")
    followups = agent.call(FOLLOWUP, "search", [("repair_id", "=", order)])
    assert len(followups) == 1
    row = agent.call(FOLLOWUP, "read", followups, ["state", "due_date", "user_id"])[0]
    assert row["state"] == "to_call" and row["due_date"] and row["user_id"]

    error = client("api.tech.a").refused(FOLLOWUP, "action_done", followups)
    assert "CS Agent" in str(error)
    assert "workflow" in str(
        agent.refused(FOLLOWUP, "write", followups, {"state": "done"})
    )
    assert "Missing" in str(agent.refused(FOLLOWUP, "action_done", followups))
    assert agent.call(FOLLOWUP, "read", followups, ["state"])[0]["state"] == "to_call"

    # the checklist is the configured questions; each answer is a line
    lines = agent.call(
        ANSWER, "search_read", [("followup_id", "in", followups)], ["name", "answer"]
    )
    questions = admin.call(
        "repair.service.followup.question", "search_read", [], ["name"]
    )
    assert [line["name"] for line in lines] == [q["name"] for q in questions]
    # a technician reads no follow-up of another outlet, nor its answers
    client("api.tech.a").refused(ANSWER, "write", [lines[0]["id"]], {"answer": "yes"})
    assert not agent.call(ANSWER, "read", [lines[0]["id"]], ["answer"])[0]["answer"]
    agent.call(ANSWER, "write", [line["id"] for line in lines], {"answer": "yes"})
    agent.call(FOLLOWUP, "write", followups, {"satisfaction": "5"})
    assert agent.call(FOLLOWUP, "action_done", followups)
    assert "change the customer's answers" in str(
        agent.refused(ANSWER, "write", [lines[0]["id"]], {"answer": "no"})
    )
    row = agent.call(FOLLOWUP, "read", followups, ["state", "call_date", "user_id"])[0]
    assert row["state"] == "done" and row["call_date"]
    assert row["user_id"][0] == people["uid"]["api.agent"]
    done_at = admin.call("repair.order", "read", [order], ["followup_done_at"])[0]
    assert done_at["followup_done_at"] == row["call_date"]
