# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RepairOrderDispatchWizard(models.TransientModel):
    _name = "repair.order.dispatch.wizard"
    _description = "Dispatch Repair Orders"

    repair_ids = fields.Many2many(
        "repair.order",
        "repair_order_dispatch_wizard_rel",
        "wizard_id",
        "repair_id",
        required=True,
    )
    outlet_id = fields.Many2one(
        "repair.service.outlet",
        required=True,
        domain="[('state', '=', 'active')]",
    )
    technician_id = fields.Many2one(
        "res.users", domain="[('id', 'in', allowed_technician_ids)]"
    )
    allowed_technician_ids = fields.Many2many(
        "res.users", compute="_compute_allowed_technician_ids"
    )
    outside_area = fields.Boolean(compute="_compute_outside_area")
    outside_area_reason = fields.Text(string="Authorisation Reason")

    @api.depends("outlet_id")
    def _compute_allowed_technician_ids(self):
        for wizard in self:
            wizard.allowed_technician_ids = wizard.outlet_id.technician_ids

    @api.depends("outlet_id", "repair_ids")
    def _compute_outside_area(self):
        for wizard in self:
            wizard.outside_area = bool(wizard.outlet_id) and any(
                order.service_mode == "on_site"
                and not wizard.outlet_id._covers_address(order.partner_id)
                for order in wizard.repair_ids
            )

    def action_dispatch(self):
        self.ensure_one()
        self.repair_ids._dispatch(
            self.outlet_id, self.technician_id, self.outside_area_reason
        )
        return {"type": "ir.actions.act_window_close"}
