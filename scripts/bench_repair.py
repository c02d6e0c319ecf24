#!/usr/bin/env python3
"""Benchmark of the repair-order flow (prints figures, asserts nothing but
that every order really ended done): N orders with one storable part each,
created, confirmed, started and completed in batches,

  (a) as plain core repair orders (no outlet: the module's service checks do
      not apply, but its code is loaded and runs on every create/write), and
  (b) through the module's service flow: dispatched to an active demo outlet
      and its technician, diagnosed, agreed by the customer (per order),
      started, tested/photographed/scanned (per order) and accepted with a
      signature (per order), which completes the order.

usage: bench_repair.py DATABASE [N ...]   (run through scripts/bench.sh)
Everything is created inside one transaction that is rolled back at the end.
Tracking and mail stay on, as in real use. Each step starts with an empty
ORM cache (as a new request would) and ends with env.flush_all() and
cr.flush() (the pre-commit hooks write the tracking messages), so all its
SQL is counted. BENCH_REPAIR_PROFILE=K (e.g. 8) adds, per step of (b), the K
call sites in the addons that issued the most queries.
"""

import base64
import collections
import os
import sys
import time
import traceback

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.tools import float_is_zero

BATCH = 100
M = "repair_service_mgmt"
# a 1×1 PNG: the customer's signature and the completion photo
PNG = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwAD"
        "hgGAWjR9awAAAABJRU5ErkJggg=="
    )
)


def batches(records):
    for start in range(0, len(records), BATCH):
        yield records[start : start + BATCH]


class QueryProfiler:
    """Counts the queries of a block by call site: the innermost frame in an
    addon (core or this module), e.g. ``stock/models/stock_quant.py:795
    _gather``, and the innermost frame in this module's code (which line of
    the module led to the query, core work under a ``super()`` included)."""

    def __init__(self, cr):
        self.cr = cr
        self.sites = collections.Counter()
        self.module_sites = collections.Counter()

    def __enter__(self):
        # Odoo's Cursor.execute calls the wrapped psycopg2 cursor once per
        # query
        self._inner = self.cr._obj
        profiler = self

        class Proxy:
            def __getattr__(self, name):
                return getattr(profiler._inner, name)

            def execute(self, query, params=None):
                profiler._record()
                return profiler._inner.execute(query, params)

        self.cr._obj = Proxy()
        return self

    def __exit__(self, *exc):
        self.cr._obj = self._inner

    def _record(self):
        site = module_site = None
        for frame in reversed(traceback.extract_stack()[:-2]):
            path = frame.filename.replace("\\", "/")
            if f"/{M}/" in path:
                short = f"{M}/{path.split(f'/{M}/')[-1]}:{frame.lineno} {frame.name}"
                site = site or short
                module_site = short
                break
            if not site and "/addons/" in path and "/odoo/addons/base/" not in path:
                site = f"{path.split('/addons/')[-1]}:{frame.lineno} {frame.name}"
        self.sites[site or "(ORM/base)"] += 1
        self.module_sites[module_site or "(no module frame)"] += 1


class Bench:
    def __init__(self, env, profile=False):
        self.env = env
        self.cr = env.cr
        self.profile = profile
        self.setup()

    # ------------------------------------------------------------------
    # data shared by both flows (not measured)
    # ------------------------------------------------------------------
    def setup(self):
        env = self.env
        self.outlet = env["repair.service.outlet"].search(
            [
                ("state", "=", "active"),
                ("technician_ids", "!=", False),
                ("location_id", "!=", False),
            ],
            order="id",
            limit=1,
        )
        if not self.outlet:
            sys.exit("no active outlet with a technician and a stock location")
        self.technician = self.outlet.technician_ids[:1]
        self.agent = env.ref("base.user_demo")
        self.warehouse = env["stock.warehouse"].search(
            [("company_id", "=", env.company.id)], limit=1
        )
        self.customer = env["res.partner"].create(
            {"name": "Bench Customer", "city": "Shanghai"}
        )
        self.product = env["product.product"].create(
            {"name": "Bench air conditioner", "type": "consu"}
        )
        self.part = env["product.product"].create(
            {"name": "Bench fan motor", "type": "consu", "is_storable": True}
        )
        self.symptom = env.ref(f"{M}.fault_symptom_noise")
        self.cause = env.ref(f"{M}.fault_cause_fan_motor")
        env.flush_all()
        self.cr.flush()

    def stock_part(self, quantity):
        Quant = self.env["stock.quant"]
        for location in (self.outlet.location_id, self.warehouse.lot_stock_id):
            Quant._update_available_quantity(self.part, location, quantity)
        self.env.flush_all()

    def stock_of(self, location):
        return self.part.with_context(location=location.id).qty_available

    # ------------------------------------------------------------------
    # measuring
    # ------------------------------------------------------------------
    def step(self, results, label, func):
        """Run ``func`` as one step: fresh cache, timed, flushed, counted."""
        self.env.invalidate_all()
        profiler = QueryProfiler(self.cr) if self.profile else None
        if profiler:
            profiler.__enter__()
        try:
            queries = self.cr.sql_log_count
            start = time.perf_counter()
            func()
            self.env.flush_all()
            self.cr.flush()
            elapsed = time.perf_counter() - start
            queries = self.cr.sql_log_count - queries
        finally:
            if profiler:
                profiler.__exit__()
        row = results.setdefault(
            label, [0.0, 0, collections.Counter(), collections.Counter()]
        )
        row[0] += elapsed
        row[1] += queries
        if profiler:
            row[2].update(profiler.sites)
            row[3].update(profiler.module_sites)

    def order_vals(self, count, service):
        vals = []
        for number in range(count):
            values = {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "move_ids": [
                    Command.create(
                        {
                            "repair_line_type": "add",
                            "product_id": self.part.id,
                            "product_uom_qty": 1.0,
                        }
                    )
                ],
            }
            if service:
                values.update(
                    {
                        "fault_description": f"Rattles ({number})",
                        "customer_phone": "+86 21 5555 0101",
                    }
                )
            vals.append(values)
        return vals

    # ------------------------------------------------------------------
    # (a) plain core repair orders
    # ------------------------------------------------------------------
    def run_plain(self, count, per_order_end=False):
        env = self.env  # superuser
        Repair = env["repair.order"]
        results = {}
        ids = []

        def create():
            for chunk in range(0, count, BATCH):
                vals = self.order_vals(min(BATCH, count - chunk), service=False)
                ids.extend(Repair.create(vals).ids)

        self.step(results, "create", create)
        orders = Repair.browse(ids)
        self.step(
            results,
            "confirm",
            lambda: [b._action_repair_confirm() for b in batches(orders)],
        )
        self.step(
            results,
            "start",
            lambda: [b.action_repair_start() for b in batches(orders)],
        )
        if per_order_end:
            self.step(
                results,
                "end/done (per order)",
                lambda: [order.action_repair_end() for order in orders],
            )
        else:
            self.step(
                results,
                "end/done",
                lambda: [b.action_repair_end() for b in batches(orders)],
            )
        self.check_done(orders, self.warehouse.lot_stock_id)
        return results

    # ------------------------------------------------------------------
    # (b) the module's service flow
    # ------------------------------------------------------------------
    def run_service(self, count):
        # the CS agent takes the call and dispatches; the technician does the
        # rest; both in superuser mode like flow (a), so that access rules
        # are not measured (the module's role checks pass at once then)
        agent_env = self.env(user=self.agent.id, su=True)
        tech_env = self.env(user=self.technician.id, su=True)
        results = {}
        ids = []

        def create():
            Repair = agent_env["repair.order"]
            for chunk in range(0, count, BATCH):
                vals = self.order_vals(min(BATCH, count - chunk), service=True)
                ids.extend(Repair.create(vals).ids)

        self.step(results, "create", create)
        as_agent = agent_env["repair.order"].browse(ids)
        as_tech = tech_env["repair.order"].browse(ids)

        def dispatch():
            for batch in batches(as_agent):
                batch._dispatch(self.outlet, self.technician)
            for batch in batches(as_tech):
                batch.action_customer_contacted()

        self.step(results, "dispatch+accept", dispatch)

        def diagnose():
            for batch in batches(as_tech):
                batch.write(
                    {
                        "symptom_id": self.symptom.id,
                        "cause_id": self.cause.id,
                        "diagnosis": "Fan bearing worn",
                        "repair_plan": "Replace the fan motor",
                        "estimated_hours": 1.5,
                        "estimated_cost": 180.0,
                    }
                )

        self.step(results, "diagnose", diagnose)

        def consent():
            for order in as_tech:
                order.action_record_consent(
                    "Bench Customer", "signature", signature=PNG
                )

        self.step(results, "consent (per order)", consent)
        self.step(
            results,
            "confirm",
            lambda: [b._action_repair_confirm() for b in batches(as_tech)],
        )
        self.step(
            results,
            "start",
            lambda: [b.action_repair_start() for b in batches(as_tech)],
        )

        def complete():
            Attachment = tech_env["ir.attachment"]
            for batch in batches(as_tech):
                photos = Attachment.create(
                    [
                        {
                            "name": f"after-{order.id}.png",
                            "datas": PNG,
                            "res_model": "repair.order",
                            "res_id": order.id,
                        }
                        for order in batch
                    ]
                )
                # the technician saves each order's completion form
                for order, photo in zip(batch, photos, strict=True):
                    order.write(
                        {
                            "function_test_done": True,
                            "function_test_note": "All functions work",
                            "serial_scanned": f"SN-{order.id}",
                            "completion_photo_ids": [Command.link(photo.id)],
                        }
                    )

        self.step(results, "test/photos/serial (per order)", complete)

        def accept():
            for order in as_tech:
                order.action_record_acceptance(
                    "Bench Customer", signature=PNG, opinion="Quiet again"
                )

        self.step(results, "acceptance/done (per order)", accept)
        orders = self.env["repair.order"].browse(ids)
        self.check_done(orders, self.outlet.location_id)
        if any(order.acceptance_state != "accepted" for order in orders):
            sys.exit("(b): an order was not accepted")
        return results

    def check_done(self, orders, location):
        self.env.invalidate_all()
        if any(order.state != "done" or not order.completed_at for order in orders):
            sys.exit("an order did not end done")
        parts = orders.move_ids.filtered(lambda m: m.product_id == self.part)
        wrong = parts.filtered(
            lambda m: (
                m.state != "done"
                or m.location_id != location
                or not float_is_zero(m.quantity - 1.0, precision_digits=3)
            )
        )
        if len(parts) != len(orders) or wrong:
            sys.exit(f"the parts were not consumed from {location.complete_name}")


def report(label, count, results):
    total_ms = sum(row[0] for row in results.values()) * 1000
    total_q = sum(row[1] for row in results.values())
    print(f"  {label}, N = {count}:")
    for step, (elapsed, queries, *_sites) in results.items():
        print(
            f"    {step:32} {elapsed * 1000 / count:8.2f} ms/order "
            f"{queries / count:8.1f} queries/order"
        )
    print(
        f"    {'total':32} {total_ms / count:8.2f} ms/order "
        f"{total_q / count:8.1f} queries/order"
    )
    return total_ms / count, total_q / count


def report_sites(results, top):
    for step, (_elapsed, queries, sites, module_sites) in results.items():
        print(f"    {step} ({queries} queries), top call sites in the addons:")
        for site, number in sites.most_common(top):
            print(f"      {number:7d}  {site}")
        print("      ... by the innermost line of this module's code:")
        for site, number in module_sites.most_common(top):
            print(f"      {number:7d}  {site}")


def main(db, counts):
    odoo.tools.config.parse_config(os.environ.get("RSM_ODOO_ARGS", "").split())
    profile = int(os.environ.get("BENCH_REPAIR_PROFILE") or 0)
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        bench = Bench(env)
        bench.stock_part(3 * (sum(counts) + 10))
        print(
            f"Repair-order flow, batches of {BATCH}, outlet "
            f"“{bench.outlet.name}”, technician {bench.technician.login}; "
            "tracking and mail on; all steps in superuser mode (no record "
            "rules measured)."
        )
        print(
            "  (a) plain core repair.order: no outlet, so the module's service "
            "checks do not apply, but its code is loaded (its create/write "
            "overrides and the SLA engine run); confirm/start/end batch-wise."
        )
        print(
            "  (a1) the same, but ended one order at a time as (b)'s signed "
            "acceptance does (for reference: core cost of per-order completion)."
        )
        print(
            "  (b) service flow: dispatch and diagnosis batch-wise; consent, "
            "completion data and the signed acceptance (which ends the order) "
            "per order, as the customer signs each one."
        )
        # warm-up (not reported): registry, ormcache, prepared templates
        bench.run_plain(2)
        bench.run_plain(2, per_order_end=True)
        bench.run_service(2)
        summary = []
        for count in counts:
            plain = bench.run_plain(count)
            plain_single = bench.run_plain(count, per_order_end=True)
            bench.profile = profile
            service = bench.run_service(count)
            bench.profile = False
            a_ms, a_q = report("(a) plain core", count, plain)
            a1_ms, a1_q = report(
                "(a1) plain core, ended per order", count, plain_single
            )
            b_ms, b_q = report("(b) service flow", count, service)
            if profile:
                report_sites(service, profile)
            summary.append((count, a_ms, a_q, a1_ms, a1_q, b_ms, b_q))
        print("  summary:")
        for count, a_ms, a_q, a1_ms, a1_q, b_ms, b_q in summary:
            print(
                f"    N = {count:5}: (a) {a_ms:7.2f} ms/order {a_q:6.1f} q/order | "
                f"(b) {b_ms:7.2f} ms/order {b_q:6.1f} q/order | "
                f"(b)/(a) time {b_ms / a_ms:4.2f}, queries {b_q / a_q:4.2f} | "
                f"(b)/(a1) time {b_ms / a1_ms:4.2f}, queries {b_q / a1_q:4.2f}"
            )
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], [int(n) for n in sys.argv[2:]] or [10, 1000])
