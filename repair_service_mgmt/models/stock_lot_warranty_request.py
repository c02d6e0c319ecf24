# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockLot(models.Model):
    """R-23, R-25: the serial number's returns and exchanges; a unit
    delivered as a replacement starts a new warranty."""

    _inherit = "stock.lot"

    warranty_exchange_request_id = fields.Many2one(
        "repair.warranty.request",
        string="Replacement of",
        readonly=True,
        copy=False,
        help="The exchange that delivered this unit: its warranty starts anew "
        "on that delivery.",
    )
    warranty_request_ids = fields.One2many(
        "repair.warranty.request", "lot_id", string="Returns and Exchanges"
    )
    warranty_request_count = fields.Integer(compute="_compute_warranty_request_count")

    def _compute_warranty_request_count(self):
        counts = dict(
            self.env["repair.warranty.request"]._read_group(
                [("lot_id", "in", self.ids)], ["lot_id"], ["__count"]
            )
        )
        for lot in self:
            lot.warranty_request_count = counts.get(lot, 0)

    def action_view_warranty_requests(self):
        self.ensure_one()
        requests = self.warranty_request_ids | self.warranty_exchange_request_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Returns and Exchanges"),
            "res_model": "repair.warranty.request",
            "view_mode": "list,form",
            "domain": [("id", "in", requests.ids)],
        }
