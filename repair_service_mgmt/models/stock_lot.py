# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockLot(models.Model):
    """The serial number's warranty (R-24): what the decision would say today
    (core counts its repairs)."""

    _inherit = "stock.lot"

    repair_production_date = fields.Date(
        string="Production Date",
        help="Used for the warranty only when the policy counts from the "
        "production date (no purchase date known).",
    )
    repair_under_warranty = fields.Boolean(
        string="In Warranty", compute="_compute_repair_warranty"
    )
    repair_warranty_reason = fields.Char(
        string="Warranty", compute="_compute_repair_warranty"
    )
    repair_warranty_days_left = fields.Integer(
        string="Warranty Days Left", compute="_compute_repair_warranty"
    )

    @api.depends_context("uid", "tz")
    def _compute_repair_warranty(self):
        lots = self.filtered("id")
        decisions = self.env["repair.warranty.decision"]._decide_lots(lots)
        for lot in self:
            decision = decisions.get(lot.id, {})
            lot.repair_under_warranty = decision.get("in_warranty", False)
            lot.repair_warranty_reason = decision.get("reason", False)
            lot.repair_warranty_days_left = decision.get("days_left", 0)
