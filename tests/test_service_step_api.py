"""The service step and the technician's read-only request over the external
API: a technician cannot rewrite what the CS centre took down (request
type, channel, customer, the customer's words), even by RPC; the CS agent
can; the step follows the work."""

import pytest

from .helpers import approved_outlet, dispatched_order

REPAIR = "repair.order"


@pytest.fixture(scope="module")
def job(people):
    admin = people["admin"]
    outlet = approved_outlet(people, technicians=["api.tech.a"])
    order = dispatched_order(people, admin, outlet, "api.tech.a", name="API step")
    return {"order": order, "outlet": outlet}


def _read(client, order, *fields):
    return client.call(REPAIR, "read", [order], list(fields))[0]


def test_technician_cannot_rewrite_the_request(people, job):
    tech = people["client"]("api.tech.a")
    agent = people["client"]("api.agent")
    admin = people["admin"]
    order = job["order"]
    other = admin.call("res.partner", "create", {"name": "API step other"})
    before = _read(agent, order, "request_type", "intake_channel", "partner_id")
    for values in (
        {"request_type": "installation"},
        {"intake_channel": "email"},
        {"partner_id": other},
        {"fault_description": "Rewritten by the technician"},
    ):
        error = tech.refused(REPAIR, "write", [order], values)
        assert "CS Agent" in str(error)
    # the same over JSON-RPC, with a context that claims anything
    tech_json = people["client"]("api.tech.a", protocol="jsonrpc")
    tech_json.refused(
        REPAIR,
        "write",
        [order],
        {"request_type": "complaint"},
        context={"repair_service_workflow_step": True},
    )
    assert _read(agent, order, "request_type", "intake_channel", "partner_id") == before
    agent.call(REPAIR, "write", [order], {"intake_channel": "email"})
    assert _read(agent, order, "intake_channel")["intake_channel"] == "email"


def test_step_and_next_action_follow_the_work(people, job):
    tech = people["client"]("api.tech.a")
    agent = people["client"]("api.agent")
    order = job["order"]
    fields = ("service_step", "service_next_action", "is_service_order")
    assert _read(tech, order, *fields) == {
        "id": order,
        "service_step": "dispatched",
        "service_next_action": "action_accept_job",
        "is_service_order": True,
    }
    # the dispatcher waits for the technician
    assert _read(agent, order, "service_next_action")["service_next_action"] is False
    tech.call(REPAIR, "action_accept_job", [order])
    assert _read(tech, order, *fields)["service_step"] == "accepted"
    assert (
        _read(tech, order, "service_next_action")["service_next_action"]
        == "action_customer_contacted"
    )
    # the step is computed: nobody writes it
    error = agent.refused(REPAIR, "write", [order], {"service_step": "done"})
    assert error
    assert _read(agent, order, "service_step")["service_step"] == "accepted"
