#!/usr/bin/env python3
"""Benchmark of the monthly complaint reports (R-37; prints figures, asserts
only the totals read back from the workbook): COMPLAINTS complaints of one
month, over the demo outlets, products, kinds and channels, each with two
deadline lines (met, breached or running), and SHEETS quality information
sheets of the month, inserted with SQL ``generate_series``; then the
complaint summary and the quality information monthly report are rendered
and the time, the number of queries and the growth of the process memory
(RSS) are printed.

usage: bench_complaint_report.py DATABASE [COMPLAINTS SHEETS]
       (run through scripts/bench.sh; defaults 100000 2000)
Everything is inserted inside one transaction that is rolled back at the end.
"""

import io
import os
import sys
import time
from datetime import date

import openpyxl

import odoo
from odoo import SUPERUSER_ID, api

M = "repair_service_mgmt"
MONTH = date(2032, 2, 1)  # a month no other record falls in


def rss_mb(field="VmRSS"):
    """The process memory (``VmHWM``: its peak so far), in MB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def reset_peak():
    """Start a new peak measure (Linux: writing 5 to clear_refs resets
    VmHWM to the current RSS)."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass


def setup(env, complaints, sheets):
    cr = env.cr
    company = env.company
    outlet_ids = env["repair.service.outlet"].search([]).ids or [None]
    product_ids = env["product.product"].search([], limit=50).ids
    partner = env["res.partner"].search([], limit=1)
    assert product_ids and partner, "the database needs demo data"
    kinds = [k for k, _l in env["repair.service.complaint"]._fields["kind"].selection]
    channels = [
        c for c, _l in env["repair.service.complaint"]._fields["channel"].selection
    ]
    # mid-month dates: the month's bounds in any time zone hold them all
    cr.execute(
        """INSERT INTO repair_service_complaint
                  (name, company_id, partner_id, outlet_id, product_id, state,
                   channel, complainant_type, kind, description, date,
                   validity, active, compensation_kind, create_uid, write_uid,
                   create_date, write_date)
           SELECT 'BENCH-R/' || g, %(company)s, %(partner)s,
                  (%(outlets)s::int[])[1 + g %% %(n_outlets)s],
                  (%(products)s::int[])[1 + g %% %(n_products)s], 'analysed',
                  (%(channels)s::varchar[])[1 + g %% %(n_channels)s],
                  'customer', (%(kinds)s::varchar[])[1 + g %% %(n_kinds)s],
                  'Bench complaint',
                  %(start)s::timestamp + interval '2 days'
                      + (g %% 24) * interval '1 day' + (g %% 600) * interval '1 minute',
                  CASE WHEN g %% 5 = 0 THEN 'invalid'
                       WHEN g %% 7 = 0 THEN NULL ELSE 'valid' END,
                  true, 'none', 1, 1, now(), now()
             FROM generate_series(1, %(n)s) g
        RETURNING id""",
        {
            "company": company.id,
            "partner": partner.id,
            "outlets": outlet_ids,
            "n_outlets": len(outlet_ids),
            "products": product_ids,
            "n_products": len(product_ids),
            "channels": channels,
            "n_channels": len(channels),
            "kinds": kinds,
            "n_kinds": len(kinds),
            "start": MONTH,
            "n": complaints,
        },
    )
    ids = [row[0] for row in cr.fetchall()]
    policies = [
        env.ref(f"{M}.sla_policy_complaint_analysed").id,
        env.ref(f"{M}.sla_policy_complaint_invalid_contact").id,
    ]
    cr.execute(
        """INSERT INTO repair_service_sla_line
                  (policy_id, res_model, res_id, start_date, deadline, done_date,
                   state, create_uid, write_uid, create_date, write_date)
           SELECT p.policy, 'repair.service.complaint', c.id, c.date,
                  c.date + interval '72 hours', c.date + interval '10 hours',
                  CASE WHEN (c.id + p.n) %% 10 = 0 THEN 'breached'
                       WHEN (c.id + p.n) %% 10 = 1 THEN 'running' ELSE 'met' END,
                  1, 1, now(), now()
             FROM repair_service_complaint c,
                  unnest(%(policies)s::int[]) WITH ORDINALITY p(policy, n)
            WHERE c.id = ANY(%(ids)s)""",
        {"policies": policies, "ids": ids},
    )
    lines = cr.rowcount
    cr.execute(
        """INSERT INTO repair_service_quality_sheet
                  (name, company_id, product_id, defect_type, description, state,
                   date, sent_at, closed_at, active, create_uid, write_uid,
                   create_date, write_date)
           SELECT 'BENCH-QIS/' || g, %(company)s,
                  (%(products)s::int[])[1 + g %% %(n_products)s],
                  (ARRAY['first_time', 'representative', 'functional',
                         'safety'])[1 + g %% 4], 'Bench defect',
                  CASE WHEN g %% 3 = 0 THEN 'closed' ELSE 'sent' END,
                  %(start)s::timestamp + (2 + g %% 24) * interval '1 day',
                  %(start)s::timestamp + (2 + g %% 24) * interval '1 day',
                  CASE WHEN g %% 3 = 0 THEN %(start)s::timestamp
                      + interval '4 days' + (g %% 24) * interval '1 day' END,
                  true, 1, 1, now(), now()
             FROM generate_series(1, %(n)s) g""",
        {
            "company": company.id,
            "products": product_ids,
            "n_products": len(product_ids),
            "start": MONTH,
            "n": sheets,
        },
    )
    for table in (
        "repair_service_complaint",
        "repair_service_sla_line",
        "repair_service_quality_sheet",
    ):
        cr.execute(f"ANALYZE {table}")
    return len(ids), lines


def render(env, wizard, xmlid):
    report = env.ref(f"{M}.{xmlid}")
    cr = env.cr
    env.flush_all()
    env.invalidate_all()
    reset_peak()
    rss_before = rss_mb()
    queries = cr.sql_log_count
    started = time.perf_counter()
    content, _kind = env["ir.actions.report"]._render_xlsx(
        report.report_name, wizard.ids, {}
    )
    elapsed = time.perf_counter() - started
    peak = rss_mb("VmHWM")
    print(
        f"  {report.name}: {elapsed:.2f} s, {cr.sql_log_count - queries} queries, "
        f"{len(content) / 1024:.0f} KB, RSS {rss_before:.0f} MB, peak "
        f"{peak:.0f} MB (+{peak - rss_before:.0f} MB)"
    )
    return openpyxl.load_workbook(io.BytesIO(content), read_only=True)


def main(db, complaints, sheets):
    odoo.tools.config.parse_config(os.environ.get("RSM_ODOO_ARGS", "").split())
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        started = time.perf_counter()
        inserted, lines = setup(env, complaints, sheets)
        print(
            f"Monthly complaint reports: {inserted} complaints, {lines} deadline "
            f"lines, {sheets} quality information sheets inserted in "
            f"{time.perf_counter() - started:.1f} s (not measured)."
        )
        wizard = env["repair.service.complaint.report.wizard"].create(
            {"month": str(MONTH.month), "year": MONTH.year}
        )
        book = render(env, wizard, "action_report_complaint_summary_xlsx")
        rows = list(book.worksheets[0].iter_rows(min_row=6, values_only=True))
        assert rows[0][1] == inserted, rows[0]
        book = render(env, wizard, "action_report_quality_monthly_xlsx")
        rows = list(book.worksheets[0].iter_rows(min_row=6, values_only=True))
        assert rows[0][1] == sheets, rows[0]
        cr.rollback()


if __name__ == "__main__":
    args = [int(n) for n in sys.argv[2:]] or [100000, 2000]
    main(sys.argv[1], *args)
