# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class RepairOrder(models.Model):
    """The printed repair record's money (R-14): what was invoiced and paid
    for the order, from the posted invoices of its sale order."""

    _inherit = "repair.order"

    def _get_repair_record_invoicing(self):
        """The posted customer invoices and credit notes of the order's sale
        order, with their totals; credit notes count negative.

        :return: ``{"invoices": [dict, ...], "invoiced": float,
            "paid": float, "residual": float, "currency": record}``
        """
        self.ensure_one()
        # technicians and CS agents print the record without reading invoices
        sale = self.sudo().sale_order_id
        currency = sale.currency_id or self.currency_id
        moves = sale.invoice_ids.filtered(
            lambda move: (
                move.state == "posted"
                and move.move_type in ("out_invoice", "out_refund")
            )
        ).sorted(lambda move: (move.invoice_date or move.date, move.id))
        states = dict(moves._fields["payment_state"]._description_selection(self.env))
        invoices = []
        for move in moves:
            sign = -1 if move.move_type == "out_refund" else 1
            total = sign * move.amount_total
            residual = sign * move.amount_residual
            invoices.append(
                {
                    "move": move,
                    "name": move.name,
                    "date": move.invoice_date,
                    "refund": move.move_type == "out_refund",
                    "amount": total,
                    "paid": currency.round(total - residual),
                    "residual": residual,
                    "payment_state": states.get(move.payment_state, ""),
                }
            )
        return {
            "invoices": invoices,
            "invoiced": currency.round(sum(i["amount"] for i in invoices)),
            "paid": currency.round(sum(i["paid"] for i in invoices)),
            "residual": currency.round(sum(i["residual"] for i in invoices)),
            "currency": currency,
        }
