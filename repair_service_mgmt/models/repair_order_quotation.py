# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class RepairOrder(models.Model):
    """The quotation starts from the diagnosis (R-09, R-14): the order's
    parts with their prices (core adds them) and the labour of the
    estimated hours at the company's rate; in warranty all at zero."""

    _inherit = "repair.order"

    def _repair_charged_price(self, price):
        """What the customer pays for ``price``: nothing in warranty (R-14)."""
        self.ensure_one()
        return 0.0 if self.under_warranty else price

    def action_create_sale_order(self):
        result = super().action_create_sale_order()
        # the quotation step above checked who acts; outlet staff are not
        # salespeople: the labour line is added by the step
        self.sudo()._add_labour_lines()
        return result

    def _add_labour_lines(self):
        vals_list = []
        for order in self.filtered(lambda o: o.sale_order_id and o.estimated_hours > 0):
            company = order.company_id
            product = company._repair_labour_product()
            if not product:
                continue
            sale = order.sale_order_id
            rate = company._repair_labour_rate(sale.currency_id)
            vals_list.append(
                {
                    "order_id": sale.id,
                    "product_id": product.id,
                    "product_uom_qty": order.estimated_hours,
                    "product_uom": product.uom_id.id,
                    "price_unit": order._repair_charged_price(rate),
                }
            )
        return self.env["sale.order.line"].create(vals_list)


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _repair_list_price(self):
        """The price the fee check expects (R-16): the company's labour rate
        for its labour product, the price list's for anything else."""
        self.ensure_one()
        company = self.company_id
        if self.product_id and self.product_id == company._repair_labour_product():
            rate = company._repair_labour_rate(self.order_id.currency_id)
            return self.product_id.uom_id._compute_price(rate, self.product_uom)
        return self._get_pricelist_price()
