# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    repair_labour_product_id = fields.Many2one(
        related="company_id.repair_labour_product_id", readonly=False
    )
    repair_labour_hourly_rate = fields.Monetary(
        related="company_id.repair_labour_hourly_rate",
        currency_field="currency_id",
        readonly=False,
    )
