# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import OutletCase

CASH = "repair.service.cash.collection"


@tagged("post_install", "-at_install")
class TestRepairCash(OutletCase):
    """R-14 (S4 (3)9): fees collected on site by technicians are recorded,
    handed in to a billing user and paid on the order's invoice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet(
            "Cash Outlet", technicians=cls.tech_a, staff=cls.staff_a
        )
        cls.billing = new_test_user(
            cls.env,
            "t_billing",
            groups="account.group_account_invoice,base.group_user",
            email="t_billing@example.com",
        )
        cls.customer = cls.env["res.partner"].create({"name": "Cash Customer"})
        cls.product = cls.env["product.product"].create({"name": "Cash TV"})
        cls.labour = cls.env["product.product"].create(
            {
                "name": "On-site repair labour",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.order, cls.invoice = cls._charged_order(100.0)
        cls.cash_journal = cls.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", cls.env.company.id)]
        )

    @classmethod
    def _charged_order(cls, price=None, under_warranty=False):
        """An order dispatched to the Cash Outlet's technician; with a price,
        invoiced through its sale order and posted."""
        order = (
            cls.env["repair.order"]
            .with_user(cls.agent)
            .create({"partner_id": cls.customer.id, "product_id": cls.product.id})
        )
        order.with_user(cls.agent)._dispatch(cls.outlet, cls.tech_a)
        order = order.with_env(cls.env)
        if under_warranty:
            order.under_warranty = True
        if price is None:
            return order, cls.env["account.move"]
        invoice = cls._invoice(order, cls.labour, price)
        return order, invoice

    def _collect(self, amount, user=None, order=None, **values):
        collection = (
            self.env[CASH]
            .with_user(user or self.tech_a)
            .create({"repair_id": (order or self.order).id, "amount": amount, **values})
        )
        return collection.with_env(self.env)

    def _count(self):
        return self.env[CASH].search_count([])

    def test_collect_and_hand_in(self):
        """R-14: the technician records the cash; a billing user receives it
        and the payment lands on the invoice in the cash journal."""
        collection = self._collect(100.0, receipt_note="Receipt 0042")
        self.assertEqual(collection.state, "collected")
        self.assertEqual(collection.technician_id, self.tech_a)
        self.assertTrue(collection.name.startswith("CASH/"))
        self.assertEqual(collection.sudo().invoice_id, self.invoice)
        self.assertEqual(
            collection.with_user(self.tech_a).invoice_name, self.invoice.name
        )
        self.assertEqual(collection.invoice_residual, 100.0)
        self.assertEqual(self.order.cash_pending_amount, 100.0)

        collection.with_user(self.billing).action_hand_in()
        self.assertEqual(collection.state, "handed_in")
        self.assertEqual(collection.received_by_id, self.billing)
        self.assertTrue(collection.handed_in_at)
        payment = collection.payment_id
        self.assertEqual(payment.journal_id.type, "cash")
        self.assertIn(payment.journal_id, self.cash_journal)
        self.assertEqual(payment.amount, 100.0)
        self.assertEqual(payment.memo, collection.name)
        self.assertIn(self.invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(self.invoice.amount_residual, 0.0)
        self.order.invalidate_recordset()
        self.assertEqual(self.order.cash_collected_amount, 100.0)
        self.assertEqual(self.order.cash_pending_amount, 0.0)
        self.assertEqual(self.order.cash_collection_count, 1)
        self.assertTrue(
            any(payment.name in body for body in collection.message_ids.mapped("body")),
            "the hand-in is noted in the chatter",
        )
        # a handed-in collection is kept as recorded
        with self._refused(UserError, "kept as recorded"):
            collection.with_user(self.tech_a).amount = 50.0
        self.assertEqual(collection.amount, 100.0)

    def test_hand_in_several_at_once(self):
        """R-14: several collections handed in at once, one payment per
        invoice; the outlet's staff record cash for their technician."""
        order_b, invoice_b = self._charged_order(80.0)
        first = self._collect(60.0)
        second = self._collect(40.0)
        third = self._collect(
            80.0, user=self.staff_a, order=order_b, technician_id=self.tech_a.id
        )
        collections = first | second | third
        collections.with_user(self.billing).action_hand_in()
        self.assertEqual(set(collections.mapped("state")), {"handed_in"})
        self.assertEqual(first.payment_id, second.payment_id)
        self.assertEqual(first.payment_id.amount, 100.0)
        self.assertEqual(third.payment_id.amount, 80.0)
        self.assertNotEqual(first.payment_id, third.payment_id)
        for invoice in (self.invoice, invoice_b):
            self.assertIn(invoice.payment_state, ("paid", "in_payment"))

    def test_refusals(self):
        """R-14: wrong role, wrong amount, warranty, other outlet, forged
        state, no invoice: all refused, nothing changed."""
        collection = self._collect(60.0)
        before = self._count()
        # the technician does not hand in the cash to themself
        with self._refused(AccessError, "invoicing rights"):
            collection.with_user(self.tech_a).action_hand_in()
        self.assertEqual(collection.state, "collected")
        self.assertFalse(collection.sudo().payment_id)
        # amounts: positive, not above what is still due
        with self._refused(ValidationError, "more than zero"):
            self._collect(0.0)
        with self._refused(
            ValidationError, r"residual amount of .*100\.00.*at most .*40\.00"
        ):
            self._collect(40.01)
        with self._refused(ValidationError, r"at most .*100\.00"):
            collection.with_user(self.tech_a).amount = 100.01
        self.assertEqual(collection.amount, 60.0)
        # in-warranty repairs are free
        warranty_order, __ = self._charged_order(under_warranty=True)
        with self._refused(UserError, "repairs are free. No fee may be collected"):
            self._collect(10.0, order=warranty_order)
        with self._refused(UserError, "in-warranty repairs are free"):
            warranty_order.with_user(self.tech_a).action_record_cash()
        # another outlet's technician
        with self._refused(UserError, "Only .* record cash"):
            self._collect(10.0, user=self.tech_b)
        # a technician records only their own cash
        with self._refused(UserError, "collected yourself"):
            self._collect(10.0, technician_id=self.staff_a.id)
        # a plain write of the state
        with self._refused(UserError, "workflow"):
            collection.with_user(self.tech_a).write({"state": "handed_in"})
        with self._refused(UserError, "workflow"):
            self._collect(10.0, state="handed_in")
        self.assertEqual(collection.state, "collected")
        self.assertEqual(self._count(), before)
        self.assertEqual(self.invoice.amount_residual, 100.0)
        self.assertEqual(self.invoice.payment_state, "not_paid")

    def test_hand_in_needs_invoice_and_cash_journal(self):
        """R-14: cash is collected against the posted invoice only (its
        residual is the cap); a cash journal is needed for the hand-in."""
        order, __ = self._charged_order()
        count = self._count()
        with self._refused(UserError, "has no posted invoice"):
            self._collect(50.0, order=order)
        self.assertEqual(self._count(), count)

        charged = self._collect(100.0)
        self.cash_journal.active = False
        with self._refused(UserError, "no cash journal"):
            charged.with_user(self.billing).action_hand_in()
        self.assertEqual(charged.state, "collected")
        self.assertEqual(self.invoice.payment_state, "not_paid")

    def test_cancel(self):
        """R-14: a collection not handed in is cancelled by its technician or
        a billing user, with the reason in the chatter."""
        collection = self._collect(30.0)
        with self._refused(UserError, "reason"):
            collection.with_user(self.tech_a).action_cancel()
        with self._refused(UserError, "Only .* can cancel"):
            collection.with_user(self.staff_a).action_cancel(reason="Wrong order")
        self.assertEqual(collection.state, "collected")
        collection.with_user(self.tech_a).cancel_reason = "Customer paid by card"
        collection.with_user(self.tech_a).action_cancel()
        self.assertEqual(collection.state, "cancelled")
        self.assertTrue(
            any(
                "Customer paid by card" in body
                for body in collection.message_ids.mapped("body")
            )
        )
        with self._refused(UserError, "only when it is"):
            collection.with_user(self.billing).action_hand_in()
        # a cancelled collection frees the invoice's amount
        other = self._collect(100.0)
        other.with_user(self.billing).action_cancel(reason="Counted twice")
        self.assertEqual(other.state, "cancelled")
        self.assertEqual(self.order.cash_collected_amount, 0.0)

    def test_visibility_and_order_actions(self):
        """R-44: other outlets' technicians do not see the cash; the order
        opens a new collection and lists its collections."""
        collection = self._collect(20.0)
        with self.assertRaises(AccessError):
            collection.with_user(self.tech_b).read(["amount"])
        self.assertEqual(
            self.env[CASH].with_user(self.supervisor).search([]), collection
        )
        self.assertEqual(self.env[CASH].with_user(self.billing).search([]), collection)
        action = self.order.with_user(self.tech_a).action_record_cash()
        self.assertEqual(action["context"]["default_repair_id"], self.order.id)
        action = self.order.with_user(self.tech_a).action_view_cash_collections()
        self.assertEqual(self.env[CASH].search(action["domain"]), collection)
