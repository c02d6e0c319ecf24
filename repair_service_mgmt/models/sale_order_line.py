# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class SaleOrderLine(models.Model):
    """R-14: in-warranty repairs are free — no fee may be invented on the
    quotation of an in-warranty repair order."""

    _inherit = "sale.order.line"

    def _repair_warranty_orders(self):
        """The in-warranty repair orders this line would charge."""
        self.ensure_one()
        linked = self.move_ids.repair_id
        repairs = linked or self.order_id.repair_order_ids
        if repairs and all(repair.under_warranty for repair in repairs):
            return repairs
        return repairs.browse()

    @api.constrains("price_unit", "discount", "product_id", "order_id")
    def _check_repair_warranty_free(self):
        for line in self:
            if line.display_type or line.price_unit <= 0:
                continue
            repairs = line.sudo()._repair_warranty_orders()
            if repairs:
                raise ValidationError(
                    self.env._(
                        "%(repairs)s is repaired under warranty, which is free of "
                        "charge (R-14): %(product)s cannot cost %(price)s. Set its "
                        "price to zero, or take the order out of warranty first.",
                        repairs=", ".join(repairs.mapped("name")),
                        product=line.product_id.display_name or line.name,
                        price=line.price_unit,
                    )
                )
