#!/usr/bin/env bash
# make demo: database $DEMO_DB with demo data and the module, Odoo served on
# http://localhost:$HTTP_PORT in the background (make stop ends it).
# A second run reuses everything; the module is upgraded when its files changed.
source "$(dirname "$0")/common.sh"
check_odoo_src
"$ROOT/scripts/system_deps.sh"
"$ROOT/scripts/venv.sh"
"$ROOT/scripts/pg.sh" start
mkdir -p "$RUN_DIR"
pidfile="$RUN_DIR/demo.pid"
log="$RUN_DIR/demo.log"
url="http://localhost:$HTTP_PORT"

module_hash() {
    (cd "$ROOT" && find "$MODULE" -type f -not -path '*/__pycache__/*' -print0 | sort -z \
        | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}
server_running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

state="$(pg_env psql -d "$DEMO_DB" -Atqc "select state from ir_module_module where name='$MODULE'" 2>/dev/null || true)"
stamp="$RUN_DIR/demo.module.sha"
if [ "$state" != "installed" ]; then
    if server_running; then kill "$(cat "$pidfile")"; sleep 2; fi
    info "creating database $DEMO_DB with demo data and installing $MODULE (log: $log)"
    odoo_bin -d "$DEMO_DB" -i "$MODULE" --load-language=zh_CN --stop-after-init --max-cron-threads=0 --logfile="$log" \
        || die "installation failed, see $log"
    module_hash > "$stamp"
elif [ "$(cat "$stamp" 2>/dev/null)" != "$(module_hash)" ]; then
    if server_running; then kill "$(cat "$pidfile")"; sleep 2; fi
    info "the module changed: upgrading $MODULE in $DEMO_DB (log: $log)"
    odoo_bin -d "$DEMO_DB" -u "$MODULE" --stop-after-init --max-cron-threads=0 --logfile="$log" \
        || die "upgrade failed, see $log"
    module_hash > "$stamp"
fi

if server_running; then
    info "Odoo is already running (pid $(cat "$pidfile"))"
else
    info "starting Odoo on $url (log: $log)"
    # shellcheck disable=SC2046
    PATH="$(odoo_path)" setsid nohup "$VENV/bin/python" "$ODOO_SRC/odoo-bin" \
        --addons-path="$(addons_path)" --data-dir="$RUN_DIR/data" $(odoo_db_args) \
        -d "$DEMO_DB" --db-filter="^$DEMO_DB\$" --http-port="$HTTP_PORT" \
        --logfile="$log" < /dev/null > /dev/null 2>&1 &
    echo $! > "$pidfile"
    for _ in $(seq 1 120); do
        if curl -fsS -o /dev/null "$url/web/login" 2>/dev/null; then break; fi
        server_running || die "Odoo stopped while starting, see $log"
        sleep 0.5
    done
    curl -fsS -o /dev/null "$url/web/login" || die "Odoo does not answer on $url, see $log"
fi
cat <<TXT

Repair Service demo: $url  (database $DEMO_DB)
  admin               / admin                service administrator (every role)
  demo                / demo                 CS agent
  cs.supervisor       / cs.supervisor        regional CS supervisor, East China
  cs.supervisor.north / cs.supervisor.north  regional CS supervisor, North China
  cs.manager          / cs.manager           CS-centre manager
  commercial.office   / commercial.office    commercial office (dealer complaints)
  quality             / quality              quality department
  factory             / factory              factory
  vice.president      / vice.president       vice-president
  outlet.manager      / outlet.manager       outlet manager, Shanghai Pudong
  technician          / technician           technician, Shanghai Pudong
  outlet2.manager     / outlet2.manager      outlet manager, Nanjing Xinjiekou
  technician2         / technician2          technician, Nanjing Xinjiekou
Public outlet application page: $url/repair-service/outlet/apply
Stop it with: make stop
TXT
