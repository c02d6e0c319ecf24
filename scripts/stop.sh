#!/usr/bin/env bash
# make stop: stops the demo server and the private PostgreSQL cluster.
source "$(dirname "$0")/common.sh"
pidfile="$RUN_DIR/demo.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    pid="$(cat "$pidfile")"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    info "Odoo stopped"
fi
rm -f "$pidfile"
"$ROOT/scripts/pg.sh" stop
