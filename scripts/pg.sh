#!/usr/bin/env bash
# pg.sh start|stop|status — the project's private PostgreSQL cluster.
# When the standard PG* variables are set, the server they name is used and
# this script only checks that it answers.
source "$(dirname "$0")/common.sh"

cmd="${1:-start}"

if use_external_pg; then
    case "$cmd" in
        start|status)
            psql -Atqc "select 1" postgres >/dev/null 2>&1 \
                || die "the PostgreSQL server named by the PG* variables does not answer (PGHOST='${PGHOST:-}', PGPORT='${PGPORT:-}', PGUSER='${PGUSER:-}')."
            ;;
        stop) ;;
    esac
    exit 0
fi

pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
[ -x "$pg_bin/initdb" ] || die "no PostgreSQL server found (install the Debian package postgresql, or set PG_BIN)."
cluster="$(pg_cluster_dir)"
data="$cluster/data"
sock="$(pg_socket_dir)"
log="$cluster/postgresql.log"
# where the cluster is when it cannot be in $PG_DIR (see pg_cluster_dir)
elsewhere() {
    [ "$cluster" = "$PG_DIR" ] && return 1
    echo "in $cluster: the postgres user, who runs it, cannot enter $PG_DIR"
}

# PostgreSQL refuses to run as root: run it as the postgres user then (from
# a folder that user may enter: PostgreSQL's programs check their folder).
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}
superuser() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

running() { as_pg "$pg_bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }
# sql QUERY: one value, as the cluster's superuser
sql() { as_pg "$pg_bin/psql" -X -h "$sock" -p "$PG_PORT_PRIVATE" -U "$(superuser)" -d postgres -Atqc "$1"; }

case "$cmd" in
start)
    if [ "$(id -u)" -eq 0 ] && ! postgres_reaches "$cluster"; then
        die "the private PostgreSQL cluster runs as the postgres user, who cannot enter $PG_DIR (a folder above it is closed to other users) and has no folder of its own to use instead. Set PG_DIR to a folder that user can reach, e.g. PG_DIR=/var/tmp/repair-pg make test, or set PGHOST, PGPORT, PGUSER (and PGPASSWORD) to use a PostgreSQL server you run."
    fi
    mkdir -p "$cluster" "$sock"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$cluster" "$sock"
        if [ "$cluster" != "$PG_DIR" ]; then chmod 700 "$cluster"; fi
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        info "creating a private PostgreSQL cluster in $data"
        as_pg "$pg_bin/initdb" -D "$data" -U "$(superuser)" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # PostgreSQL's durability defaults (fsync, full-page writes, synchronous
    # commits): the demo database is one to work in. make test turns off
    # synchronous commits for its own database only.
    if running && [ "$(sql "show fsync")" = off ]; then
        info "restarting the private PostgreSQL cluster with fsync on (an earlier version of this script started it with fsync off)"
        as_pg "$pg_bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    fi
    if ! running; then
        if where="$(elsewhere)"; then info "starting the private PostgreSQL cluster $where"; fi
        as_pg "$pg_bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
            -o "-k $sock -c listen_addresses='' -p $PG_PORT_PRIVATE" \
            start >/dev/null || die "PostgreSQL did not start, see $log"
    fi
    # Odoo refuses to connect as "postgres": it uses its own role.
    if [ "$(sql "select 1 from pg_roles where rolname='odoo'")" != 1 ]; then
        sql "create role odoo login superuser" >/dev/null
    fi
    ;;
stop)
    if [ -f "$data/PG_VERSION" ] && running; then
        as_pg "$pg_bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
        if where="$(elsewhere)"; then info "PostgreSQL stopped (the cluster $where)"; else info "PostgreSQL stopped"; fi
    fi
    ;;
status)
    running
    ;;
*)
    die "usage: pg.sh start|stop|status"
    ;;
esac
