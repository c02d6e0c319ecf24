#!/usr/bin/env python3
"""Benchmark of the batch quality accident detection (R-34; prints figures,
asserts only that the planted accidents are found): ORDERS repair orders with
a symptom over PRODUCTS products (half of them tracked by lots, ten lots
each), the units delivered to customers per product and lot, and a few
(product, lot, symptom) groups repaired often enough to be accidents; then
the scheduled action runs twice (raising, then only updating) and the time,
queries and growth of the process memory (RSS) are printed.

usage: bench_complaint_batch.py DATABASE [ORDERS PRODUCTS]
       (run through scripts/bench.sh; defaults 1000000 500)
Everything is inserted inside one transaction that is rolled back at the end.
"""

import os
import sys
import time

import odoo
from odoo import SUPERUSER_ID, api

M = "repair_service_mgmt"
LOTS = 10
HOT = 20  # groups planted as accidents


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


def setup(env, orders, products):
    cr = env.cr
    company = env.company
    template = env["repair.order"].search([], limit=1)
    assert template, "the database needs demo data"
    symptoms = env["repair.service.fault.code"].search([], limit=10).ids
    assert symptoms, "the database needs fault codes"
    # products: the even ones tracked by lots
    product_ids = (
        env["product.product"]
        .create(
            [
                {
                    "name": f"Bench product {index}",
                    "is_storable": True,
                    "tracking": "lot" if index % 2 == 0 else "none",
                }
                for index in range(products)
            ]
        )
        .ids
    )
    tracked = product_ids[0::2]
    cr.execute(
        """INSERT INTO stock_lot
                  (name, product_id, company_id, create_uid, write_uid,
                   create_date, write_date)
           SELECT 'BENCH-LOT-' || p || '-' || l, p, %(company)s, 1, 1, now(), now()
             FROM unnest(%(products)s::int[]) p, generate_series(0, %(lots)s - 1) l
        RETURNING id, product_id""",
        {"company": company.id, "products": tracked, "lots": LOTS},
    )
    lots_of = {}
    for lot_id, product_id in cr.fetchall():
        lots_of.setdefault(product_id, []).append(lot_id)
    # one row per (product, lot or none) with its index, for the orders
    cr.execute("CREATE TEMP TABLE bench_unit (n int, product_id int, lot_id int)")
    units = []
    for product_id in product_ids:
        for lot_id in lots_of.get(product_id, [None]):
            units.append((product_id, lot_id))
    cr.execute(
        """INSERT INTO bench_unit
           SELECT row_number() OVER () - 1, u.p, u.l
             FROM unnest(%s::int[], %s::int[]) AS u(p, l)""",
        ([u[0] for u in units], [u[1] for u in units]),
    )
    # the units delivered to customers: 2,000 per lot, 20,000 per untracked
    # product (one done move line each)
    stock = env.ref("stock.stock_location_stock")
    customers = env.ref("stock.stock_location_customers")
    cr.execute(
        """INSERT INTO stock_move_line
                  (company_id, product_id, lot_id, product_uom_id, location_id,
                   location_dest_id, date, quantity, quantity_product_uom,
                   state, create_uid, write_uid, create_date, write_date)
           SELECT %(company)s, u.product_id, u.lot_id, %(uom)s, %(stock)s,
                  %(customers)s, now(),
                  CASE WHEN u.lot_id IS NULL THEN 20000 ELSE 2000 END,
                  CASE WHEN u.lot_id IS NULL THEN 20000 ELSE 2000 END,
                  'done', 1, 1, now(), now()
             FROM bench_unit u""",
        {
            "company": company.id,
            "uom": env.ref("uom.product_uom_unit").id,
            "stock": stock.id,
            "customers": customers.id,
        },
    )
    # the orders: spread over every unit and symptom (about 1 % of the units
    # sold each), except HOT groups repaired 150 times (7.5 % of a lot)
    skip = {"name", "company_id", "id", "product_id", "lot_id", "symptom_id"}
    cols = required_columns(cr, "repair_order", skip)
    col_list = ", ".join(cols)
    tpl_list = ", ".join(f"t.{c}" for c in cols)
    hot_orders = HOT * 150
    # the first lot of each of the first HOT tracked products
    hot_units = [
        index
        for index, (product_id, lot_id) in enumerate(units)
        if lot_id and lot_id == lots_of[product_id][0]
    ][:HOT]
    cr.execute(
        f"""INSERT INTO repair_order
                  (name, company_id, product_id, lot_id, symptom_id, state,
                   create_uid, write_uid, create_date, write_date, {col_list})
           SELECT 'BENCH/' || g, %(company)s, u.product_id, u.lot_id,
                  (%(symptoms)s::int[])[1 + (CASE WHEN g <= %(hot)s THEN 0
                       ELSE g / %(units)s END) %% %(n_symptoms)s],
                  'done', 1, 1, now(), now(), {tpl_list}
             FROM generate_series(1, %(n)s) g
             JOIN bench_unit u ON u.n = CASE WHEN g <= %(hot)s
                       THEN (%(hot_units)s::int[])[1 + g %% %(n_hot)s]
                       ELSE g %% %(units)s END,
                  (SELECT {col_list} FROM repair_order WHERE id = %(tpl)s) t""",
        {
            "company": company.id,
            "symptoms": symptoms,
            "n_symptoms": len(symptoms),
            "hot": hot_orders,
            "n_hot": HOT,
            "hot_units": hot_units,
            "units": len(units),
            "n": orders,
            "tpl": template.id,
        },
    )
    inserted = cr.rowcount
    for table in ("repair_order", "stock_move_line", "stock_lot"):
        cr.execute(f"ANALYZE {table}")
    return inserted, len(units)


def main(db, orders, products):
    odoo.tools.config.parse_config(os.environ.get("RSM_ODOO_ARGS", "").split())
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        started = time.perf_counter()
        inserted, units = setup(env, orders, products)
        print(
            f"Batch quality accidents: {inserted} repair orders over {units} "
            f"products/lots inserted in {time.perf_counter() - started:.1f} s "
            f"(not measured)."
        )
        Complaint = env["repair.service.complaint"]
        for label in ("first run (raises)", "second run (updates)"):
            env.flush_all()
            env.invalidate_all()
            rss_before = rss_mb()
            queries = cr.sql_log_count
            started = time.perf_counter()
            accidents = Complaint._cron_batch_quality_accidents()
            env.flush_all()
            elapsed = time.perf_counter() - started
            rss_after = rss_mb()
            planted = accidents.filtered(
                lambda c: c.product_id.name.startswith("Bench product")
            )
            assert len(planted) >= HOT, len(planted)
            print(
                f"  {label}: {elapsed:.1f} s, {cr.sql_log_count - queries} "
                f"queries, {len(planted)} accidents, RSS {rss_before:.0f} -> "
                f"{rss_after:.0f} MB (+{rss_after - rss_before:.0f} MB)"
            )
        cr.rollback()


if __name__ == "__main__":
    args = [int(n) for n in sys.argv[2:]] or [1000000, 500]
    main(sys.argv[1], *args)
