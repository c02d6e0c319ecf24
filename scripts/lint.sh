#!/usr/bin/env bash
# make lint: ruff, pylint-odoo (OCA mandatory checks), oca-checks-odoo-module, oca-checks-po.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
bin="$VENV-lint/bin"
[ -x "$bin/ruff" ] || die "lint tools missing: run 'make venv' first."
status=0
run() { echo "--> $*"; "$@" || status=1; }
py_files=(repair_service_mgmt tests scripts)
run "$bin/ruff" check --no-fix "${py_files[@]}"
run "$bin/ruff" format --check --diff "${py_files[@]}"
run "$bin/pylint" --rcfile=.pylintrc-mandatory --valid-odoo-versions=18.0 repair_service_mgmt
run "$bin/oca-checks-odoo-module" --no-verbose repair_service_mgmt
mapfile -t po_files < <(find repair_service_mgmt -name '*.po' -o -name '*.pot')
if [ ${#po_files[@]} -gt 0 ]; then
    run "$bin/oca-checks-po" --no-verbose "${po_files[@]}"
fi
run "$VENV/bin/python" scripts/check_po.py repair_service_mgmt
if [ $status -ne 0 ]; then
    echo "lint: FAILED" >&2
else
    echo "lint: clean"
fi
exit $status
