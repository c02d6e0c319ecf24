# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        """R-16: the invoice of a service order is posted only after customer
        service checked its fees against the price list."""
        invoices = self.filtered(lambda move: move.move_type == "out_invoice")
        orders = invoices.sudo().line_ids.sale_line_ids.order_id
        if orders:
            self.env["sale.order"]._repair_check_fees_before_invoice(orders)
        return super()._post(soft=soft)
