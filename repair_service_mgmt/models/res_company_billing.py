# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .repair_service_bounds import MAX_AMOUNT


class ResCompany(models.Model):
    """The labour a quotation charges for the estimated repair time."""

    _inherit = "res.company"

    repair_labour_product_id = fields.Many2one(
        "product.product",
        domain=[("type", "=", "service")],
        help="The service product of the labour line a repair quotation gets "
        "for the estimated hours (empty: the module's Repair labour).",
    )
    repair_labour_hourly_rate = fields.Monetary(
        string="Repair Labour Rate (per hour)",
        currency_field="currency_id",
        default=80.0,
        help="The price of an hour of repair labour on quotations.",
    )

    @api.constrains("repair_labour_hourly_rate")
    def _check_repair_labour_hourly_rate(self):
        for company in self:
            if not 0 <= company.repair_labour_hourly_rate <= MAX_AMOUNT:
                raise ValidationError(
                    self.env._(
                        "The repair labour rate is between 0 and %(max)s.",
                        max=MAX_AMOUNT,
                    )
                )

    def _repair_labour_product(self):
        self.ensure_one()
        return self.repair_labour_product_id or self.env.ref(
            "repair_service_mgmt.product_repair_labour", raise_if_not_found=False
        )

    def _repair_labour_rate(self, currency):
        """The hourly labour rate in ``currency``."""
        self.ensure_one()
        return self.currency_id._convert(
            self.repair_labour_hourly_rate,
            currency or self.currency_id,
            self,
            fields.Date.context_today(self),
        )
