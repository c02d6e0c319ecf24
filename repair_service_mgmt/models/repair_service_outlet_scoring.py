# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairServiceOutlet(models.Model):
    """The score sheets of an outlet (R-46)."""

    _inherit = "repair.service.outlet"

    scoring_sheet_count = fields.Integer(
        string="Score Sheets", compute="_compute_scoring_sheet_count"
    )

    def _compute_scoring_sheet_count(self):
        counts = dict(
            self.env["repair.service.scoring.sheet"]._read_group(
                [("outlet_id", "in", self.ids)], ["outlet_id"], ["__count"]
            )
        )
        for outlet in self:
            outlet.scoring_sheet_count = counts.get(outlet, 0)

    def action_view_scoring_sheets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair_service_mgmt.repair_service_scoring_sheet_action"
        )
        action["domain"] = [("outlet_id", "=", self.id)]
        action["context"] = {"default_outlet_id": self.id}
        return action
