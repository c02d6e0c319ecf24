# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairOrderWarrantyWizard(models.TransientModel):
    """A CS-centre manager changes the warranty status of an order, with the
    reason; the order's method does the checks."""

    _name = "repair.order.warranty.wizard"
    _description = "Change Warranty Status"

    repair_id = fields.Many2one("repair.order", required=True, ondelete="cascade")
    under_warranty = fields.Boolean()
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.repair_id.action_set_warranty(self.under_warranty, self.reason)
        return {"type": "ir.actions.act_window_close"}
