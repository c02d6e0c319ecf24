# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount

from .repair_service_cash_collection import BILLING_GROUP


class RepairServiceCashCollection(models.Model):
    """The hand-in: a billing user receives the cash and the payment is
    registered on the order's invoice; what may be collected against it."""

    _inherit = "repair.service.cash.collection"

    def action_hand_in(self):
        """The cash is handed in to a billing user: the payment is registered
        on the order's invoice with Odoo's payment wizard, in a cash journal,
        one payment per invoice."""
        self._check_billing_user(self.env._("receive cash handed in"))
        self._check_state(["collected"], self.env._("hand in the cash"))
        for collection in self:
            if self.env.user in collection.technician_id | collection.create_uid:
                raise UserError(
                    self.env._(
                        "%(number)s: you collected or recorded this cash "
                        "yourself; another user with invoicing rights receives it.",
                        number=collection.name,
                    )
                )
        self._refresh_invoice()
        without_invoice = self.filtered(lambda c: not c.invoice_id)
        if without_invoice:
            raise UserError(
                self.env._(
                    "%(numbers)s: the order has no posted customer invoice with "
                    "an amount due. Create and post the invoice first, then hand "
                    "in the cash.",
                    numbers=", ".join(without_invoice.mapped("name")),
                )
            )
        now = fields.Datetime.now()
        for invoice, collections in self.grouped("invoice_id").items():
            payment = collections._register_payment(invoice)
            collections._workflow_step().write(
                {
                    "state": "handed_in",
                    "payment_id": payment.id,
                    "received_by_id": self.env.uid,
                    "handed_in_at": now,
                }
            )
            for collection in collections:
                collection.message_post(
                    body=self.env._(
                        "Cash handed in to %(user)s; payment %(payment)s "
                        "registered on invoice %(invoice)s.",
                        user=self.env.user.name,
                        payment=payment.name,
                        invoice=invoice.name,
                    )
                )
        return True

    def _check_billing_user(self, action):
        if self.env.su or self.env.user.has_group(BILLING_GROUP):
            return
        raise AccessError(
            self.env._(
                "Only a user with invoicing rights (%(group)s) may %(action)s: "
                "technicians hand the cash in to them.",
                group=self.env.ref(BILLING_GROUP).full_name,
                action=action,
            )
        )

    def _find_open_invoices(self):
        """{order: its first open posted customer invoice} for the orders of
        these collections (technicians have no right on invoices)."""
        found = {}
        for order in self.sudo().repair_id:
            found[order] = order.sale_order_id.invoice_ids.filtered(
                lambda m: (
                    m.move_type == "out_invoice"
                    and m.state == "posted"
                    and m.payment_state in ("not_paid", "partial")
                )
            ).sorted(lambda m: (m.invoice_date, m.id))[:1]
        return found

    def _refresh_invoice(self):
        """Link collections not handed in yet to their order's open invoice."""
        pending = self.filtered(lambda c: c.state == "collected")
        if not pending:
            return
        found = pending._find_open_invoices()
        for collection in pending.sudo():
            invoice = found.get(collection.repair_id)
            if invoice and collection.invoice_id != invoice:
                collection._workflow_step().write({"invoice_id": invoice.id})
        pending._check_amount_due()

    def _check_amount_due(self):
        """The cash collected for an invoice and not handed in yet may not be
        more than the invoice's residual amount."""
        pending = self.sudo().filtered(
            lambda c: c.state == "collected" and c.invoice_id
        )
        if not pending:
            return
        totals = dict(
            self.env["repair.service.cash.collection"]
            .sudo()
            ._read_group(
                [
                    ("invoice_id", "in", pending.invoice_id.ids),
                    ("state", "=", "collected"),
                ],
                ["invoice_id"],
                ["amount:sum"],
            )
        )
        for invoice, collections in pending.grouped("invoice_id").items():
            currency = invoice.company_id.currency_id
            residual = invoice.amount_residual_signed
            total = totals.get(invoice, 0.0)
            if currency.compare_amounts(total, residual) <= 0:
                continue
            others = total - sum(collections.mapped("amount"))
            raise ValidationError(
                self.env._(
                    "%(numbers)s: %(amount)s is more than is still due. Invoice "
                    "%(invoice)s has a residual amount of %(residual)s, and "
                    "%(others)s of it is already collected in other collections "
                    "waiting for hand-in: enter at most %(available)s.",
                    numbers=", ".join(collections.mapped("name")),
                    amount=format_amount(
                        self.env, sum(collections.mapped("amount")), currency
                    ),
                    invoice=invoice.name,
                    residual=format_amount(self.env, residual, currency),
                    others=format_amount(self.env, others, currency),
                    available=format_amount(
                        self.env, max(residual - others, 0.0), currency
                    ),
                )
            )

    def _cash_journal(self):
        company = self.company_id[:1] or self.env.company
        journal = self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", company.id)], limit=1
        )
        if not journal:
            raise UserError(
                self.env._(
                    "%(company)s has no cash journal: ask your accountant to "
                    "create a journal of type Cash, then hand in the cash.",
                    company=company.name,
                )
            )
        return journal

    def _register_payment(self, invoice):
        """One payment of these collections on ``invoice`` through Odoo's
        own Register Payment wizard."""
        journal = self._cash_journal()
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "journal_id": journal.id,
                    "amount": sum(self.mapped("amount")),
                    "currency_id": self.currency_id.id,
                    "payment_date": fields.Date.context_today(self),
                    "communication": ", ".join(self.mapped("name")),
                }
            )
        )
        return wizard._create_payments()
