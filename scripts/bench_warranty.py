#!/usr/bin/env python3
"""Benchmark of the warranty decision (R-24; prints figures, asserts only
that every order got a decision): N repair orders of serial-numbered units,
half of them with a faulty component, with the customer's evidence, are
decided in one batch by ``repair.warranty.decision._decide``.

usage: bench_warranty.py DATABASE [N ...]   (run through scripts/bench.sh)
Everything is created inside one transaction that is rolled back at the end.
Each measure starts with an empty ORM cache (as a new request would); all its
SQL is counted.
"""

import os
import sys
import time
from datetime import date, timedelta

import odoo
from odoo import SUPERUSER_ID, Command, api

BATCH = 1000
M = "repair_service_mgmt"


def setup(env, count):
    categ = env["product.category"].create({"name": "Bench air conditioners"})
    product = env["product.product"].create(
        {
            "name": "Bench split unit",
            "type": "consu",
            "is_storable": True,
            "tracking": "serial",
            "categ_id": categ.id,
        }
    )
    compressor = env.ref(f"{M}.warranty_component_compressor")
    env["repair.warranty.policy"].create(
        {
            "name": "Bench policy",
            "categ_id": categ.id,
            "component_ids": [
                Command.create({"component_id": compressor.id, "months": 36})
            ],
        }
    )
    partner = env["res.partner"].create({"name": "Bench customer"})
    lots = env["stock.lot"].create(
        [{"name": f"BENCH-W-{i:06d}", "product_id": product.id} for i in range(count)]
    )
    today = date.today()
    orders = env["repair.order"]
    for start in range(0, count, BATCH):
        orders |= env["repair.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "product_id": product.id,
                    "lot_id": lot.id,
                    "warranty_card_number": f"WC-{i}",
                    "purchase_invoice_number": f"INV-{i}",
                    "purchase_invoice_date": today - timedelta(days=i % 900),
                    "warranty_component_id": compressor.id if i % 2 else False,
                }
                for i, lot in enumerate(lots[start : start + BATCH], start)
            ]
        )
    env.flush_all()
    return orders


def measure(env, orders):
    env.invalidate_all()
    cr = env.cr
    queries = cr.sql_log_count
    started = time.perf_counter()
    decisions = env["repair.warranty.decision"]._decide(orders)
    elapsed = time.perf_counter() - started
    assert len(decisions) == len(orders)
    return elapsed * 1000.0, cr.sql_log_count - queries, decisions


def main(db, counts):
    odoo.tools.config.parse_config(os.environ.get("RSM_ODOO_ARGS", "").split())
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        started = time.perf_counter()
        orders = setup(env, max(counts))
        print(
            f"Warranty decision: {len(orders)} orders created in "
            f"{time.perf_counter() - started:.1f} s (not measured)."
        )
        measure(env, orders[:10])  # warm-up: ormcache, registry
        for count in counts:
            ms, queries, decisions = measure(env, orders[:count])
            inside = sum(1 for d in decisions.values() if d["in_warranty"])
            print(
                f"  N = {count:6}: {ms:9.1f} ms, {ms / count:6.3f} ms/order, "
                f"{queries:3} queries ({inside} in warranty)"
            )
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], [int(n) for n in sys.argv[2:]] or [1000, 10000])
