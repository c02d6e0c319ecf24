"""R-33 through the external API: a complaint's approval chain is answered
only by the reviewer of the step due, with the buttons; an outlet user, a
wrong reviewer or the proposer cannot approve, forge a review, write the
state or pay the compensation, whatever context they send."""

import pytest

from .helpers import approved_outlet, new_user

COMPLAINT = "repair.service.complaint"
FORGED = (
    {},
    {"repair_service_workflow_step": True, "skip_validation_check": True},
    {"skip_check_state_condition": True, "tier_validation_defer_compute_can_review": 1},
)


@pytest.fixture(scope="module")
def chain(people):
    admin = people["admin"]
    tech = new_user(admin, "api.cx.tech", "repair_service_mgmt.group_technician")
    people["uid"]["api.cx.tech"] = tech
    outlet = approved_outlet(people, people["east"], "api.sup.east", [tech])
    customer = admin.call("res.partner", "create", {"name": "API chain customer"})
    agent = people["client"]("api.agent")
    complaint = agent.call(
        COMPLAINT,
        "create",
        {
            "partner_id": customer,
            "outlet_id": outlet,
            "description": "Rude technician, wants a refund of the fee",
            "about_attitude": True,
            "compensation_kind": "credit_note",
            "compensation_amount": 120.0,
        },
    )
    agent.call(
        COMPLAINT,
        "write",
        [complaint],
        {"cause": "Rude words", "responsibility": "Outlet staff"},
    )
    agent.call(COMPLAINT, "action_analyse", [complaint])
    agent.call(COMPLAINT, "write", [complaint], {"resolution": "Apology, fee refunded"})
    agent.call(COMPLAINT, "action_submit_approval", [complaint])
    return {"complaint": complaint, "customer": customer}


def _read(people, complaint):
    return people["admin"].call(
        COMPLAINT,
        "read",
        [complaint],
        ["state", "validation_status", "compensation_move_id", "compensation_amount"],
    )[0]


def _reviews(people, complaint):
    return people["admin"].call(
        "tier.review",
        "search_read",
        [("model", "=", COMPLAINT), ("res_id", "=", complaint)],
        ["status", "sequence", "done_by", "comment"],
        order="sequence",
    )


@pytest.mark.parametrize(
    "user_login", ["api.cx.tech", "api.sup.north", "api.mgr1", "api.agent"]
)
def test_r33_wrong_users_cannot_approve_forge_or_write(people, chain, user_login):
    """The outlet, another region's supervisor, the CS-centre manager out
    of turn and the proposer cannot answer the supervisor's step."""
    client = people["client"](user_login)
    complaint = chain["complaint"]
    row = _read(people, complaint)
    assert row["state"] == "to_approve"
    reviews = [r["id"] for r in _reviews(people, complaint)]
    assert len(reviews) == 2
    for context in FORGED:
        client.refused(COMPLAINT, "validate_tier", [complaint], context=context)
        client.refused(COMPLAINT, "reject_tier", [complaint], context=context)
        client.refused(
            COMPLAINT, "action_pay_compensation", [complaint], context=context
        )
        client.refused(COMPLAINT, "restart_validation", [complaint], context=context)
        client.refused(COMPLAINT, "request_validation", [complaint], context=context)
        for values in (
            {"state": "approved"},
            {"state": "resolved"},
            {"approved_at": "2026-11-23 10:00:00"},
            {"compensation_amount": 99999.0},
        ):
            client.refused(COMPLAINT, "write", [complaint], values, context=context)
        client.refused(
            "tier.review",
            "write",
            reviews,
            {"status": "approved", "done_by": people["uid"]["api.sup.east"]},
            context=context,
        )
        client.refused(
            "tier.review", "write", reviews, {"comment": "forged"}, context=context
        )
        client.refused("tier.review", "unlink", reviews, context=context)
        wizard_context = dict(
            context,
            default_res_model=COMPLAINT,
            default_res_id=complaint,
            default_review_ids=reviews,
            default_validate_reject="validate",
        )
        wizard = client.call(
            "comment.wizard", "create", {"comment": "forged"}, context=wizard_context
        )
        client.refused("comment.wizard", "add_comment", [wizard], context=context)
    row = _read(people, complaint)
    assert row["state"] == "to_approve"
    assert not row["compensation_move_id"]
    assert row["compensation_amount"] == 120.0
    assert [r["status"] for r in _reviews(people, complaint)] == ["pending", "waiting"]


def test_r33_the_right_reviewer_cannot_write_the_review_either(people, chain):
    """Even the supervisor of the step answers with the buttons only."""
    sup = people["client"]("api.sup.east")
    complaint = chain["complaint"]
    reviews = [r["id"] for r in _reviews(people, complaint)]
    sup.refused(
        "tier.review",
        "write",
        reviews[:1],
        {"status": "approved", "done_by": people["uid"]["api.sup.east"]},
    )
    assert [r["status"] for r in _reviews(people, complaint)] == ["pending", "waiting"]


def test_r33_chain_in_order_then_compensation(people, chain):
    """The supervisor, then the CS-centre manager, each with a comment; then
    the CS agent pays the credit note, once."""
    complaint = chain["complaint"]
    for login, comment in (("api.sup.east", "Checked"), ("api.mgr1", "Approved")):
        client = people["client"](login)
        action = client.call(COMPLAINT, "validate_tier", [complaint])
        wizard = client.call(
            "comment.wizard", "create", {"comment": comment}, context=action["context"]
        )
        client.call("comment.wizard", "add_comment", [wizard])
    reviews = _reviews(people, complaint)
    assert [(r["status"], r["comment"]) for r in reviews] == [
        ("approved", "Checked"),
        ("approved", "Approved"),
    ]
    assert _read(people, complaint)["state"] == "approved"
    people["client"]("api.cx.tech").refused(
        COMPLAINT, "action_pay_compensation", [complaint]
    )
    agent = people["client"]("api.agent")
    agent.call(COMPLAINT, "action_pay_compensation", [complaint])
    row = _read(people, complaint)
    assert row["state"] == "resolved"
    move = people["admin"].call(
        "account.move",
        "read",
        [row["compensation_move_id"][0]],
        ["move_type", "state", "amount_total", "partner_id"],
    )[0]
    assert (move["move_type"], move["state"], move["amount_total"]) == (
        "out_refund",
        "posted",
        120.0,
    )
    assert move["partner_id"][0] == chain["customer"]
    agent.refused(COMPLAINT, "action_pay_compensation", [complaint])
