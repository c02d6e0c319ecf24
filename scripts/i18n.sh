#!/usr/bin/env bash
# make i18n: exports the module's terms to i18n/repair_service_mgmt.pot from
# the demo database (created by make demo) and merges them into zh_CN.po.
source "$(dirname "$0")/common.sh"
check_odoo_src
"$ROOT/scripts/pg.sh" start
db="${I18N_DB:-$DEMO_DB}"
state="$(pg_env psql -d "$db" -Atqc "select state from ir_module_module where name='$MODULE'" 2>/dev/null || true)"
[ "$state" = "installed" ] || die "database $db has no $MODULE installed: run 'make demo' first (or set I18N_DB)."
pot="$ROOT/$MODULE/i18n/$MODULE.pot"
mkdir -p "$(dirname "$pot")"
odoo_bin -d "$db" -u "$MODULE" --stop-after-init --max-cron-threads=0 --log-level=warn
odoo_bin -d "$db" --i18n-export="$pot" --modules="$MODULE" --stop-after-init --max-cron-threads=0 --log-level=warn
"$VENV/bin/python" - "$pot" "$ROOT/$MODULE/i18n/zh_CN.po" <<'PY'
import os
import sys

import polib

pot_path, po_path = sys.argv[1:]
pot = polib.pofile(pot_path)
if os.path.exists(po_path):
    po = polib.pofile(po_path)
    po.merge(pot)
else:
    po = polib.POFile()
    po.metadata = dict(pot.metadata)
    po.extend(pot)
order = {(e.msgctxt, e.msgid): i for i, e in enumerate(pot)}
po[:] = sorted(po, key=lambda e: order.get((e.msgctxt, e.msgid), len(order)))
po.metadata["Language"] = "zh_CN"
po.metadata["Plural-Forms"] = ""
po.wrapwidth = 78
po.save(po_path)
untranslated = [e.msgid for e in po if not e.msgstr or "fuzzy" in e.flags]
print(f"{po_path}: {len(po)} terms, {len(untranslated)} to translate")
PY
