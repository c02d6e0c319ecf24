# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairServiceOutletArea(models.Model):
    _name = "repair.service.outlet.area"
    _description = "Outlet Service Area"
    _order = "outlet_id, country_id, state_id, city"

    outlet_id = fields.Many2one(
        "repair.service.outlet", required=True, ondelete="cascade", index=True
    )
    country_id = fields.Many2one(
        "res.country", default=lambda self: self.env.company.country_id
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        domain="[('country_id', '=?', country_id)]",
    )
    city = fields.Char(help="City or district; empty means the whole province.")
