# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError

# what the customer pays: a change voids the fee check
MONEY_FIELDS = (
    "product_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
    "tax_id",
)


class SaleOrderLine(models.Model):
    """R-14: in-warranty repairs are free — no fee may be invented on the
    quotation of an in-warranty repair order. R-16: a change of the money
    voids the fee check; outlets change the money of a draft quotation only."""

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
                        "charge: %(product)s cannot cost %(price)s. Set its price "
                        "to zero, or have a CS-centre manager take the order out "
                        "of warranty first.",
                        repairs=", ".join(repairs.mapped("name")),
                        product=line.product_id.display_name or line.name,
                        price=line.price_unit,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            [vals["order_id"] for vals in vals_list if vals.get("order_id")]
        )
        orders._check_outlet_may_change_money()
        lines = super().create(vals_list)
        lines.order_id._repair_fee_check_void()
        return lines

    def write(self, vals):
        money = set(vals) & set(MONEY_FIELDS)
        if money:
            self.order_id._check_outlet_may_change_money()
        result = super().write(vals)
        if money:
            self.order_id._repair_fee_check_void()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_repair_money(self):
        self.order_id._check_outlet_may_change_money()
        self.order_id._repair_fee_check_void()
