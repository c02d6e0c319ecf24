# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class RepairServiceSpareTemplateLine(models.Model):
    """R-43: the spare parts every new outlet stocks, with reorder levels."""

    _name = "repair.service.spare.template.line"
    _description = "Outlet Spare-parts Template"
    _order = "product_id"
    _check_company_auto = True

    product_id = fields.Many2one(
        "product.product",
        required=True,
        check_company=True,
        domain=[("is_storable", "=", True)],
    )
    product_min_qty = fields.Float(string="Minimum", required=True, default=1.0)
    product_max_qty = fields.Float(string="Maximum", required=True, default=5.0)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.constrains("product_min_qty", "product_max_qty")
    def _check_quantities(self):
        for line in self:
            if line.product_min_qty < 0 or line.product_max_qty < line.product_min_qty:
                raise ValidationError(
                    self.env._(
                        "%(product)s: the minimum must be zero or more and the "
                        "maximum at least the minimum.",
                        product=line.product_id.display_name,
                    )
                )
