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
case "$PG_DIR" in /*) ;; *) PG_DIR="$PWD/$PG_DIR" ;; esac
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

path_hash() { echo -n "$1" | md5sum | cut -c1-12; }

# postgres_reaches DIR: whether the postgres user can enter DIR (or, while it
# does not exist, the nearest folder above it that does).
postgres_reaches() {
    local dir="$1"
    while [ ! -e "$dir" ] && [ "$dir" != / ]; do dir="$(dirname "$dir")"; done
    runuser -u postgres -- test -x "$dir" 2>/dev/null
}

# The folder of the private cluster (data, log, socket): $PG_DIR. As root,
# the cluster runs as the postgres user; when that user cannot reach $PG_DIR
# (a checkout in root's home, mode 700), the cluster lives in a folder of its
# own, named after $PG_DIR, in the postgres user's home (or /tmp).
pg_cluster_dir() {
    if [ "$(id -u)" -ne 0 ] || ! id postgres >/dev/null 2>&1 || postgres_reaches "$PG_DIR"; then
        echo "$PG_DIR"
        return 0
    fi
    local base
    for base in "$(getent passwd postgres | cut -d: -f6)" /tmp; do
        if [ -n "$base" ] && [ -d "$base" ] && postgres_reaches "$base"; then
            echo "${base%/}/rsm-cluster-$(path_hash "$PG_DIR")"
            return 0
        fi
    done
    echo "$PG_DIR"  # out of reach: pg.sh says what to do
}

pg_socket_dir() {
    local dir
    dir="$(pg_cluster_dir)/run"
    # a unix socket path may not exceed 107 bytes
    if [ $(( ${#dir} + 20 )) -gt 100 ]; then
        dir="/tmp/rsm-pg-$(path_hash "$PG_DIR")"
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

# $VENV/bin first: Odoo finds the patched-Qt wkhtmltopdf there (scripts/wkhtmltopdf.sh).
odoo_path() { echo "$VENV/bin:$PATH"; }

odoo_bin() {
    # shellcheck disable=SC2046
    PATH="$(odoo_path)" "$VENV/bin/python" "$ODOO_SRC/odoo-bin" \
        --addons-path="$(addons_path)" \
        --data-dir="$RUN_DIR/data" \
        $(odoo_db_args) \
        "$@"
}
