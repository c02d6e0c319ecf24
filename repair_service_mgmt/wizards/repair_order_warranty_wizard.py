# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RepairOrderWarrantyWizard(models.TransientModel):
    """A CS-centre manager overrides the warranty decision of an order (in,
    out, or back to the decision), with the reason; the order's method does
    the checks."""

    _name = "repair.order.warranty.wizard"
    _description = "Change Warranty Status"

    repair_id = fields.Many2one("repair.order", required=True, ondelete="cascade")
    under_warranty = fields.Boolean()
    override = fields.Selection(
        [
            ("in", "In warranty"),
            ("out", "Out of warranty"),
            ("decided", "As decided"),
        ],
        string="Warranty",
        compute="_compute_override",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    decision_reason = fields.Char(related="repair_id.warranty_reason")
    reason = fields.Text(required=True)

    @api.depends("under_warranty")
    def _compute_override(self):
        for wizard in self:
            wizard.override = "in" if wizard.under_warranty else "out"

    def action_confirm(self):
        self.ensure_one()
        override = False if self.override == "decided" else self.override
        self.repair_id.action_override_warranty(override, self.reason)
        return {"type": "ir.actions.act_window_close"}
