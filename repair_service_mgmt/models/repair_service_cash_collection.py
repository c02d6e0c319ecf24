# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount

MODULE = "repair_service_mgmt"
BILLING_GROUP = "account.group_account_invoice"
# fixed once the collection is recorded
LOCKED_FIELDS = {"repair_id", "technician_id"}
# what the cash collected was: only the outlet's people change it
RECORDER_FIELDS = {"amount", "collected_at"}


class RepairServiceCashCollection(models.Model):
    """R-14 (S4 (3)9): a fee a technician collected on site, handed in to the
    company; the hand-in registers the payment on the order's invoice."""

    _name = "repair.service.cash.collection"
    _description = "Cash Collection"
    _inherit = [
        "mail.thread",
        "repair.service.workflow.mixin",
        "repair.service.audit.mixin",
    ]
    _order = "collected_at desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "state",
        "invoice_id",
        "payment_id",
        "received_by_id",
        "handed_in_at",
    )
    _sequence_code = "repair.service.cash.collection"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    repair_id = fields.Many2one(
        "repair.order",
        string="Repair Order",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="repair_id.partner_id", string="Customer", store=True
    )
    outlet_id = fields.Many2one(related="repair_id.outlet_id", store=True, index=True)
    technician_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        help="Who collected the cash from the customer.",
    )
    amount = fields.Monetary(required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    collected_at = fields.Datetime(
        required=True, default=fields.Datetime.now, tracking=True
    )
    receipt_note = fields.Text(
        help="The receipt given to the customer: its number, what it says."
    )
    invoice_id = fields.Many2one(
        "account.move",
        readonly=True,
        copy=False,
        groups=BILLING_GROUP,
        help="The order's first open customer invoice: the hand-in pays it.",
    )
    invoice_name = fields.Char(string="Invoice Number", compute="_compute_invoice_info")
    invoice_residual = fields.Monetary(
        string="Still Due on Invoice", compute="_compute_invoice_info"
    )
    state = fields.Selection(
        [
            ("collected", "Collected"),
            ("handed_in", "Handed in"),
            ("cancelled", "Cancelled"),
        ],
        default="collected",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    handed_in_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    received_by_id = fields.Many2one(
        "res.users", string="Received by", readonly=True, copy=False, tracking=True
    )
    payment_id = fields.Many2one(
        "account.payment",
        readonly=True,
        copy=False,
        groups=BILLING_GROUP,
    )
    cancel_reason = fields.Text(
        help="Why the collection is cancelled (recorded in the chatter)."
    )
    company_id = fields.Many2one(related="repair_id.company_id", store=True)

    def _compute_invoice_info(self):
        # technicians have no right on invoices: show them number and residual
        for collection in self:
            invoice = collection.sudo().invoice_id
            collection.invoice_name = invoice.name or False
            collection.invoice_residual = invoice.amount_residual_signed

    @api.constrains("amount")
    def _check_amount(self):
        for collection in self:
            if collection.currency_id.compare_amounts(collection.amount, 0) <= 0:
                raise ValidationError(
                    self.env._(
                        "The amount collected must be more than zero (%(number)s).",
                        number=collection.name,
                    )
                )
        self._check_amount_due()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("technician_id", self.env.uid)
            order = self.env["repair.order"].browse(vals.get("repair_id"))
            technician = self.env["res.users"].browse(vals["technician_id"])
            self._check_recorder(order, technician)
        collections = super().create(vals_list)
        collections._refresh_invoice()
        return collections

    def write(self, vals):
        changed = {name for name in vals if not name.startswith("message_")}
        if (
            changed
            and not self.env.su
            and not self.env.context.get("repair_service_workflow_step")
        ):
            if self.filtered(lambda c: c.state != "collected"):
                raise UserError(
                    self.env._(
                        "A handed-in or cancelled cash collection is kept as recorded."
                    )
                )
            if changed & LOCKED_FIELDS:
                raise UserError(
                    self.env._(
                        "The order and the technician of a cash collection are "
                        "fixed: cancel it and record a new one."
                    )
                )
            if changed & RECORDER_FIELDS:
                for collection in self:
                    self._check_recorder(collection.repair_id, collection.technician_id)
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_hand_in(self):
        """The cash is handed in to a billing user: the payment is registered
        on the order's invoice with Odoo's payment wizard, in a cash journal,
        one payment per invoice."""
        self._check_billing_user(self.env._("receive cash handed in"))
        self._check_state(["collected"], self.env._("hand in the cash"))
        for collection in self:
            if collection.technician_id == self.env.user:
                raise UserError(
                    self.env._(
                        "%(number)s: you collected this cash yourself; another "
                        "user with invoicing rights receives it.",
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
                    body=Markup("<p>%s</p>")
                    % self.env._(
                        "Cash handed in to %(user)s; payment %(payment)s "
                        "registered on invoice %(invoice)s.",
                        user=self.env.user.name,
                        payment=payment.name,
                        invoice=invoice.name,
                    )
                )
        return True

    def action_cancel(self, reason=None):
        """Cancel a collection not handed in yet, with its reason."""
        self._check_state(["collected"], self.env._("cancel the collection"))
        billing = self.env.su or self.env.user.has_group(BILLING_GROUP)
        for collection in self:
            if not billing and collection.technician_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(technician)s, who recorded %(number)s, or a user "
                        "with invoicing rights can cancel it.",
                        technician=collection.technician_id.name,
                        number=collection.name,
                    )
                )
            if not (reason or collection.cancel_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Give the reason for cancelling %(number)s.",
                        number=collection.name,
                    )
                )
        for collection in self:
            text = (reason or collection.cancel_reason).strip()
            collection._workflow_step().write(
                {"state": "cancelled", "cancel_reason": text}
            )
            collection.message_post(
                body=Markup("<p>%s</p>")
                % self.env._("Cancelled: %(reason)s", reason=text)
            )
        return True

    # ------------------------------------------------------------------
    # Audit trail: cash collections are cancelled, never deleted
    # ------------------------------------------------------------------
    @api.model
    def _audit_keep_advice(self):
        return self.env._("Cancel it with its reason instead.")

    def _audit_delete_blockers(self):
        reason = self.env._("it records cash collected from a customer")
        return {collection: [reason] for collection in self}

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _check_recorder(self, orders, technician=None):
        """R-14: cash is recorded only for charged orders, by the order's
        technician or the staff of the order's outlet."""
        user = self.env.user
        for order in orders.sudo():
            if order.under_warranty:
                raise UserError(
                    self.env._(
                        "%(order)s is under warranty: in-warranty repairs are "
                        "free, R-14. No fee may be collected for it.",
                        order=order.display_name,
                    )
                )
            if order.state == "cancel":
                raise UserError(
                    self.env._(
                        "%(order)s is cancelled: no fee can be collected for it.",
                        order=order.display_name,
                    )
                )
            outlet = order.outlet_id
            if not outlet:
                raise UserError(
                    self.env._(
                        "%(order)s is not dispatched to an outlet: cash is "
                        "recorded only for orders of an outlet.",
                        order=order.display_name,
                    )
                )
            if self.env.su:
                continue
            is_staff = user in outlet.staff_ids and user.has_group(
                f"{MODULE}.group_outlet_staff"
            )
            is_technician = (
                order.technician_id == user and user in outlet.technician_ids
            )
            if not (is_staff or is_technician):
                raise UserError(
                    self.env._(
                        "Only %(technician)s, the technician of %(order)s, or the "
                        "staff of %(outlet)s record cash collected for it.",
                        technician=order.technician_id.name or self.env._("nobody"),
                        order=order.display_name,
                        outlet=outlet.display_name,
                    )
                )
            if technician is None:
                continue
            if not is_staff and technician != user:
                raise UserError(
                    self.env._(
                        "Record only cash that you collected yourself: the "
                        "outlet's staff record it for other technicians."
                    )
                )
            if technician not in outlet.technician_ids | outlet.staff_ids:
                raise UserError(
                    self.env._(
                        "%(technician)s does not work for %(outlet)s.",
                        technician=technician.name,
                        outlet=outlet.display_name,
                    )
                )

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
