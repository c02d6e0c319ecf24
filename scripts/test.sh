#!/usr/bin/env bash
# make test: lint, then a fresh database with demo data, the module installed
# with its tests (TransactionCase, HttpCase, tours in chromium), then the
# top-level external-API suite against a real server; log check; summary.
# TEST_TAGS narrows the Odoo tests (e.g. TEST_TAGS=/repair_service_mgmt:TestUiTour),
# PYTEST_ARGS the external ones (e.g. PYTEST_ARGS="-k menu").
source "$(dirname "$0")/common.sh"
check_odoo_src
"$ROOT/scripts/system_deps.sh"
"$ROOT/scripts/venv.sh"
"$ROOT/scripts/pg.sh" start

cd "$ROOT"
mkdir -p "$RUN_DIR"
odoo_log="$RUN_DIR/test-odoo.log"
server_log="$RUN_DIR/test-server.log"
junit="$RUN_DIR/test-external.xml"
expected="$RUN_DIR/test-expected-warnings.txt"
rm -f "$odoo_log" "$server_log" "$junit" "$expected" "$RUN_DIR/test-i18n.log" "$RUN_DIR/export.pot"
started=$(date +%s)

lint_status=0
if [ "${SKIP_LINT:-0}" != 1 ]; then
    info "lint"
    "$ROOT/scripts/lint.sh" > "$RUN_DIR/lint.log" 2>&1 || lint_status=$?
    if [ $lint_status -ne 0 ]; then cat "$RUN_DIR/lint.log"; else tail -n 1 "$RUN_DIR/lint.log"; fi
fi

free_port() { "$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

info "fresh database $TEST_DB"
PGOPTIONS="-c client_min_messages=warning" pg_env dropdb --if-exists --force "$TEST_DB"
rm -rf "$RUN_DIR/data/filestore/$TEST_DB"
# Created as Odoo creates a database (odoo-bin -i initialises an empty one).
# Only this throw-away database trades durability for speed: its commits do
# not wait for the disk (a crash may lose its last ones). The server keeps
# PostgreSQL's defaults (fsync on): other databases, e.g. make demo's, keep
# all they committed.
pg_env psql -X -q -v ON_ERROR_STOP=1 -v db="$TEST_DB" >/dev/null <<'SQL'
CREATE DATABASE :"db" ENCODING 'unicode' LC_COLLATE 'C' TEMPLATE template0;
ALTER DATABASE :"db" SET synchronous_commit = off;
\connect :"db"
CREATE EXTENSION IF NOT EXISTS pg_trgm;
GRANT CREATE ON SCHEMA public TO PUBLIC;
SQL

info "installing $MODULE with demo data and running its Odoo tests (log: $odoo_log)"
odoo_status=0
odoo_bin -d "$TEST_DB" -i "$MODULE" --test-enable --test-tags "${TEST_TAGS:-/$MODULE}" \
    --stop-after-init --http-interface=127.0.0.1 --http-port="$(free_port)" \
    --max-cron-threads=0 --log-level=info --logfile="$odoo_log" || odoo_status=$?

# Odoo's own count: "X failed, Y error(s) of N tests when loading database"
read -r o_failed o_errors o_total < <(
    sed -nE 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests when loading database.*/\1 \2 \3/p' "$odoo_log" | tail -n 1
) || true
if [ -z "${o_total:-}" ]; then
    echo "the Odoo test run did not finish (exit $odoo_status); last lines of $odoo_log:"
    tail -n 40 "$odoo_log"
    o_failed=0; o_errors=1; o_total=1
fi
o_skipped=$(grep -cE " INFO [^ ]+ [^ ]+: skipped " "$odoo_log" || true)
if [ "$o_skipped" -gt 0 ]; then
    echo "skipped Odoo tests (a skipped test or tour is a failure here):"
    grep -E " INFO [^ ]+ [^ ]+: skipped " "$odoo_log"
fi
o_bad=$((o_failed + o_errors + o_skipped))
if [ "$odoo_status" -ne 0 ] && [ "$o_bad" -eq 0 ]; then
    echo "odoo-bin exited with $odoo_status"
    o_bad=1
fi
o_passed=$((o_total - o_failed - o_errors - o_skipped))
[ $o_passed -ge 0 ] || o_passed=0
grep -E "(ERROR|CRITICAL) .*(FAIL|ERROR):" "$odoo_log" | head -n 20 || true
echo "Odoo tests: $o_passed passed, $o_bad failed"

info "translations: every term exported from $TEST_DB is in the .pot and translated"
i18n_status=0
odoo_bin -d "$TEST_DB" --i18n-export="$RUN_DIR/export.pot" --modules="$MODULE" \
    --stop-after-init --max-cron-threads=0 --logfile="$RUN_DIR/test-i18n.log" 2>/dev/null || i18n_status=1
"$VENV/bin/python" "$ROOT/scripts/check_po.py" "$ROOT/$MODULE" --fresh "$RUN_DIR/export.pot" || i18n_status=1
[ $i18n_status -ne 0 ] || echo "translations: complete"

info "external API suite against a real server (log: $server_log)"
export RSM_ODOO_SRC="$ODOO_SRC" RSM_PYTHON="$VENV/bin/python" RSM_ADDONS_PATH="$(addons_path)"
export RSM_DATA_DIR="$RUN_DIR/data" RSM_DB="$TEST_DB" RSM_DB_ARGS="$(odoo_db_args)" RSM_SERVER_LOG="$server_log"
export RSM_EXPECTED_WARNINGS="$expected"
ext_status=0
PATH="$(odoo_path)" "$VENV/bin/python" -m pytest -p no:cacheprovider -q "$ROOT/tests" --junitxml="$junit" ${PYTEST_ARGS:-} || ext_status=$?
read -r e_total e_bad < <("$VENV/bin/python" - "$junit" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print(1, 1)
    sys.exit()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
total = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get(k, 0)) for s in suites for k in ("failures", "errors", "skipped"))
print(total, bad)
PY
)
[ "$ext_status" -ne 5 ] || ext_status=0  # nothing selected by PYTEST_ARGS
if [ "$ext_status" -ne 0 ] && [ "$e_bad" -eq 0 ]; then e_bad=1; e_total=$((e_total + 1)); fi
e_passed=$((e_total - e_bad))
echo "external API tests: $e_passed passed, $e_bad failed"

info "log check"
log_status=0
logs=("$odoo_log")
[ -f "$RUN_DIR/test-i18n.log" ] && logs+=("$RUN_DIR/test-i18n.log")
[ -f "$expected" ] && logs=(--expected "$expected" "${logs[@]}")
[ -f "$server_log" ] && logs+=("$server_log")
"$VENV/bin/python" "$ROOT/scripts/check_log.py" "$ROOT/scripts/log_allowlist.txt" "${logs[@]}" || log_status=1

passed=$((o_passed + e_passed))
failed=$((o_bad + e_bad))
# lint and the log check count as one failing test each when they fail
[ $lint_status -eq 0 ] || { failed=$((failed + 1)); echo "lint failed (see above)"; }
[ $log_status -eq 0 ] || { failed=$((failed + 1)); echo "log check failed (see above)"; }
[ $i18n_status -eq 0 ] || { failed=$((failed + 1)); echo "translation check failed (see above)"; }
echo "duration: $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
