#!/usr/bin/env bash
# make bench: performance figures (printed, never asserted) on the demo
# database (make demo creates it).
source "$(dirname "$0")/common.sh"
check_odoo_src
"$ROOT/scripts/pg.sh" start
db="${BENCH_DB:-$DEMO_DB}"
state="$(pg_env psql -d "$db" -Atqc "select state from ir_module_module where name='$MODULE'" 2>/dev/null || true)"
[ "$state" = "installed" ] || die "database $db has no $MODULE installed: run 'make demo' first (or set BENCH_DB)."
export RSM_ODOO_ARGS="--addons-path=$(addons_path) --data-dir=$RUN_DIR/data $(odoo_db_args) --log-level=warn"
PYTHONPATH="$ODOO_SRC" "$VENV/bin/python" "$ROOT/scripts/bench_sla.py" "$db" "${BENCH_N:-100000}"
# the repair-order flow, plain core vs the service flow, for each N
# shellcheck disable=SC2086
PYTHONPATH="$ODOO_SRC" "$VENV/bin/python" "$ROOT/scripts/bench_repair.py" "$db" ${BENCH_REPAIR_N:-10 1000}
# the warranty decision for N orders in one batch
# shellcheck disable=SC2086
PYTHONPATH="$ODOO_SRC" "$VENV/bin/python" "$ROOT/scripts/bench_warranty.py" "$db" ${BENCH_WARRANTY_N:-1000 10000}
# the scoring period's close: outlets, orders, complaints
# shellcheck disable=SC2086
PYTHONPATH="$ODOO_SRC" "$VENV/bin/python" "$ROOT/scripts/bench_scoring.py" "$db" ${BENCH_SCORING_N:-1000 1000000 50000}
# the batch quality accident detection over N repair orders and P products
# shellcheck disable=SC2086
PYTHONPATH="$ODOO_SRC" "$VENV/bin/python" "$ROOT/scripts/bench_complaint_batch.py" "$db" ${BENCH_BATCH_N:-1000000 500}
