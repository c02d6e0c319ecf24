# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import subprocess

from PyPDF2 import PdfReader

from odoo.tests import tagged

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from .common import OutletHttpCase
from .test_repair_reports import RepairReportFixtures, _pdf_text


@tagged("post_install", "-at_install")
class TestPrinting(RepairReportFixtures, OutletHttpCase):
    """R-11, R-12, R-14: the repair record printed by a wkhtmltopdf built on
    patched Qt: the company's header and footer on every page, several orders
    in one PDF, the invoices and payments of the order, the signatures kept
    with the order number."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_fixtures()
        cls.company = cls.env.company
        cls.company.report_footer = "Service hotline 400-820-8820"
        cls.record = cls.env.ref("repair_service_mgmt.action_report_repair_record")
        cls.labour = cls.env["product.product"].create(
            {
                "name": "Repair labour",
                "type": "service",
                "list_price": 80.0,
                "invoice_policy": "order",
            }
        )

    def _pdf(self, orders):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(self.record, orders.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    def test_wkhtmltopdf_patched_qt(self):
        """Odoo finds a wkhtmltopdf it reports as ready, built on patched
        Qt (the one that prints headers, footers and several documents)."""
        self.assertEqual(self.env["ir.actions.report"].get_wkhtmltopdf_state(), "ok")
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        self.assertIn("with patched qt", version)

    def test_header_and_footer(self):
        """The record carries the company's header (its name and address)
        and on every page the footer: the company's footer text, the
        order's number and the page number."""
        order = self._order()
        self._add_part(order, self.pump)
        text = _pdf_text(self._pdf(order))
        self.assertIn(self.company.name, text)
        self.assertIn("Service hotline 400-820-8820", text)
        self.assertRegex(text, r"Page 1 / \d")
        # the number: title, signature block and footer
        self.assertGreaterEqual(text.count(order.name), 3)
        self.assertIn("Signatures", text)
        # A4 is the paper of a Chinese company (210 × 297 mm = 595 × 842 pt)
        if self.company.paperformat_id.format == "A4":
            page = PdfReader(io.BytesIO(self._pdf(order))).pages[0]
            self.assertAlmostEqual(float(page.mediabox.width), 595, delta=2)
            self.assertAlmostEqual(float(page.mediabox.height), 842, delta=2)

    def test_two_orders_in_one_pdf(self):
        """Several orders print into one PDF, each on its own pages with
        its number."""
        first, second = self._order(), self._order()
        pdf = self._pdf(first | second)
        pages = [
            " ".join(page.extract_text().split())
            for page in PdfReader(io.BytesIO(pdf)).pages
        ]
        self.assertGreaterEqual(len(pages), 2)
        text = " ".join(pages)
        self.assertIn(first.name, text)
        self.assertIn(second.name, text)
        # no page mixes the two orders
        for page in pages:
            self.assertFalse(first.name in page and second.name in page, page)

    def test_invoiced_and_paid(self):
        """R-14: after the invoice is paid, the record shows what was
        invoiced and paid and the payment status, not the parts' total."""
        order = self._order()
        unpaid = _pdf_text(self._pdf(order))
        self.assertNotIn("Invoice and Payment", unpaid)
        self.assertRegex(unpaid, r"Total Fees[^0-9]*0\.00")
        invoice = self._invoice(order, self.labour, 322.0)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        invoicing = order._get_repair_record_invoicing()
        self.assertEqual(invoicing["invoiced"], 322.0)
        self.assertEqual(invoicing["paid"], 322.0)
        self.assertEqual(invoicing["residual"], 0.0)
        text = _pdf_text(self._pdf(order))
        self.assertIn("Invoice and Payment", text)
        self.assertIn(invoice.name, text)
        self.assertRegex(
            text, r"Total Invoiced[^0-9]*322\.00[^0-9]*322\.00[^0-9]*0\.00"
        )
        self.assertRegex(text, r"Total Paid:[^0-9]*322\.00")
        self.assertNotIn("Total Fees", text)
        state = dict(invoice._fields["payment_state"]._description_selection(self.env))[
            invoice.payment_state
        ]
        self.assertIn(state, text)
