# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairOrder(models.Model):
    """The follow-up call after a completed repair (R-15)."""

    _inherit = "repair.order"

    followup_ids = fields.One2many(
        "repair.service.followup", "repair_id", string="Follow-up Calls"
    )
    followup_count = fields.Integer(compute="_compute_followup_count")
    followup_done_at = fields.Datetime(
        string="Followed Up",
        readonly=True,
        copy=False,
        help="When the CS centre reached the customer on the follow-up call.",
    )

    def _compute_followup_count(self):
        counts = dict(
            self.env["repair.service.followup"]._read_group(
                [("repair_id", "in", self.ids)], ["repair_id"], ["__count"]
            )
        )
        for order in self:
            order.followup_count = counts.get(order, 0)

    def action_view_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair_service_mgmt.repair_service_followup_action"
        )
        action["domain"] = [("repair_id", "=", self.id)]
        action["context"] = {"default_repair_id": self.id}
        return action
