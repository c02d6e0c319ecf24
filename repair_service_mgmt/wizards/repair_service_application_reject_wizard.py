# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairServiceApplicationRejectWizard(models.TransientModel):
    _name = "repair.service.application.reject.wizard"
    _description = "Reject Outlet Application"

    application_ids = fields.Many2many(
        "repair.service.application",
        "repair_service_application_reject_rel",
        "wizard_id",
        "application_id",
        required=True,
    )
    reason = fields.Text(
        required=True, help="Sent to the applicant by e-mail with the decision."
    )

    def action_reject(self):
        self.ensure_one()
        self.application_ids._reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
