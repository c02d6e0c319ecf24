# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import OutletCase


@tagged("post_install", "-at_install")
class TestWarrantyRequest(OutletCase):
    """R-23, R-25: the 《用户单台退换机处理表》: approved by the CS centre,
    then real pickings and credit notes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Li Hua"})
        cls.categ = cls.env["product.category"].create({"name": "Refrigerators"})
        cls.fridge = cls.env["product.product"].create(
            {
                "name": "Double-door fridge",
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.categ.id,
                "list_price": 3000.0,
                "invoice_policy": "order",
                "taxes_id": [Command.clear()],
            }
        )
        cls.policy = cls.env["repair.warranty.policy"].create(
            {"name": "Fridges", "categ_id": cls.categ.id}
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.outlet = cls._approved_outlet(
            "Request Outlet", region=cls.east, technicians=cls.tech_a
        )
        cls.today = fields.Date.context_today(cls.env["repair.order"])

    # ------------------------------------------------------------------
    # Fixtures
    # ------------------------------------------------------------------
    def _in_stock(self, name):
        lot = self.env["stock.lot"].create({"name": name, "product_id": self.fridge.id})
        self.env["stock.quant"]._update_available_quantity(
            self.fridge, self.stock, 1, lot_id=lot
        )
        return lot

    def _qty(self, lot, location=None):
        quants = self.env["stock.quant"].search(
            [
                ("lot_id", "=", lot.id),
                ("location_id", "child_of", (location or self.stock).id),
            ]
        )
        return sum(quants.mapped("quantity"))

    def _sold(self, name, days_ago):
        """A unit sold, delivered and invoiced ``days_ago`` days ago."""
        lot = self._in_stock(name)
        sale = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.fridge.id,
                            "product_uom_qty": 1,
                            "price_unit": 3000.0,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        sale.action_confirm()
        picking = sale.picking_ids
        picking.move_ids.move_line_ids.unlink()
        self.env["stock.move.line"].create(
            {
                "move_id": picking.move_ids.id,
                "picking_id": picking.id,
                "product_id": self.fridge.id,
                "lot_id": lot.id,
                "quantity": 1,
                "location_id": picking.location_id.id,
                "location_dest_id": picking.location_dest_id.id,
            }
        )
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        delivered = fields.Datetime.now() - timedelta(days=days_ago)
        picking.move_line_ids.write({"date": delivered})
        invoice = sale._create_invoices()
        invoice.invoice_date = self.today - timedelta(days=days_ago)
        invoice.action_post()
        return lot, invoice

    def _order(self, lot):
        order = self.env["repair.order"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.fridge.id,
                "lot_id": lot.id,
                "fault_description": "Does not cool.",
            }
        )
        # dispatched to the outlet (superuser stands for the dispatch step)
        order.outlet_id = self.outlet
        return order

    def _submitted(self, lot, kind, user=None):
        order = self._order(lot)
        action = order.with_user(user or self.agent).action_create_warranty_request()
        request = self.env["repair.warranty.request"].browse(action["res_id"])
        if request.kind != kind:
            request.with_user(user or self.agent).kind = kind
        request.with_user(user or self.agent).action_submit()
        return request

    # ------------------------------------------------------------------
    # Exchange
    # ------------------------------------------------------------------
    def test_r23_exchange_inside_15_days(self):
        lot, _invoice = self._sold("FR-EX-1", days_ago=10)
        spare = self._in_stock("FR-SPARE-1")
        order = self._order(lot)
        self.assertTrue(order.warranty_request_possible)
        action = order.with_user(self.tech_a).action_create_warranty_request()
        request = self.env["repair.warranty.request"].browse(action["res_id"])
        self.assertEqual(request.kind, "exchange")
        self.assertEqual(request.partner_id, self.customer)
        self.assertEqual(request.lot_id, lot)
        self.assertEqual(request.outlet_id, self.outlet)
        self.assertEqual(request.purchase_date, self.today - timedelta(days=10))
        self.assertTrue(request.name.startswith("RX/"))
        request.with_user(self.tech_a).write({"outlet_opinion": "Compressor dead."})
        request.with_user(self.tech_a).action_submit()
        self.assertEqual(request.state, "submitted")
        self.assertTrue(request.review_ids)
        self.assertIn(self.manager, request.reviewer_ids)
        # under review the form is frozen, whatever context a request sends
        with self.assertRaisesRegex(UserError, "kept as recorded|under validation"):
            request.with_user(self.tech_a).with_context(
                skip_validation_check=True
            ).write({"outlet_opinion": "Rewritten under review."})
        self.assertEqual(request.outlet_opinion, "Compressor dead.")
        # no document before the approval
        request.with_user(self.agent).replacement_lot_id = spare
        with self.assertRaises(UserError):
            request.with_user(self.agent).action_process()
        self.assertFalse(request.return_picking_id | request.delivery_picking_id)
        self.assertEqual(self._qty(lot), 0)
        self.assertEqual(self._qty(spare), 1)
        request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "approved")
        activity = request.activity_ids
        self.assertEqual(activity.user_id, self.manager)
        # the outlet does not make the documents
        with self.assertRaises(AccessError):
            request.with_user(self.tech_a).action_process()
        request.with_user(self.agent).action_process()
        self.assertEqual(request.state, "done")
        # the activity is answered by the step
        self.assertFalse(request.activity_ids)
        self.assertFalse(activity.exists() and activity.active)
        receipt, delivery = request.return_picking_id, request.delivery_picking_id
        self.assertEqual(receipt.state, "done")
        self.assertEqual(receipt.picking_type_id, self.warehouse.in_type_id)
        self.assertEqual(receipt.move_line_ids.lot_id, lot)
        self.assertEqual(delivery.state, "done")
        self.assertEqual(delivery.location_dest_id.usage, "customer")
        self.assertEqual(delivery.move_line_ids.lot_id, spare)
        self.assertEqual(request.picking_count, 2)
        # the faulty unit is back in stock, the replacement with the customer
        self.assertEqual(self._qty(lot), 1)
        self.assertEqual(self._qty(spare), 0)
        customers = self.env.ref("stock.stock_location_customers")
        self.assertEqual(self._qty(spare, customers), 1)
        # the replacement starts a new warranty on its delivery
        self.assertEqual(spare.warranty_exchange_request_id, request)
        decision = self.env["repair.warranty.decision"]._decide_lots(spare)[spare.id]
        self.assertTrue(decision["in_warranty"])
        self.assertEqual(decision["purchase_date"], self.today)
        self.assertIn("exchanged unit: new warranty", decision["reason"])
        # the order is closed by the exchange
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.close_reason, "exchanged")
        self.assertIn(request.name, order.message_ids[0].body)
        self.assertEqual(lot.warranty_request_count, 1)
        # the serial number's form lists its returns and exchanges, and the
        # replacement the exchange it came from
        for unit in (lot, spare):
            action = unit.with_user(self.agent).action_view_warranty_requests()
            found = self.env["repair.warranty.request"].search(action["domain"])
            self.assertEqual(found, request)
        with self.assertRaises(UserError):
            request.with_user(self.agent).write({"cs_opinion": "Too late"})

    def test_r25_request_answers_the_exchange_proposal(self):
        """R-25: the exchange proposed on the order (its activity) is
        answered by submitting the return/exchange request."""
        lot, _invoice = self._sold("FR-EX-PROP", days_ago=10)
        order = self._order(lot)
        order._activity_start(
            "mail_activity_warranty_exchange", lambda o: self.env.user
        )
        proposal = self.env.ref("repair_service_mgmt.mail_activity_warranty_exchange")
        self.assertEqual(
            len(order.activity_ids.filtered(lambda a: a.activity_type_id == proposal)),
            1,
        )
        action = order.with_user(self.agent).action_create_warranty_request()
        request = self.env["repair.warranty.request"].browse(action["res_id"])
        request.with_user(self.agent).action_submit()
        self.assertFalse(
            order.activity_ids.filtered(lambda a: a.activity_type_id == proposal)
        )

    def test_r23_exchange_needs_a_replacement_in_stock(self):
        lot, _invoice = self._sold("FR-EX-2", days_ago=3)
        request = self._submitted(lot, "exchange")
        request.with_user(self.manager).validate_tier()
        with self.assertRaisesRegex(UserError, "replacement serial"):
            request.with_user(self.agent).action_process()
        elsewhere = self.env["stock.lot"].create(
            {"name": "FR-NOT-HERE", "product_id": self.fridge.id}
        )
        request.with_user(self.agent).replacement_lot_id = elsewhere
        with self.assertRaisesRegex(UserError, "not in the stock"):
            request.with_user(self.agent).action_process()
        self.assertEqual(request.state, "approved")

    # ------------------------------------------------------------------
    # Refund
    # ------------------------------------------------------------------
    def test_r25_refund_inside_7_days_with_depreciation(self):
        self.policy.depreciation_in_refund_window = True
        lot, invoice = self._sold("FR-RF-1", days_ago=5)
        request = self._submitted(lot, "refund")
        self.assertEqual(request.invoice_id, invoice)
        # 3000 × 0.1 % × 5 days = 15.00
        self.assertEqual(request.unit_price, 3000.0)
        self.assertEqual(request.depreciation_days, 5)
        self.assertAlmostEqual(request.depreciation_amount, 15.0)
        self.assertAlmostEqual(request.refund_amount, 2985.0)
        self.assertFalse(request.credit_note_id)
        request.with_user(self.manager).validate_tier()
        request.with_user(self.agent).action_process()
        credit = request.credit_note_id
        self.assertEqual(credit.move_type, "out_refund")
        self.assertEqual(credit.state, "posted")
        self.assertEqual(credit.reversed_entry_id, invoice)
        self.assertAlmostEqual(credit.amount_total, 2985.0)
        self.assertEqual(request.return_picking_id.state, "done")
        self.assertEqual(self._qty(lot), 1)
        self.assertEqual(request.repair_id.close_reason, "refunded")

    def test_r25_refund_window_is_free_by_default(self):
        lot, _invoice = self._sold("FR-RF-2", days_ago=5)
        request = self._submitted(lot, "refund")
        self.assertEqual(request.depreciation_amount, 0.0)
        self.assertEqual(request.refund_amount, 3000.0)

    def test_r25_refund_after_the_window_deducts_depreciation(self):
        lot, _invoice = self._sold("FR-RF-3", days_ago=12)
        self.policy.depreciation_rate = 0.2
        request = self._submitted(lot, "refund")
        # 3000 × 0.2 % × 12 days = 72.00
        self.assertEqual(request.depreciation_days, 12)
        self.assertAlmostEqual(request.depreciation_amount, 72.0)
        self.assertAlmostEqual(request.refund_amount, 2928.0)
        request.with_user(self.manager).validate_tier()
        request.with_user(self.agent).action_process()
        self.assertAlmostEqual(request.credit_note_id.amount_total, 2928.0)

    # ------------------------------------------------------------------
    # Approval
    # ------------------------------------------------------------------
    def test_r23_non_reviewer_cannot_approve(self):
        lot, _invoice = self._sold("FR-AP-1", days_ago=4)
        request = self._submitted(lot, "refund", user=self.tech_a)
        for user in (self.tech_a, self.agent):
            with self.assertRaises(AccessError):
                request.with_user(user).validate_tier()
            with self.assertRaises(AccessError):
                request.with_user(user).reject_tier()
            self.assertEqual(request.state, "submitted")
        with self.assertRaises(AccessError):
            request.review_ids.with_user(self.tech_a).write(
                {"status": "approved", "done_by": self.manager.id}
            )
        with self.assertRaises(AccessError):
            request.review_ids.with_user(self.tech_a).unlink()
        with self.assertRaises(UserError):
            request.with_user(self.tech_a).write({"state": "approved"})
        with self.assertRaises(UserError):
            request.with_user(self.tech_a).write({"depreciation_amount": 0})
        with self.assertRaises(UserError):
            request.with_user(self.agent).action_process()
        self.assertFalse(request.credit_note_id)

    def test_r23_rejection(self):
        lot, _invoice = self._sold("FR-RJ-1", days_ago=4)
        request = self._submitted(lot, "exchange")
        request.with_user(self.manager).reject_tier()
        self.assertEqual(request.state, "rejected")
        with self.assertRaises(UserError):
            request.with_user(self.agent).action_process()
        self.assertFalse(request.return_picking_id)
        self.assertEqual(request.repair_id.state, "draft")

    def test_r23_no_request_without_exchange_or_refund(self):
        lot, _invoice = self._sold("FR-NO-1", days_ago=40)
        order = self._order(lot)
        self.assertFalse(order.warranty_request_possible)
        request = (
            self.env["repair.warranty.request"]
            .with_user(self.agent)
            .create({"repair_id": order.id, "kind": "exchange"})
        )
        with self.assertRaisesRegex(UserError, "no exchange or refund"):
            request.with_user(self.agent).action_submit()
        self.assertEqual(request.state, "draft")

    def test_r23_other_outlet_cannot_propose(self):
        lot, _invoice = self._sold("FR-OT-1", days_ago=4)
        order = self._order(lot)
        with self.assertRaises(AccessError):
            order.with_user(self.tech_b).action_create_warranty_request()

    def test_r23_form_shows_the_review_buttons(self):
        arch = self.env["repair.warranty.request"].get_view(view_type="form")["arch"]
        # base_tier_validation returns the arch it inserts its buttons in as bytes
        arch = arch.decode() if isinstance(arch, bytes) else arch
        for name in ("action_submit", "action_process", "validate_tier", "reject_tier"):
            self.assertIn(name, arch)
        # the replacement is chosen after the approval: not frozen by the review
        doc = etree.fromstring(arch)
        for name in ("replacement_lot_id", "cs_opinion"):
            node = doc.xpath(f"//field[@name='{name}']")[0]
            self.assertNotIn("validation_status", node.get("readonly", ""))
        node = doc.xpath("//field[@name='outlet_opinion']")[0]
        self.assertIn("validation_status", node.get("readonly", ""))

    def test_r23_outlet_is_the_orders(self):
        lot, _invoice = self._sold("FR-OU-1", days_ago=4)
        order = self._order(lot)
        other = self._approved_outlet("Other Outlet", region=self.north)
        Request = self.env["repair.warranty.request"].with_user(self.tech_a)
        with self.assertRaises(UserError):
            Request.create({"repair_id": order.id, "outlet_id": other.id})
        request = Request.create({"repair_id": order.id})
        self.assertEqual(request.outlet_id, self.outlet)
        with self.assertRaises(UserError):
            request.write({"outlet_id": other.id})
        with self.assertRaises(UserError):
            Request.create({"repair_id": order.id, "state": "approved"})

    def test_r25_depreciation_less_the_days_in_repair(self):
        lot, _invoice = self._sold("FR-DR-1", days_ago=12)
        # an earlier repair of the unit: 4 days from intake to completion
        earlier = self._order(lot)
        self.env.cr.execute(
            SQL(
                "UPDATE repair_order SET create_date = %s WHERE id = %s",
                fields.Datetime.now() - timedelta(days=11),
                earlier.id,
            )
        )
        earlier.invalidate_recordset(["create_date"])
        earlier.completed_at = fields.Datetime.now() - timedelta(days=7)
        self.assertEqual(earlier.warranty_repair_days, 4)
        request = self._submitted(lot, "refund")
        self.assertEqual(request.repair_days, 4)
        self.assertEqual(request.repair_count, 2)
        # 3000 × 0.1 % × (12 − 4) days = 24.00
        self.assertEqual(request.depreciation_days, 8)
        self.assertAlmostEqual(request.depreciation_amount, 24.0)
        self.assertAlmostEqual(request.refund_amount, 2976.0)

    def test_r23_one_request_per_unit(self):
        lot, _invoice = self._sold("FR-TW-1", days_ago=4)
        first = self._submitted(lot, "exchange")
        self.assertFalse(first.repair_id.warranty_request_possible)
        second = self._order(lot)
        request = (
            self.env["repair.warranty.request"]
            .with_user(self.agent)
            .create({"repair_id": second.id, "kind": "refund"})
        )
        with self.assertRaisesRegex(UserError, first.name):
            request.with_user(self.agent).action_submit()
        first.with_user(self.agent).action_cancel()
        self.assertEqual(first.state, "cancelled")
        request.with_user(self.agent).action_submit()
        self.assertEqual(request.state, "submitted")
