# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import OutletCase


@tagged("post_install", "-at_install")
class TestRepairBilling(OutletCase):
    """R-14: in warranty free; out of warranty quoted, invoiced and paid
    through Odoo's sale order and invoice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Sun Li"})
        cls.product = cls.env["product.product"].create(
            {"name": "Washing machine", "type": "consu"}
        )
        cls.part = cls.env["product.product"].create(
            {
                "name": "Drain pump",
                "type": "consu",
                "is_storable": True,
                "list_price": 120.0,
                "invoice_policy": "order",
            }
        )
        cls.labour = cls.env["product.product"].create(
            {
                "name": "Repair labour",
                "type": "service",
                "list_price": 80.0,
                "invoice_policy": "order",
            }
        )

    def _order(self, under_warranty):
        order = self.env["repair.order"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "under_warranty": under_warranty,
            }
        )
        self.env["stock.move"].create(
            {
                "repair_id": order.id,
                "repair_line_type": "add",
                "product_id": self.part.id,
                "product_uom_qty": 1,
            }
        )
        order.action_create_sale_order()
        return order

    def test_in_warranty_is_free(self):
        """R-14: the quotation of an in-warranty repair is at zero, and no fee
        can be added or invented on it."""
        order = self._order(under_warranty=True)
        self.assertEqual(order.billing_state, "free")
        sale = order.sale_order_id
        self.assertEqual(sale.order_line.price_unit, 0.0)
        self.assertEqual(sale.amount_total, 0.0)
        # assertRaises (not …Regex) rolls the refused change back
        with self.assertRaises(ValidationError) as refused:
            sale.order_line.price_unit = 50.0
        self.assertIn("free of charge", str(refused.exception))
        with self.assertRaises(ValidationError) as refused:
            self.env["sale.order.line"].create(
                {"order_id": sale.id, "product_id": self.labour.id}
            )
        self.assertIn("Repair labour cannot cost", str(refused.exception))
        self.assertEqual(len(sale.order_line), 1)
        self.assertEqual(sale.amount_total, 0.0)

    def test_out_of_warranty_quoted_invoiced_paid(self):
        """R-14: charged per the price list, invoiced and paid in Odoo."""
        order = self._order(under_warranty=False)
        self.assertEqual(order.billing_state, "quoted")
        sale = order.sale_order_id
        self.assertEqual(sale.order_line.price_unit, 120.0)
        self.env["sale.order.line"].create(
            {"order_id": sale.id, "product_id": self.labour.id}
        )
        sale.action_confirm()
        self.assertEqual(order.billing_state, "to_invoice")
        invoice = sale._create_invoices()
        invoice.action_post()
        self.assertEqual(order.billing_state, "invoiced")
        self.assertEqual(invoice.amount_untaxed, 200.0)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(order.billing_state, "paid")
