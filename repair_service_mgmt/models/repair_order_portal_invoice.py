# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class RepairOrder(models.Model):
    """The customer's invoices on the portal page of the repair (R-14):
    what was invoiced, what is paid, with Odoo's own invoice page (and its
    payment, when online payment is installed) and PDF."""

    _inherit = "repair.order"

    def _portal_invoices(self):
        """The posted customer invoices and credit notes of this order's
        quotation, newest first, each with its portal links."""
        self.ensure_one()
        invoices = (
            self.sudo()
            .sale_order_id.invoice_ids.filtered(
                lambda move: (
                    move.state == "posted"
                    and move.move_type in ("out_invoice", "out_refund")
                )
            )
            .sorted(
                lambda move: (move.invoice_date or move.date, move.id), reverse=True
            )
        )
        return [
            {
                "invoice": invoice,
                "url": invoice.get_portal_url(),
                "download_url": invoice.get_portal_url(
                    report_type="pdf", download=True
                ),
                # the pay button of Odoo's online payment, when installed
                "can_pay": hasattr(invoice, "_has_to_be_paid")
                and invoice._has_to_be_paid(),
            }
            for invoice in invoices
        ]
