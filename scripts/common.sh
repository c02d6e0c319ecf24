#!/usr/bin/env bash
# Shared settings of the project's scripts. Sourced, never run.
# Every value can be overridden from the environment.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_SRC="${ODOO_SRC:-/opt/odoo}"
VENV="${VENV:-$ROOT/.venv}"
PYTHON_BIN="${PYTHON_BIN:-python3.11}"
RUN_DIR="${RUN_DIR:-$ROOT/.run}"
PG_DIR="${PG_DIR:-$ROOT/.pg}"
PG_PORT_PRIVATE="${PG_PORT_PRIVATE:-5432}"
DEMO_DB="${DEMO_DB:-repair_demo}"
TEST_DB="${TEST_DB:-repair_test}"
HTTP_PORT="${HTTP_PORT:-8069}"
MODULE="repair_service_mgmt"

die() { echo "error: $*" >&2; exit 1; }
info() { echo "==> $*"; }

check_odoo_src() {
    if [ ! -x "$ODOO_SRC/odoo-bin" ] || ! grep -q "version_info = (18, 0" "$ODOO_SRC/odoo/release.py" 2>/dev/null; then
        die "ODOO_SRC='$ODOO_SRC' is not an Odoo 18.0 source tree (no odoo-bin with version 18.0 there). Set ODOO_SRC to the folder of an Odoo 18.0 checkout."
    fi
}

venv_site() {
    "$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'
}

addons_path() {
    echo "$ODOO_SRC/addons,$(venv_site)/odoo/addons,$ROOT"
}

# Private cluster unless the standard libpq variables name a server.
use_external_pg() {
    [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}${PGDATABASE:-}${PGSERVICE:-}" ]
}

pg_socket_dir() {
    local dir="$PG_DIR/run"
    # a unix socket path may not exceed 107 bytes
    if [ $(( ${#dir} + 20 )) -gt 100 ]; then
        dir="/tmp/rsm-pg-$(echo -n "$PG_DIR" | md5sum | cut -c1-12)"
    fi
    echo "$dir"
}

# Database arguments for odoo-bin.
odoo_db_args() {
    if use_external_pg; then
        return 0
    fi
    echo "--db_host=$(pg_socket_dir) --db_port=$PG_PORT_PRIVATE --db_user=odoo"
}

# psql/createdb/dropdb against the server Odoo uses.
pg_env() {
    if use_external_pg; then
        "$@"
    else
        PGHOST="$(pg_socket_dir)" PGPORT="$PG_PORT_PRIVATE" PGUSER=odoo PGDATABASE=postgres "$@"
    fi
}

odoo_bin() {
    # shellcheck disable=SC2046
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" \
        --addons-path="$(addons_path)" \
        --data-dir="$RUN_DIR/data" \
        $(odoo_db_args) \
        "$@"
}
