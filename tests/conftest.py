"""Black-box suite: a real Odoo server on 127.0.0.1, driven through the
external API (XML-RPC and JSON-RPC) as an integrating call-centre system would.

scripts/test.sh installs the module in RSM_DB and sets the RSM_* variables.
"""

import os
import socket
import subprocess
import time
import urllib.request

import pytest

from .helpers import make_people
from .rpc import EXPECTED_REFUSALS, OdooClient

DEMO_PASSWORDS = {
    "admin": "admin",
    "demo": "demo",
    "technician": "technician",
    "outlet.manager": "outlet.manager",
    "cs.manager": "cs.manager",
}


def _env(name):
    value = os.environ.get(name)
    if value is None:
        pytest.exit(f"{name} is not set: run the suite with 'make test'.", returncode=2)
    return value


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    port = _free_port()
    db = _env("RSM_DB")
    cmd = [
        _env("RSM_PYTHON"),
        os.path.join(_env("RSM_ODOO_SRC"), "odoo-bin"),
        f"--addons-path={_env('RSM_ADDONS_PATH')}",
        f"--data-dir={_env('RSM_DATA_DIR')}",
        *os.environ.get("RSM_DB_ARGS", "").split(),
        f"--database={db}",
        f"--db-filter=^{db}$",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        "--max-cron-threads=0",
        "--no-database-list",
        f"--logfile={_env('RSM_SERVER_LOG')}",
    ]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{url}/web/login", timeout=5) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None:
            pytest.exit(f"the Odoo server exited with {proc.returncode}", returncode=1)
        if time.monotonic() > deadline:
            proc.kill()
            pytest.exit("the Odoo server did not answer within 120 s", returncode=1)
        time.sleep(0.5)
    yield {"url": url, "db": db}
    expected = os.environ.get("RSM_EXPECTED_WARNINGS")
    if expected:
        with open(expected, "w", encoding="utf-8") as handle:
            handle.writelines(f"{line}\n" for line in EXPECTED_REFUSALS)
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def login(server):
    """login("demo") -> an OdooClient authenticated as that demo user."""
    clients = {}

    def _login(user, password=None, protocol="xmlrpc"):
        key = (user, protocol)
        if key not in clients:
            clients[key] = OdooClient(
                server["url"],
                server["db"],
                user,
                password or DEMO_PASSWORDS[user],
                protocol=protocol,
            )
        return clients[key]

    return _login


@pytest.fixture(scope="session")
def people(server, login):
    """Users of every role and two regions, made by the administrator."""
    return make_people(server, login)
