# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Money paths an outlet user could bend: the sales of other outlets, the
prices of confirmed sales, the fee check before the invoice (R-16), cash
without an invoice or received by its own recorder; files of records kept
as recorded."""

import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import OutletCase

PNG = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@tagged("post_install", "-at_install")
class TestMoneyAudit(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet(
            "Money Outlet", technicians=cls.tech_a, staff=cls.staff_a
        )
        cls.other = cls._approved_outlet(
            "Other Money Outlet", region=cls.north, technicians=cls.tech_b
        )
        cls.billing_staff = new_test_user(
            cls.env,
            "t_billing_staff",
            groups="account.group_account_invoice,repair_service_mgmt.group_outlet_staff",
        )
        cls.outlet.sudo().staff_ids = [Command.link(cls.billing_staff.id)]
        cls.customer = cls.env["res.partner"].create({"name": "Money Customer"})
        cls.product = cls.env["product.product"].create({"name": "Money washer"})
        cls.labour = cls.env["product.product"].create(
            {
                "name": "Money labour",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )

    def _quoted(self, outlet=None, technician=None):
        """A service order with its quotation (labour at the list price),
        prepared by the outlet's staff."""
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id})
        )
        order._dispatch(outlet or self.outlet, technician or self.tech_a)
        preparer = (
            self.staff_a if (outlet or self.outlet) == self.outlet else self.agent
        )
        order.with_user(preparer).action_create_sale_order()
        sale = order.sudo().sale_order_id
        self.env["sale.order.line"].with_user(preparer).create(
            {"order_id": sale.id, "product_id": self.labour.id, "tax_id": []}
        )
        return order, sale

    def test_outlets_see_only_their_sales(self):
        """Technicians of another outlet find no sale order of this one."""
        __, sale = self._quoted()
        SaleOrder = self.env["sale.order"]
        self.assertIn(sale, SaleOrder.with_user(self.tech_a).search([]))
        self.assertNotIn(sale, SaleOrder.with_user(self.tech_b).search([]))
        with self.assertRaises(AccessError):
            sale.with_user(self.tech_b).read(["amount_total"])
        with self.assertRaises(AccessError):
            sale.order_line.with_user(self.tech_b).write({"price_unit": 1})

    def test_outlets_never_reprice_a_confirmed_sale(self):
        """A draft quotation's prices are the outlet's; once confirmed, its
        lines and parties are kept: price, discount, salesperson."""
        __, sale = self._quoted()
        line = sale.order_line.filtered(lambda sol: sol.product_id == self.labour)
        line.with_user(self.staff_a).write({"price_unit": 90.0})
        with self._refused(AccessError, "Salesperson"):
            sale.with_user(self.staff_a).write({"user_id": self.tech_b.id})
        sale.action_confirm()
        for values in ({"price_unit": 1.0}, {"discount": 99.0}):
            with self._refused(AccessError, "is confirmed or invoiced"):
                line.with_user(self.tech_a).write(values)
        with self._refused(AccessError, "is confirmed or invoiced"):
            self.env["sale.order.line"].with_user(self.staff_a).create(
                {"order_id": sale.id, "product_id": self.labour.id}
            )
        self.assertEqual(line.price_unit, 90.0)
        self.assertEqual(line.discount, 0.0)

    def test_fees_checked_before_the_invoice(self):
        """R-16: no invoice of a service order is posted before a CS agent
        checked its fees; a price off the price list needs its reason; a
        change of the lines voids the check."""
        __, sale = self._quoted()
        line = sale.order_line.filtered(lambda sol: sol.product_id == self.labour)
        line.price_unit = 120.0
        # the reason of a price off the list is the CS centre's to write
        with self._refused(AccessError, "writes the fee check note"):
            sale.with_user(self.staff_a).repair_fee_check_note = "My own rate"
        sale.action_confirm()
        invoice = sale._create_invoices()
        with self._refused(UserError, "are not checked yet"):
            invoice.action_post()
        self.assertEqual(invoice.state, "draft")
        with self._refused(AccessError, "check the fees"):
            sale.with_user(self.staff_a).action_repair_check_fees()
        with self._refused(UserError, r"Money labour: 120.0 instead of 100.0"):
            sale.with_user(self.agent).action_repair_check_fees()
        sale.with_user(self.agent).repair_fee_check_note = "Night call-out rate"
        sale.with_user(self.agent).action_repair_check_fees()
        self.assertEqual(sale.repair_fee_check_user_id, self.agent)
        self.assertTrue(sale.repair_fee_check_date)
        # the reason was checked with the prices: rewriting it voids the check
        sale.with_user(self.agent).repair_fee_check_note = "Another reason"
        self.assertFalse(sale.repair_fee_check_date)
        sale.with_user(self.agent).action_repair_check_fees()
        line.discount = 10.0
        self.assertFalse(sale.repair_fee_check_date, "the change voids the check")
        with self._refused(UserError, "are not checked yet"):
            invoice.action_post()
        sale.with_user(self.agent).action_repair_check_fees()
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")

    def test_cash_needs_an_invoice_and_four_eyes(self):
        """Cash is collected against a posted invoice only; who recorded it
        never receives it, even with invoicing rights."""
        order, sale = self._quoted()
        Cash = self.env["repair.service.cash.collection"]
        with self._refused(UserError, "has no posted invoice"):
            Cash.with_user(self.tech_a).create({"repair_id": order.id, "amount": 50.0})
        self.assertFalse(Cash.search([("repair_id", "=", order.id)]))
        sale.action_confirm()
        sale.with_user(self.agent).action_repair_check_fees()
        sale._create_invoices().action_post()
        collection = Cash.with_user(self.billing_staff).create(
            {"repair_id": order.id, "amount": 100.0, "technician_id": self.tech_a.id}
        )
        with self._refused(UserError, "recorded this cash yourself"):
            collection.with_user(self.billing_staff).action_hand_in()
        self.assertEqual(collection.state, "collected")

    def test_portal_reads_no_internal_field(self):
        """The customer's portal user has no access to the order records:
        internal notes, dispatcher, amounts stay in the back office."""
        order, __ = self._quoted()
        portal = new_test_user(self.env, "t_money_portal", groups="base.group_portal")
        portal.partner_id.parent_id = self.customer
        with self.assertRaises(AccessError):
            order.with_user(portal).read(["internal_notes", "dispatcher_id"])
        self.assertFalse(self.env["repair.order"].with_user(portal).has_access("read"))

    def test_evidence_of_a_confirmed_violation_is_kept(self):
        """A confirmed violation keeps its description, evidence and order;
        its files cannot be deleted or replaced."""
        evidence = (
            self.env["ir.attachment"]
            .with_user(self.manager)
            .create({"name": "bill.png", "datas": PNG})
        )
        violation = (
            self.env["repair.service.violation"]
            .with_user(self.manager)
            .create(
                {
                    "outlet_id": self.outlet.id,
                    "violation_type": "overcharge",
                    "description": "Charged 300 for a free repair",
                    "evidence_ids": [Command.link(evidence.id)],
                }
            )
        )
        violation.action_confirm()
        for values in (
            {"description": "nothing"},
            {"evidence_ids": [Command.clear()]},
            {"repair_id": False},
        ):
            with self._refused(UserError, "kept as recorded"):
                violation.write(values)
        with self._refused(UserError, "its files cannot be replaced"):
            evidence.with_user(self.manager).unlink()
        with self._refused(UserError, "its files cannot be replaced"):
            evidence.with_user(self.manager).write({"datas": PNG})
        self.assertEqual(violation.evidence_ids, evidence)
