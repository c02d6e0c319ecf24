"""The technician's My Jobs and the printed carry-in receipt over the external
API and HTTP (R-04, R-07, R-44): what a mobile or integrating client sees."""

import ast
import http.cookiejar
import json
import re
import urllib.error
import urllib.request

from .rpc import EXPECTED_REFUSALS
from .test_repair_api import _outlet


class WebSession:
    """A browser-like session: logs in and downloads report PDFs."""

    def __init__(self, server, login, password):
        self.url = server["url"]
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        answer = self.json(
            "/web/session/authenticate",
            db=server["db"],
            login=login,
            password=password,
        )
        assert answer["uid"], answer

    def json(self, path, **params):
        payload = {"jsonrpc": "2.0", "method": "call", "params": params}
        request = urllib.request.Request(
            f"{self.url}{path}",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=60) as response:
            answer = json.load(response)
        assert "error" not in answer, answer
        return answer["result"]

    def get(self, path):
        with self.opener.open(f"{self.url}{path}", timeout=120) as response:
            return response.headers.get("Content-Type"), response.read()


def test_my_jobs_and_receipt(server, people):
    """R-07: the My Jobs action lists the technician's own open jobs and its
    card button records the call; R-04: the technician downloads the
    carry-in receipt as a PDF; R-44: another outlet's technician is refused."""
    admin, client = people["admin"], people["client"]
    agent = client("api.agent")
    outlet = _outlet(people, people["east"], "api.sup.east", "api.tech.a")
    _outlet(people, people["north"], "api.sup.north", "api.tech.b")
    product = admin.call(
        "product.product", "create", {"name": "API receipt microwave", "type": "consu"}
    )
    partner = admin.call(
        "res.partner", "create", {"name": "API receipt customer", "city": "Hangzhou"}
    )
    order = agent.call(
        "repair.order",
        "create",
        {
            "partner_id": partner,
            "product_id": product,
            "customer_phone": "+86 571 8888 1234",
            "service_mode": "carry_in",
            "intake_channel": "walk_in",
            "fault_description": "Turntable does not turn",
            "accessories_note": "Glass plate included",
        },
    )
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

    # the administrator's web login records the server's address, which
    # wkhtmltopdf uses to fetch the report's style sheets
    WebSession(server, "admin", "admin")
    web_a = WebSession(server, "api.tech.a", "api.tech.a")
    # the My Jobs action, as the web client loads it
    tech_a, tech_b = client("api.tech.a"), client("api.tech.b")
    action = web_a.json(
        "/web/action/load", action_id="repair_service_mgmt.repair_order_action_my_jobs"
    )
    assert action["views"][0][1] == "kanban"
    assert "search_default_filter_open" in action["context"]

    def my_jobs(tech, uid):
        domain = ast.literal_eval(re.sub(r"\buid\b", str(uid), action["domain"]))
        return tech.call("repair.order", "search", domain)

    assert order in my_jobs(tech_a, people["uid"]["api.tech.a"])
    assert order not in my_jobs(tech_b, people["uid"]["api.tech.b"])
    views = tech_a.call(
        "repair.order",
        "get_views",
        [action["views"][0], [False, "calendar"], [False, "pivot"], [False, "graph"]],
    )["views"]
    assert "action_customer_contacted" in views["kanban"]["arch"]
    assert "schedule_date" in views["calendar"]["arch"]

    # the card's button: another outlet's technician is refused
    refusal = str(tech_b.refused("repair.order", "action_customer_contacted", [order]))
    assert "top-secret" in refusal
    tech_a.call("repair.order", "action_customer_contacted", [order])
    row = agent.call(
        "repair.order", "read", [order], ["dispatch_state", "customer_contacted_at"]
    )[0]
    assert row["dispatch_state"] == "accepted"
    assert row["customer_contacted_at"]

    receipt = f"/report/pdf/repair_service_mgmt.report_repair_receipt/{order}"
    kind, pdf = web_a.get(receipt)
    assert kind == "application/pdf"
    assert pdf.startswith(b"%PDF")
    try:
        WebSession(server, "api.tech.b", "api.tech.b").get(receipt)
    except urllib.error.HTTPError as error:
        assert error.code == 403
        # the server logs the same access refusal as over RPC, once
        EXPECTED_REFUSALS.append(refusal.splitlines()[0])
    else:
        raise AssertionError("another outlet's technician printed the receipt")
