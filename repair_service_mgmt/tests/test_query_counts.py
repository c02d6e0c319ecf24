# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Batch work stays set-based: the queries of a batch write and of the
dispatcher's list and board do not grow with the number of orders."""

from odoo.tests import tagged

from .common import OutletCase

LIST_SPEC = {
    "name": {},
    "partner_id": {"fields": {"display_name": {}}},
    "customer_city": {},
    "product_id": {"fields": {"display_name": {}}},
    "request_type": {},
    "outlet_id": {"fields": {"display_name": {}}},
    "technician_id": {"fields": {"display_name": {}}},
    "dispatch_state": {},
    "billing_state": {},
    "sla_status": {},
    "sla_deadline": {},
    "state": {},
    "next_visit_start": {},
}


@tagged("post_install", "-at_install")
class TestQueryCounts(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet("Query Outlet", technicians=cls.tech_a)
        customer = cls.env["res.partner"].create({"name": "Query customer"})
        product = cls.env["product.product"].create({"name": "Query kettle"})
        cls.orders = (
            cls.env["repair.order"]
            .with_user(cls.agent)
            .create(
                [
                    {"partner_id": customer.id, "product_id": product.id}
                    for _i in range(100)
                ]
            )
        )
        cls.orders._dispatch(cls.outlet, cls.tech_a)
        cls.orders.with_user(cls.tech_a).action_accept_job()

    def _queries(self, function):
        """The number of queries ``function`` runs, its writes flushed, once
        the caches are warm (a first run, from an empty record cache as the
        measured one, fills the registry's caches: access rules...)."""
        self.env.flush_all()
        self.env.invalidate_all()
        function()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_batch_write_is_flat(self):
        """A write of 10 or 100 service orders runs the same queries: the
        guard checks in memory, deadlines are locked and followed in one
        query each."""
        Orders = self.orders.with_user(self.agent)
        dates = iter(f"2026-12-{day:02d}" for day in range(1, 29))
        few = self._queries(lambda: Orders[:10].write({"promised_date": next(dates)}))
        many = self._queries(lambda: Orders.write({"promised_date": next(dates)}))
        self.assertEqual(few, many)

    def test_list_and_board_are_flat(self):
        """The dispatcher's list (10 or 80 rows) and the board grouped by
        status (10 or 80 cards) cost the same queries."""
        Order = self.env["repair.order"].with_user(self.agent)
        domain = [("id", "in", self.orders.ids)]

        def rows(limit):
            return lambda: Order.web_search_read(domain, LIST_SPEC, limit=limit)

        self.assertEqual(self._queries(rows(10)), self._queries(rows(80)))

        def board(limit):
            def read():
                groups = Order.web_read_group(
                    domain, ["dispatch_state"], ["dispatch_state"]
                )
                for group in groups["groups"]:
                    Order.web_search_read(group["__domain"], LIST_SPEC, limit=limit)

            return read

        self.assertEqual(self._queries(board(10)), self._queries(board(80)))
