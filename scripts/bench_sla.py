#!/usr/bin/env python3
"""Benchmark of the SLA engine's scheduled action (prints figures, asserts
nothing): N running deadlines, none due; then the same with 1 % due.

usage: bench_sla.py DATABASE [N]   (run through scripts/bench.sh)
The data is created inside a transaction that is rolled back.
"""

import os
import sys
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def main(db, count):
    odoo.tools.config.parse_config(os.environ.get("RSM_ODOO_ARGS", "").split())
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        policy = env.ref("repair_service_mgmt.sla_policy_contact_customer")
        cr.execute(
            SQL(
                """
                INSERT INTO repair_service_sla_line
                    (policy_id, res_model, res_id, start_date, deadline, state,
                     escalated, create_uid, write_uid, create_date, write_date)
                SELECT %(policy)s, 'repair.order', -n, now() at time zone 'utc',
                       now() at time zone 'utc' + interval '2 hours', 'running',
                       false, 1, 1, now(), now()
                  FROM generate_series(1, %(count)s) AS n
                """,
                policy=policy.id,
                count=count,
            )
        )
        cr.execute("ANALYZE repair_service_sla_line")
        Line = env["repair.service.sla.line"]

        def run_cron(label):
            env.invalidate_all()
            queries = cr.sql_log_count
            start = time.perf_counter()
            due = Line._cron_check_deadlines()
            elapsed = time.perf_counter() - start
            print(
                f"SLA cron, {count} running deadlines, {label}: "
                f"{elapsed * 1000:.1f} ms, {cr.sql_log_count - queries} queries, "
                f"{len(due)} breached"
            )

        run_cron("none due")
        run_cron("none due (again)")
        cr.execute(
            SQL(
                "UPDATE repair_service_sla_line SET deadline = deadline - "
                "interval '3 hours' WHERE res_id > -%(n)s AND res_id < 0",
                n=count // 100 + 1,
            )
        )
        run_cron("1 % due")
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
