# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .repair_service_bounds import MAX_AMOUNT, check_bounds
from .repair_service_workflow_mixin import ALL_FIELDS

MODULE = "repair_service_mgmt"
BILLING_GROUP = "account.group_account_invoice"
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
    # cancel a collection and record a new one to change its order or collector
    _workflow_fixed_fields = ("repair_id", "technician_id")
    # handed in or cancelled: kept as recorded
    _workflow_locks = (([("state", "in", ("handed_in", "cancelled"))], ALL_FIELDS),)

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
        check_bounds(self, "amount", MAX_AMOUNT)
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
        without_invoice = collections.sudo().filtered(lambda c: not c.invoice_id)
        if without_invoice and not self.env.su:
            # the cap is the invoice's residual: no invoice, no collection
            raise UserError(
                self.env._(
                    "%(order)s has no posted invoice with an amount due: cash is "
                    "collected against the customer's invoice. Have it created "
                    "and posted first, then record the cash.",
                    order=without_invoice[0].repair_id.display_name,
                )
            )
        return collections

    def write(self, vals):
        if set(vals) & RECORDER_FIELDS and not self._in_workflow_step():
            for collection in self:
                self._check_recorder(collection.repair_id, collection.technician_id)
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
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
                body=self.env._("Cancelled: %(reason)s", reason=text)
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
                        "free. No fee may be collected for it.",
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
