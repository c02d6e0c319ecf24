"""A small client of Odoo's external API, over XML-RPC or JSON-RPC."""

import itertools
import json
import urllib.request
import xmlrpc.client


class RPCError(Exception):
    """An error answered by the server (access refused, user error, ...)."""

    def __init__(self, message, name=""):
        super().__init__(message)
        self.name = name


# first lines of the errors the tests provoked on purpose: the server logs
# them as WARNING lines, which the log check accepts exactly this often
EXPECTED_REFUSALS = []


class OdooClient:
    def __init__(self, url, db, login, password, protocol="xmlrpc"):
        self.url, self.db, self.login, self.password = url, db, login, password
        self.protocol = protocol
        self._ids = itertools.count(1)
        self.uid = self._call("common", "authenticate", db, login, password, {})
        if not self.uid:
            raise RPCError(f"login refused for {login!r}", "AccessDenied")

    def _call(self, service, method, *args):
        if self.protocol == "xmlrpc":
            proxy = xmlrpc.client.ServerProxy(
                f"{self.url}/xmlrpc/2/{service}", allow_none=True
            )
            try:
                return getattr(proxy, method)(*args)
            except xmlrpc.client.Fault as fault:
                raise RPCError(fault.faultString) from fault
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(self._ids),
            "params": {"service": service, "method": method, "args": list(args)},
        }
        request = urllib.request.Request(
            f"{self.url}/jsonrpc",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
        if "error" in answer:
            data = answer["error"].get("data", {})
            raise RPCError(
                data.get("message", str(answer["error"])), data.get("name", "")
            )
        # Odoo leaves "result" out of the answer when the method returned None
        return answer.get("result")

    def call(self, model, method, *args, **kwargs):
        return self._call(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
        )

    def ref(self, xmlid):
        module, name = xmlid.split(".")
        rows = self.call(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            ["res_id"],
        )
        return rows[0]["res_id"] if rows else False

    def refused(self, model, method, *args, **kwargs):
        """Call a method that the server must refuse; return the error."""
        try:
            self.call(model, method, *args, **kwargs)
        except RPCError as error:
            EXPECTED_REFUSALS.append(str(error).splitlines()[0])
            return error
        raise AssertionError(f"{model}.{method} was not refused for {self.login}")
