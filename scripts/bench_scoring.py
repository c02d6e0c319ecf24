#!/usr/bin/env python3
"""Benchmark of the scoring period's close (R-46; prints figures, asserts
only that every outlet got a sheet): OUTLETS outlets, ORDERS orders of the
quarter with their contact deadlines, a follow-up call for one order in three,
and COMPLAINTS complaints (one in five about the staff's attitude), inserted
with SQL ``generate_series``; then the period is closed and the time and the
growth of the process memory (RSS) are printed.

usage: bench_scoring.py DATABASE [OUTLETS ORDERS COMPLAINTS]
       (run through scripts/bench.sh; defaults 1000 1000000 50000)
Everything is inserted inside one transaction that is rolled back at the end.
"""

import os
import sys
import time
from datetime import date

import odoo
from odoo import SUPERUSER_ID, api

M = "repair_service_mgmt"
START = date(2032, 1, 1)  # a quarter no other record falls in
END = date(2032, 3, 31)


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def required_columns(cr, table, skip):
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = %s AND is_nullable = 'NO'
              AND column_default IS NULL""",
        (table,),
    )
    return [name for (name,) in cr.fetchall() if name not in skip]


def setup(env, outlets, orders, complaints):
    cr = env.cr
    company = env.company
    template_outlet = env["repair.service.outlet"].search([], limit=1)
    template_order = env["repair.order"].search([], limit=1)
    assert template_outlet and template_order, "the database needs demo data"
    # outlets
    cr.execute(
        """INSERT INTO repair_service_outlet
                  (name, code, company_id, kind, partner_id, region_id, state,
                   active, create_uid, write_uid, create_date, write_date)
           SELECT 'Bench outlet ' || g, 'BENCH-' || g, %(company)s,
                  'third_party', %(partner)s, %(region)s, 'active', true,
                  1, 1, now(), now()
             FROM generate_series(1, %(n)s) g
        RETURNING id""",
        {
            "company": company.id,
            "partner": template_outlet.partner_id.id,
            "region": template_outlet.region_id.id,
            "n": outlets,
        },
    )
    outlet_ids = [row[0] for row in cr.fetchall()]
    # orders: dispatched in the quarter, 9 in 10 contacted, 8 in 10 done
    skip = {"name", "company_id", "id"}
    cols = required_columns(cr, "repair_order", skip)
    col_list = ", ".join(cols)
    tpl_list = ", ".join(f"t.{c}" for c in cols)
    cr.execute(
        f"""INSERT INTO repair_order
                  (name, company_id, outlet_id, dispatched_at,
                   customer_contacted_at, completed_at, state, rework_count,
                   create_uid, write_uid, create_date, write_date, {col_list})
           SELECT 'BENCH/' || g, %(company)s,
                  (%(outlets)s::int[])[1 + g %% %(n_outlets)s],
                  %(start)s::timestamp + (g %% 85) * interval '1 day'
                      + (g %% 600) * interval '1 minute',
                  CASE WHEN g %% 10 != 0 THEN
                      %(start)s::timestamp + (g %% 85) * interval '1 day'
                      + (g %% 600 + 30 + g %% 180) * interval '1 minute' END,
                  CASE WHEN g %% 5 != 0 THEN
                      %(start)s::timestamp + (g %% 85 + 2) * interval '1 day' END,
                  CASE WHEN g %% 5 != 0 THEN 'done' ELSE 'confirmed' END,
                  CASE WHEN g %% 23 = 0 THEN 1 ELSE 0 END,
                  1, 1, %(start)s::timestamp + (g %% 85) * interval '1 day',
                  now(), {tpl_list}
             FROM generate_series(1, %(n)s) g,
                  (SELECT {col_list} FROM repair_order WHERE id = %(tpl)s) t""",
        {
            "company": company.id,
            "outlets": outlet_ids,
            "n_outlets": len(outlet_ids),
            "start": START,
            "n": orders,
            "tpl": template_order.id,
        },
    )
    cr.execute("SELECT min(id), max(id) FROM repair_order WHERE name LIKE 'BENCH/%%'")
    first, last = cr.fetchone()
    # the contact deadline of every order, met 9 times in 10
    policy = env.ref(f"{M}.sla_policy_contact_customer")
    cr.execute(
        """INSERT INTO repair_service_sla_line
                  (policy_id, res_model, res_id, start_date, deadline, done_date,
                   state, create_uid, write_uid, create_date, write_date)
           SELECT %(policy)s, 'repair.order', o.id, o.dispatched_at,
                  o.dispatched_at + interval '2 hours', o.customer_contacted_at,
                  CASE WHEN o.id %% 10 != 0 THEN 'met' ELSE 'breached' END,
                  1, 1, now(), now()
             FROM repair_order o WHERE o.id BETWEEN %(first)s AND %(last)s""",
        {"policy": policy.id, "first": first, "last": last},
    )
    # a follow-up call for one order in three
    cr.execute(
        """INSERT INTO repair_service_followup
                  (name, repair_id, outlet_id, company_id, state, active,
                   call_date, satisfaction, create_uid, write_uid, create_date,
                   write_date)
           SELECT 'BENCH-F/' || o.id, o.id, o.outlet_id, o.company_id, 'done',
                  true, o.completed_at + interval '1 day',
                  (1 + o.id %% 5)::varchar, 1, 1, now(), now()
             FROM repair_order o
            WHERE o.id BETWEEN %(first)s AND %(last)s
              AND o.completed_at IS NOT NULL AND o.id %% 3 = 0""",
        {"first": first, "last": last},
    )
    followups = cr.rowcount
    # complaints about the outlets, received in the quarter: one in five
    # about the staff's attitude, four in five of those judged valid
    cr.execute(
        """INSERT INTO repair_service_complaint
                  (name, company_id, partner_id, outlet_id, state, channel,
                   complainant_type, kind, description, date, validity,
                   about_attitude, active, compensation_kind, create_uid,
                   write_uid, create_date, write_date)
           SELECT 'BENCH-C/' || g, %(company)s, %(partner)s,
                  (%(outlets)s::int[])[1 + g %% %(n_outlets)s], 'analysed',
                  'phone', 'customer', 'customer', 'Bench complaint',
                  %(start)s::timestamp + (g %% 85) * interval '1 day',
                  CASE WHEN g %% 5 != 0 THEN 'valid' ELSE 'invalid' END,
                  g %% 5 = 1, true, 'none', 1, 1, now(), now()
             FROM generate_series(1, %(n)s) g""",
        {
            "company": company.id,
            "partner": template_order.partner_id.id,
            "outlets": outlet_ids,
            "n_outlets": len(outlet_ids),
            "start": START,
            "n": complaints,
        },
    )
    print(f"  complaints: {cr.rowcount} inserted")
    # fresh statistics, as the autovacuum daemon keeps them in production
    for table in (
        "repair_service_outlet",
        "repair_order",
        "repair_service_sla_line",
        "repair_service_followup",
        "repair_service_complaint",
    ):
        cr.execute(f"ANALYZE {table}")
    return outlet_ids, last - first + 1, followups


def main(db, outlets, orders, complaints):
    odoo.tools.config.parse_config(os.environ.get("RSM_ODOO_ARGS", "").split())
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        started = time.perf_counter()
        outlet_ids, order_count, followups = setup(env, outlets, orders, complaints)
        print(
            f"Scoring close: {len(outlet_ids)} outlets, {order_count} orders, "
            f"{followups} follow-up calls inserted in "
            f"{time.perf_counter() - started:.1f} s (not measured)."
        )
        scheme = env.ref(f"{M}.scoring_scheme_default")
        period = env["repair.service.scoring.period"].create(
            {
                "kind": "quarter",
                "date_from": START,
                "date_to": END,
                "scheme_id": scheme.id,
            }
        )
        env.flush_all()
        env.invalidate_all()
        rss_before = rss_mb()
        queries = cr.sql_log_count
        started = time.perf_counter()
        period._close()
        env.flush_all()
        elapsed = time.perf_counter() - started
        rss_after = rss_mb()
        sheets = period.sheet_ids
        assert len(sheets.filtered(lambda s: s.outlet_id.id in outlet_ids)) == len(
            outlet_ids
        )
        print(
            f"  close: {elapsed:.1f} s, {cr.sql_log_count - queries} queries, "
            f"{len(sheets)} sheets, RSS {rss_before:.0f} -> {rss_after:.0f} MB "
            f"(+{rss_after - rss_before:.0f} MB)"
        )
        started = time.perf_counter()
        period._close()
        env.flush_all()
        print(
            f"  close again (nothing changes): "
            f"{time.perf_counter() - started:.1f} s, RSS {rss_mb():.0f} MB"
        )
        cr.rollback()


if __name__ == "__main__":
    args = [int(n) for n in sys.argv[2:]] or [1000, 1000000, 50000]
    main(sys.argv[1], *args)
