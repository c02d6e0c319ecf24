# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
        today = fields.Date.context_today(self)
        vals_list = []
        for order in self.filtered(lambda o: o.sale_order_id and o.estimated_hours > 0):
            company = order.company_id
            product = company._repair_labour_product()
            if not product:
                continue
            sale = order.sale_order_id
            rate = company.currency_id._convert(
                company.repair_labour_hourly_rate, sale.currency_id, company, today
            )
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
