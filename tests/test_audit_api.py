"""The audit trail over the external API, as a hostile outlet user would try
it: service records are cancelled or archived, never deleted, except by
the service administrator while nothing an audit needs is attached; the
messages, notes and tracked changes of the records are kept; a user's own
comment changes only within the window of the settings."""

import http.cookiejar
import json
import time
import urllib.request
from datetime import date, timedelta

import pytest

from .helpers import approved_outlet, invoiced_order, new_application, new_user

# visits are planned after their order was taken
TOMORROW = date.today() + timedelta(days=1)
from .rpc import EXPECTED_REFUSALS

REPAIR = "repair.order"
VISIT = "repair.service.visit"
FOLLOWUP = "repair.service.followup"
CASH = "repair.service.cash.collection"
VIOLATION = "repair.service.violation"
APPLICATION = "repair.service.application"
MESSAGE = "mail.message"
SLA_LINE = "repair.service.sla.line"
KEPT = "kept for the audit trail"
NO_RIGHT = "not allowed to delete"
# a 1×1 PNG: the customer's signature
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _count(admin, model, domain=()):
    return admin.call(
        model, "search_count", list(domain), context={"active_test": False}
    )


def _messages(admin, model, res_id, *domain):
    return admin.call(
        MESSAGE, "search", [("model", "=", model), ("res_id", "=", res_id), *domain]
    )


def _deadlines(admin, model, res_id):
    return _count(admin, SLA_LINE, [("res_model", "=", model), ("res_id", "=", res_id)])


def _post_comment(client, model, res_id, body):
    return client.call(
        model,
        "message_post",
        [res_id],
        body=body,
        message_type="comment",
        subtype_xmlid="mail.mt_comment",
    )


def _body(admin, message):
    return admin.call(MESSAGE, "read", [message], ["body"])[0]["body"]


def _web_client(server, login):
    """A browser session of ``login``: the routes the web client calls."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )

    def post(path, params):
        request = urllib.request.Request(
            server["url"] + path,
            data=json.dumps(
                {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        with opener.open(request, timeout=60) as response:
            return json.load(response)

    answer = post(
        "/web/session/authenticate",
        {"db": server["db"], "login": login, "password": login},
    )
    assert answer.get("result", {}).get("uid"), answer
    return post


def _chatter_refused(post, message, body=""):
    """The chatter's edit (or, with an empty body, delete) of a message,
    which the server must refuse; return the error's message."""
    answer = post(
        "/mail/message/update_content",
        {"message_id": message, "body": body, "attachment_ids": []},
    )
    assert "error" in answer, answer
    text = answer["error"]["data"]["message"]
    EXPECTED_REFUSALS.append(text.splitlines()[0])
    return text


@pytest.fixture(scope="module")
def audit(server, people, login):
    """An outlet with a technician and its manager, a billing user, and the
    records of the audit finding: an order under repair with the customer's
    signed consent and a checked-in visit, a follow-up call, a handed-in cash
    collection, a fined violation and an application."""
    admin, client = people["admin"], people["client"]
    uid = people["uid"]
    uid["api.audit.tech"] = new_user(
        admin, "api.audit.tech", "repair_service_mgmt.group_technician"
    )
    uid["api.audit.mgr"] = new_user(
        admin, "api.audit.mgr", "repair_service_mgmt.group_outlet_manager"
    )
    uid["api.audit.billing"] = new_user(
        admin, "api.audit.billing", "account.group_account_invoice", "base.group_user"
    )
    outlet = approved_outlet(
        people, technicians=["api.audit.tech"], staff=["api.audit.mgr"]
    )
    agent = client("api.agent")
    tech = client("api.audit.tech")
    partner = admin.call("res.partner", "create", {"name": "API audit customer"})
    product = admin.call("product.product", "create", {"name": "API audit fridge"})

    def dispatched(**values):
        order = agent.call(
            REPAIR,
            "create",
            {"partner_id": partner, "product_id": product, **values},
        )
        wizard = agent.call(
            "repair.order.dispatch.wizard",
            "create",
            {
                "repair_ids": [(6, 0, [order])],
                "outlet_id": outlet,
                "technician_id": uid["api.audit.tech"],
            },
        )
        agent.call("repair.order.dispatch.wizard", "action_dispatch", [wizard])
        tech.call(REPAIR, "action_customer_contacted", [order])
        return order

    # the order of the finding: consent signed, visit checked in, under repair
    order = dispatched()
    tech.call(
        REPAIR,
        "write",
        [order],
        {
            "symptom_id": admin.ref("repair_service_mgmt.fault_symptom_noise"),
            "cause_id": admin.ref("repair_service_mgmt.fault_cause_fan_motor"),
            "diagnosis": "Fan bearing worn",
            "repair_plan": "Replace the fan motor",
        },
    )
    tech.call(
        REPAIR,
        "action_record_consent",
        [order],
        "API audit customer",
        "signature",
        signature=PNG,
    )
    visit = agent.call(
        VISIT,
        "create",
        {
            "repair_id": order,
            "planned_start": f"{TOMORROW:%Y-%m-%d} 09:00:00",
            "planned_stop": f"{TOMORROW:%Y-%m-%d} 11:00:00",
        },
    )
    tech.call(VISIT, "action_check_in", [visit])
    tech.call(REPAIR, "action_validate", [order])
    tech.call(REPAIR, "action_repair_start", [order])

    # a follow-up call of a repaired order
    repaired = admin.call(
        REPAIR, "create", {"partner_id": partner, "product_id": product}
    )
    for step in ("action_validate", "action_repair_start", "action_repair_end"):
        admin.call(REPAIR, step, [repaired])
    followup = agent.call(FOLLOWUP, "create", {"repair_id": repaired})

    # cash collected for an invoiced order and handed in to a billing user
    invoiced, _invoice = invoiced_order(
        people, login("admin", protocol="jsonrpc"), outlet, "api.audit.tech", 120.0
    )
    cash = tech.call(CASH, "create", {"repair_id": invoiced, "amount": 120.0})
    client("api.audit.billing").call(CASH, "action_hand_in", [cash])

    # a violation fined (invoiced to the outlet) and a draft application
    violation = client("api.sup.east").call(
        VIOLATION,
        "create",
        {
            "outlet_id": outlet,
            "violation_type": "overcharge",
            "description": "Charged above the price list",
            "penalty": "fine",
            "fine_amount": 300.0,
        },
    )
    client("api.mgr1").call(VIOLATION, "action_confirm", [violation])
    application = new_application(agent, people["east"])

    # a comment of the technician, kept once the window has passed
    early_comment = _post_comment(tech, REPAIR, order, "Customer not at home")
    return {
        "outlet": outlet,
        "dispatched": dispatched,
        "order": order,
        "visit": visit,
        "followup": followup,
        "invoiced": invoiced,
        "cash": cash,
        "violation": violation,
        "application": application,
        "early_comment": early_comment,
        "early_posted": time.monotonic(),
    }


def test_nobody_but_the_administrator_deletes(people, audit):
    """A technician, an outlet manager, a CS agent and a supervisor try to
    delete each kind of record: refused (by the access rights, or with what
    to do instead), and every row is still there."""
    admin, client = people["admin"], people["client"]
    records = {
        REPAIR: audit["order"],
        VISIT: audit["visit"],
        FOLLOWUP: audit["followup"],
        CASH: audit["cash"],
        VIOLATION: audit["violation"],
        APPLICATION: audit["application"],
    }
    counts = {model: _count(admin, model) for model in records}
    deadlines = _deadlines(admin, REPAIR, audit["order"])
    messages = _messages(admin, REPAIR, audit["order"])
    assert deadlines and messages
    for login in ("api.audit.tech", "api.audit.mgr", "api.agent", "api.sup.east"):
        user = client(login)
        for model, record in records.items():
            error = str(user.refused(model, "unlink", [record]))
            assert KEPT in error or NO_RIGHT in error, (login, model, error)
        error = str(user.refused(REPAIR, "unlink", [audit["order"]]))
        assert KEPT in error and "Cancel the order instead" in error
    assert {model: _count(admin, model) for model in records} == counts
    row = admin.call(REPAIR, "read", [audit["order"]], ["state", "visit_ids"])[0]
    assert row["state"] == "under_repair", "not cancelled by the attempts"
    assert row["visit_ids"] == [audit["visit"]]
    assert _deadlines(admin, REPAIR, audit["order"]) == deadlines
    assert _messages(admin, REPAIR, audit["order"]) == messages
    # the CS-centre manager may delete violations, but not these
    error = str(client("api.mgr1").refused(VIOLATION, "unlink", [audit["violation"]]))
    assert KEPT in error and "Cancel the violation instead" in error


def test_administrator_deletes_only_bare_records(people, audit):
    """The administrator deletes a bare draft order, and its deadlines go
    with it; not an order or record carrying a signature or money."""
    admin = people["admin"]
    bare = audit["dispatched"](priority="1")
    assert _deadlines(admin, REPAIR, bare) >= 2, "R-06 and R-07 deadlines"
    assert admin.call(REPAIR, "unlink", [bare]) is True
    assert _count(admin, REPAIR, [("id", "=", bare)]) == 0
    assert _deadlines(admin, REPAIR, bare) == 0

    refused = {
        audit["order"]: "the customer signed it",
        audit["invoiced"]: "cash was collected for it",
    }
    for order, reason in refused.items():
        error = str(admin.refused(REPAIR, "unlink", [order]))
        assert "not even by the service administrator" in error
        assert reason in error
    assert "checked in" in str(admin.refused(VISIT, "unlink", [audit["visit"]]))
    assert "a fine invoice is attached" in str(
        admin.refused(VIOLATION, "unlink", [audit["violation"]])
    )
    assert NO_RIGHT in str(admin.refused(CASH, "unlink", [audit["cash"]]))
    for model in (REPAIR, VISIT, CASH, VIOLATION):
        record = audit[
            {REPAIR: "order", VISIT: "visit", CASH: "cash", VIOLATION: "violation"}[
                model
            ]
        ]
        assert _count(admin, model, [("id", "=", record)]) == 1
    # an application is archived instead (over JSON-RPC: the button answers
    # None, which XML-RPC cannot carry)
    agent = people["client"]("api.agent", protocol="jsonrpc")
    agent.call(APPLICATION, "action_archive", [audit["application"]])
    assert agent.call(APPLICATION, "search", [("id", "=", audit["application"])]) == []
    assert _count(admin, APPLICATION, [("id", "=", audit["application"])]) == 1
    agent.call(APPLICATION, "action_unarchive", [audit["application"]])


def test_notes_and_tracking_kept(people, audit):
    """The technician rewrites the billing user's hand-in note and deletes
    the tracking of the handed-in collection and of the order: refused,
    nothing changed; the administrator cannot either."""
    admin, tech = people["admin"], people["client"]("api.audit.tech")
    note = admin.call(
        MESSAGE,
        "search",
        [
            ("model", "=", CASH),
            ("res_id", "=", audit["cash"]),
            ("body", "ilike", "Cash handed in"),
        ],
    )
    assert len(note) == 1
    body = _body(admin, note[0])
    error = tech.refused(MESSAGE, "write", note, {"body": "<p>Cash handed in: 20</p>"})
    assert KEPT in str(error)
    assert _body(admin, note[0]) == body
    assert KEPT in str(tech.refused(MESSAGE, "unlink", note))

    for model, record in ((CASH, audit["cash"]), (REPAIR, audit["order"])):
        tracking = _messages(admin, model, record, ("tracking_value_ids", "!=", False))
        assert tracking, model
        assert KEPT in str(tech.refused(MESSAGE, "unlink", tracking))
        assert KEPT in str(admin.refused(MESSAGE, "unlink", tracking))
        values = admin.call(
            "mail.tracking.value", "search", [("mail_message_id", "in", tracking)]
        )
        assert KEPT in str(admin.refused("mail.tracking.value", "unlink", values))
        assert KEPT in str(
            admin.refused(
                "mail.tracking.value", "write", values, {"new_value_char": "forged"}
            )
        )
        assert (
            _messages(admin, model, record, ("tracking_value_ids", "!=", False))
            == tracking
        )
        assert (
            admin.call(
                "mail.tracking.value", "search", [("mail_message_id", "in", tracking)]
            )
            == values
        )
    assert _body(admin, note[0]) == body


def test_own_comment_window(server, people, login, audit):
    """Own comments: never changed by default (nor deleted from the chatter);
    within the window of the settings they are; after it, kept."""
    admin, client = people["admin"], people["client"]
    tech, agent = client("api.audit.tech"), client("api.agent")
    browser = _web_client(server, "api.audit.tech")
    comment = _post_comment(tech, REPAIR, audit["order"], "Part ordered")
    error = tech.refused(MESSAGE, "write", [comment], {"body": "<p>Rewritten</p>"})
    assert "nobody can change or delete" in str(error)
    assert KEPT in _chatter_refused(browser, comment)
    assert "Part ordered" in _body(admin, comment)

    settings = login("admin", protocol="jsonrpc")
    wizard = settings.call(
        "res.config.settings", "create", {"repair_message_edit_minutes": 1}
    )
    settings.call("res.config.settings", "execute", [wizard])
    param = "repair_service_mgmt.message_edit_minutes"
    try:
        assert admin.call("ir.config_parameter", "get_param", param) == "1"
        assert tech.call(
            MESSAGE, "write", [comment], {"body": "<p>Part ordered: fan</p>"}
        )
        assert "fan" in _body(admin, comment)
        assert KEPT in str(
            agent.refused(MESSAGE, "write", [comment], {"body": "<p>Not mine</p>"})
        )
        agent_partner = admin.call("res.users", "read", [agent.uid], ["partner_id"])
        assert "can still be changed" in str(
            tech.refused(
                MESSAGE,
                "write",
                [comment],
                {"author_id": agent_partner[0]["partner_id"][0]},
            )
        )
        # the comment posted when the fixtures were made: its minute is over
        time.sleep(max(0.0, audit["early_posted"] + 62 - time.monotonic()))
        early = audit["early_comment"]
        body = _body(admin, early)
        for error in (
            tech.refused(MESSAGE, "write", [early], {"body": "<p>Rewritten</p>"}),
            tech.refused(MESSAGE, "unlink", [early]),
        ):
            assert "only shortly after posting it" in str(error)
        assert "only shortly after posting it" in _chatter_refused(browser, early)
        assert _body(admin, early) == body
    finally:
        admin.call("ir.config_parameter", "set_param", param, "0")
