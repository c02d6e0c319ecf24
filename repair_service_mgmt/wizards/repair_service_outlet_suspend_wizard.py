# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class RepairServiceOutletSuspendWizard(models.TransientModel):
    _name = "repair.service.outlet.suspend.wizard"
    _description = "Suspend Service Outlet"

    outlet_ids = fields.Many2many(
        "repair.service.outlet",
        "repair_service_outlet_suspend_rel",
        "wizard_id",
        "outlet_id",
        required=True,
    )
    reason = fields.Text(required=True)

    def action_suspend(self):
        self.ensure_one()
        outlets = self.outlet_ids
        outlets._check_role("group_cs_manager", self.env._("suspend an outlet"))
        outlets._check_state(["active"], self.env._("suspend the outlet"))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason for the suspension."))
        outlets._suspend(self.reason.strip())
        return {"type": "ir.actions.act_window_close"}
