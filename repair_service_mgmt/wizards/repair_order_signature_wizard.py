# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RepairOrderSignatureWizard(models.TransientModel):
    """The customer's word on a service order, signed on the technician's
    screen: consent to the diagnosis and cost (R-09, R-10) or acceptance of
    the finished repair (R-12). The order's methods do the checks."""

    _name = "repair.order.signature.wizard"
    _description = "Customer Consent or Acceptance"

    repair_id = fields.Many2one("repair.order", required=True, ondelete="cascade")
    purpose = fields.Selection(
        [("consent", "Consent"), ("acceptance", "Acceptance")], required=True
    )
    decision = fields.Selection(
        [("yes", "Agrees / accepts"), ("no", "Refuses / disputes")],
        required=True,
        default="yes",
    )
    signed_by = fields.Char(string="Customer Name", required=True)
    method = fields.Selection(
        selection=lambda self: (
            self.env["repair.order"]
            ._fields["consent_method"]
            ._description_selection(self.env)
        ),
        string="Agreed How",
        default="signature",
    )
    signature = fields.Image(max_width=1024, max_height=1024)
    note = fields.Text(
        string="Customer's Words",
        help="Consent: the reason of a refusal. Acceptance: the customer's "
        "opinion, required when the result is disputed.",
    )
    estimated_cost = fields.Monetary(related="repair_id.estimated_cost")
    currency_id = fields.Many2one(related="repair_id.currency_id")
    repair_plan = fields.Text(related="repair_id.repair_plan")
    missing = fields.Text(
        string="Still Missing",
        compute="_compute_missing",
        help="What the technician records before the customer signs.",
    )

    @api.depends("repair_id", "purpose", "decision")
    def _compute_missing(self):
        """The order's own list (the server checks the same when the step is
        recorded); a disputed result needs none of it."""
        for wizard in self:
            order = wizard.repair_id
            if not order:
                wizard.missing = False
            elif wizard.purpose == "consent":
                wizard.missing = order.consent_missing
            elif wizard.decision == "yes":
                wizard.missing = order.acceptance_missing
            else:
                wizard.missing = False

    def action_confirm(self):
        self.ensure_one()
        order = self.repair_id
        if self.purpose == "consent":
            order.action_record_consent(
                self.signed_by,
                self.method,
                agree=self.decision == "yes",
                signature=self.signature,
                note=self.note,
            )
        else:
            order.action_record_acceptance(
                self.signed_by,
                accepted=self.decision == "yes",
                signature=self.signature,
                opinion=self.note,
            )
        return {"type": "ir.actions.act_window_close"}
