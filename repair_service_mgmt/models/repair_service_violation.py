# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .repair_service_bounds import MAX_AMOUNT, check_bounds
from .repair_service_workflow_mixin import ALL_FIELDS


class RepairServiceViolation(models.Model):
    """R-45: a violation of the service rules by an outlet, and its penalty."""

    _name = "repair.service.violation"
    _description = "Outlet Violation"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "repair.service.workflow.mixin",
        "repair.service.audit.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("state", "invoice_id")
    # a confirmed or cancelled violation is kept as recorded, evidence included
    _workflow_locks = (([("state", "in", ("confirmed", "cancelled"))], ALL_FIELDS),)
    _sequence_code = "repair.service.violation"

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    outlet_id = fields.Many2one(
        "repair.service.outlet", required=True, check_company=True, tracking=True
    )
    region_id = fields.Many2one(related="outlet_id.region_id", store=True)
    violation_type = fields.Selection(
        [
            ("overcharge", "Charging above the rules"),
            ("missed_appointment", "Missed appointment"),
            ("service_attitude", "Poor service attitude"),
            ("false_repair", "False or unnecessary repair"),
            ("privacy", "Customer data disclosed"),
            ("fake_parts", "Non-genuine parts"),
            ("other", "Other"),
        ],
        required=True,
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    repair_id = fields.Many2one(
        "repair.order", string="Related Repair Order", check_company=True
    )
    description = fields.Text(required=True)
    evidence_ids = fields.Many2many(
        "ir.attachment",
        "repair_service_violation_attachment_rel",
        "violation_id",
        "attachment_id",
    )
    penalty = fields.Selection(
        [("warning", "Warning"), ("fine", "Fine"), ("suspension", "Suspension")],
        required=True,
        default="warning",
        tracking=True,
    )
    fine_amount = fields.Monetary(tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
    )
    invoice_id = fields.Many2one(
        "account.move", string="Fine Invoice", readonly=True, copy=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("fine_amount")
    def _check_fine_amount(self):
        check_bounds(self, "fine_amount", MAX_AMOUNT)

    # ------------------------------------------------------------------
    # Audit trail: violations are cancelled, not deleted
    # ------------------------------------------------------------------
    @api.model
    def _audit_keep_advice(self):
        return self.env._("Cancel the violation instead.")

    def _audit_delete_blockers(self):
        blockers = {}
        for violation in self:
            reasons = []
            if violation.state != "draft":
                reasons.append(self.env._("its penalty was decided"))
            if violation.sudo().invoice_id:
                reasons.append(self.env._("a fine invoice is attached"))
            if reasons:
                blockers[violation] = reasons
        return blockers

    def action_confirm(self):
        """Apply the penalty: a fine becomes an invoice to the outlet, a
        suspension blocks new dispatch."""
        self._check_role("group_cs_manager", self.env._("confirm a violation"))
        self._check_state(["draft"], self.env._("confirm the violation"))
        for violation in self:
            if violation.penalty == "fine" and violation.fine_amount <= 0:
                raise UserError(
                    self.env._(
                        "%(violation)s: enter the fine amount (more than zero).",
                        violation=violation.display_name,
                    )
                )
        for violation in self:
            values = {"state": "confirmed"}
            if violation.penalty == "fine":
                values["invoice_id"] = violation._create_fine_invoice().id
            elif (
                violation.penalty == "suspension"
                and violation.outlet_id.state == "active"
            ):
                violation.outlet_id.sudo()._suspend(
                    self.env._(
                        "Suspended for violation %(violation)s: %(description)s",
                        violation=violation.name,
                        description=violation.description,
                    )
                )
            violation._workflow_step().write(values)
        return True

    def action_cancel(self):
        self._check_role("group_cs_manager", self.env._("cancel a violation"))
        self._check_state(["draft", "confirmed"], self.env._("cancel the violation"))
        for violation in self:
            if violation.invoice_id and violation.invoice_id.state == "posted":
                raise UserError(
                    self.env._(
                        "%(violation)s has a posted fine invoice: reverse it "
                        "with a credit note first.",
                        violation=violation.display_name,
                    )
                )
            violation.invoice_id.sudo().filtered(
                lambda m: m.state == "draft"
            ).button_cancel()
        self._workflow_step().write({"state": "cancelled"})
        return True

    def _create_fine_invoice(self):
        self.ensure_one()
        product = self.env.ref("repair_service_mgmt.product_violation_fine")
        return (
            self.env["account.move"]
            .sudo()
            .with_company(self.company_id)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.outlet_id.partner_id.commercial_partner_id.id,
                    "invoice_origin": self.name,
                    "ref": self.name,
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "name": self.env._(
                                    "Fine for violation %(violation)s: %(type)s",
                                    violation=self.name,
                                    type=dict(
                                        self._fields[
                                            "violation_type"
                                        ]._description_selection(self.env)
                                    )[self.violation_type],
                                ),
                                "quantity": 1,
                                "price_unit": self.fine_amount,
                                "tax_ids": [fields.Command.clear()],
                            }
                        )
                    ],
                }
            )
        )

    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.invoice_id.id,
            "view_mode": "form",
        }
