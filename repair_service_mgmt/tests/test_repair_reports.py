# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import datetime, timedelta

from PIL import Image, ImageDraw
from PyPDF2 import PdfReader

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import OutletCase, OutletHttpCase

TOMORROW_9 = (datetime.now() + timedelta(days=1)).replace(
    hour=9, minute=0, second=0, microsecond=0
)


def _signature_png(height=40):
    """A drawn signature, as the signature widget stores it (base64 PNG)."""
    image = Image.new("RGB", (160, 48), "white")
    ImageDraw.Draw(image).line(
        [(8, height), (40, 8), (80, height), (150, 10)], "black", 3
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue())


def _pdf_text(pdf):
    return " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(pdf)).pages
    )


def _pdf_image_count(pdf):
    """Image XObjects in the PDF, also inside form XObjects."""

    def count(resources):
        found = 0
        xobjects = resources.get("/XObject") if resources else None
        for ref in (xobjects.get_object() if xobjects else {}).values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                found += 1
            elif xobject.get("/Subtype") == "/Form":
                found += count(xobject.get("/Resources"))
        return found

    return sum(
        count(page.get("/Resources")) for page in PdfReader(io.BytesIO(pdf)).pages
    )


class RepairReportFixtures:
    """A dispatched carry-in order with two parts, for the reports."""

    @classmethod
    def _setup_report_fixtures(cls):
        cls.outlet = cls._approved_outlet("Report Outlet", technicians=cls.tech_a)
        cls.customer = cls.env["res.partner"].create(
            {"name": "Qian Li", "street": "5 Nanjing Road", "city": "Shanghai"}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Front-load washer WD-80", "type": "consu"}
        )
        cls.pump = cls.env["product.product"].create(
            {
                "name": "Drain pump DP-2",
                "type": "consu",
                "is_storable": True,
                "list_price": 180.0,
            }
        )
        cls.belt = cls.env["product.product"].create(
            {
                "name": "Drive belt B-7",
                "type": "consu",
                "is_storable": True,
                "list_price": 40.0,
            }
        )
        for part in cls.pump | cls.belt:
            cls.env["stock.quant"]._update_available_quantity(
                part, cls.outlet.location_id, 10
            )
        cls.signature = _signature_png()
        cls.consent_signature = _signature_png(30)

    @classmethod
    def _order(cls, technician=None, outlet=None, **values):
        order = (
            cls.env["repair.order"]
            .with_user(cls.agent)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "customer_phone": "+86 21 6123 4567",
                    "service_mode": "carry_in",
                    "intake_channel": "walk_in",
                    "fault_description": "Does not drain; error E21",
                    **values,
                }
            )
        )
        order._dispatch(outlet or cls.outlet, technician or cls.tech_a)
        return order

    @classmethod
    def _add_part(cls, order, part, qty=1.0):
        return cls.env["stock.move"].create(
            {
                "repair_id": order.id,
                "repair_line_type": "add",
                "product_id": part.id,
                "product_uom_qty": qty,
            }
        )


@tagged("post_install", "-at_install")
class TestRepairRecordPdf(RepairReportFixtures, OutletHttpCase):
    """R-11, R-12, R-14, R-04: the printed repair record and carry-in receipt
    (wkhtmltopdf fetches the report assets over HTTP: an HttpCase serves them
    from the test transaction)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_fixtures()
        cls.paid = cls._order(
            promised_date=datetime(2026, 12, 1, 10, 0),
            accessories_note="Inlet hose, no door handle",
        )
        cls._add_part(cls.paid, cls.pump)
        cls._add_part(cls.paid, cls.belt, 2)
        # the quotation's price wins over the list price
        cls.paid.action_create_sale_order()
        cls.paid.move_ids.filtered(
            lambda m: m.product_id == cls.pump
        ).sale_line_id.price_unit = 250.0
        # diagnosis, consent, repair, one dispute and the signed acceptance,
        # through the technician's own steps
        job = cls.paid.with_user(cls.tech_a)
        job.action_accept_job()
        job.write(
            {
                "symptom_id": cls.env.ref("repair_service_mgmt.fault_symptom_noise").id,
                "cause_id": cls.env.ref("repair_service_mgmt.fault_cause_fan_motor").id,
                "diagnosis": "Pump impeller blocked and cracked",
                "repair_plan": "Replace the drain pump and the belt",
            }
        )
        job.action_record_consent(
            "Qian Li", "signature", signature=cls.consent_signature
        )
        job.action_repair_start()
        photo = cls.env["ir.attachment"].create(
            {"name": "repaired.png", "datas": cls.signature}
        )
        test_done = {
            "function_test_done": True,
            "function_test_note": "Spin and drain cycles run clean",
            "completion_photo_ids": [(6, 0, photo.ids)],
            "serial_scanned": "WD80-0001",
        }
        job.write(test_done)
        job.action_record_acceptance("Qian Li", accepted=False, opinion="Still noisy")
        job.write(test_done)
        job.action_record_acceptance(
            "Qian Li", signature=cls.signature, opinion="Quiet now, thank you"
        )
        cls.free = cls._order()
        cls.free.with_user(cls.manager).action_set_warranty(True, "Warranty card seen")
        cls._add_part(cls.free, cls.pump)
        cls.record = cls.env.ref("repair_service_mgmt.action_report_repair_record")
        cls.receipt = cls.env.ref("repair_service_mgmt.action_report_repair_receipt")

    def _pdf(self, report, order):
        # one order per PDF: Debian's wkhtmltopdf (unpatched Qt) prints a
        # single document per run
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, order.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    def test_repair_record_pdf(self):
        """R-11, R-12, R-14: the record shows the order, its parts with the
        quotation's or list price, the warranty status, and embeds both
        signatures of the customer."""
        pdf = self._pdf(self.record, self.paid)
        text = _pdf_text(pdf)
        for expected in (
            self.paid.name,
            "Qian Li",
            "Report Outlet",
            self.tech_a.name,
            "Drain pump DP-2",
            "Drive belt B-7",
            "Abnormal noise or vibration",
            "Fan motor failure",
            "Pump impeller blocked and cracked",
            "Replace the drain pump and the belt",
            "Quiet now, thank you",
            "Spin and drain cycles run clean",
            # 250 (the quotation) + 2 × 40 (list price on the quotation)
            "250.00",
            "Out of warranty",
        ):
            self.assertIn(expected, text)
        self.assertRegex(text, r"Total Fees[^0-9]*330\.00")
        self.assertNotIn("In warranty", text)
        free = _pdf_text(self._pdf(self.record, self.free))
        self.assertIn(self.free.name, free)
        self.assertIn("Drain pump DP-2", free)
        self.assertIn("In warranty — free of charge", free)
        self.assertNotIn("R-14", free)
        # the list price is shown, nothing is charged
        self.assertIn("180.00", free)
        self.assertRegex(free, r"Total Fees[^0-9]*0\.00")
        # both signatures of the paid order are images in the PDF
        self.assertGreaterEqual(_pdf_image_count(pdf), 2)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(self.record, self.paid.ids)[0]
            .decode()
        )
        # the consent and the acceptance signature
        for signature in (
            self.paid.consent_signature,
            self.paid.acceptance_signature,
        ):
            self.assertIn("data:image/png;base64," + signature.decode(), html)

    def test_carry_in_receipt_pdf(self):
        """R-04: the receipt names the order, the product, the fault, the
        promised date and where to collect, and asks for the receipt back."""
        pdf = self._pdf(self.receipt, self.paid)
        text = _pdf_text(pdf)
        for expected in (
            self.paid.name,
            "Carry-in Receipt",
            "Qian Li",
            # stored +862161234567, printed as dialled in China
            "021 6123 4567",
            "Front-load washer WD-80",
            "Does not drain; error E21",
            "Inlet hose, no door handle",
            "Report Outlet",
            "Bring this receipt to collect your product.",
        ):
            self.assertIn(expected, text)

    def test_other_outlet_cannot_print(self):
        """R-44: a technician of another outlet cannot print the record of an
        order that is not theirs; their own technician can."""
        other = self._approved_outlet(
            "Other Outlet", region=self.north, technicians=self.tech_b
        )
        self.assertTrue(other)
        Report = self.env["ir.actions.report"]
        html = (
            Report.with_user(self.tech_a)
            ._render_qweb_html(self.record.report_name, self.paid.ids)[0]
            .decode()
        )
        self.assertIn(self.paid.name, html)
        # prices of the quotation are printed for the technician too
        self.assertIn("250.00", html)
        for report in (self.record, self.receipt):
            with self.assertRaisesRegex(AccessError, "top-secret"):
                Report.with_user(self.tech_b)._render_qweb_html(
                    report.report_name, self.paid.ids
                )


@tagged("post_install", "-at_install")
class TestRepairViews(RepairReportFixtures, OutletCase):
    """R-06, R-07: the dispatcher's views and the technician's My Jobs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_fixtures()
        cls.other_outlet = cls._approved_outlet(
            "Other Outlet", region=cls.north, technicians=cls.tech_b
        )
        cls.job = cls._order()
        cls.urgent = cls._order(priority="1")
        cls.second = cls._order()
        cls.cancelled = cls._order()
        cls.cancelled.action_repair_cancel()
        cls.not_mine = cls._order(technician=cls.tech_b, outlet=cls.other_outlet)
        cls.my_jobs = cls.env.ref("repair_service_mgmt.repair_order_action_my_jobs")

    def test_views_load(self):
        """The kanban, calendar, pivot and graph of repair orders load, with
        the dispatch fields; the form has the Print Receipt button."""
        views = self.env["repair.order"].get_views(
            [(False, "kanban"), (False, "pivot"), (False, "graph"), (False, "calendar")]
        )["views"]
        self.assertIn('default_group_by="service_step"', views["kanban"]["arch"])
        for name in ("dispatch_state", "sla_status", "technician_id", "outlet_id"):
            self.assertIn(f'name="{name}"', views["kanban"]["arch"])
        self.assertIn('name="outlet_id"', views["pivot"]["arch"])
        self.assertIn('name="intake_channel"', views["pivot"]["arch"])
        self.assertIn('interval="month"', views["graph"]["arch"])
        self.assertIn('date_start="schedule_date"', views["calendar"]["arch"])
        action = self.env.ref("repair_service_mgmt.repair_order_action")
        self.assertEqual(
            action.view_mode.split(","),
            ["list", "kanban", "form", "calendar", "pivot", "graph"],
        )
        form = self.env["repair.order"].get_views([(False, "form")])["views"]["form"]
        self.assertIn("Print Receipt", form["arch"])
        # the technician's own kanban, as the technician
        jobs = (
            self.env["repair.order"]
            .with_user(self.tech_a)
            .get_views([(view, mode) for view, mode in self.my_jobs.views])
        )["views"]
        self.assertEqual(self.my_jobs.views[0][1], "kanban")
        self.assertIn("action_accept_job", jobs["kanban"]["arch"])
        self.assertIn("action_customer_contacted", jobs["kanban"]["arch"])
        self.assertIn('widget="phone"', jobs["kanban"]["arch"])

    def test_my_jobs(self):
        """R-07: My Jobs lists the technician's own orders that are not
        cancelled, emergencies first; open jobs are the default filter."""
        domain = safe_eval(self.my_jobs.domain, {"uid": self.tech_a.id})
        jobs = self.env["repair.order"].with_user(self.tech_a).search(domain)
        self.assertEqual(jobs, self.urgent | self.job | self.second)
        self.assertEqual(jobs[0], self.urgent, "emergency jobs come first")
        other = safe_eval(self.my_jobs.domain, {"uid": self.tech_b.id})
        self.assertEqual(
            self.env["repair.order"].with_user(self.tech_b).search(other),
            self.not_mine,
        )
        context = safe_eval(self.my_jobs.context, {"uid": self.tech_a.id})
        self.assertTrue(context.get("search_default_filter_open"))

    def test_job_card_buttons(self):
        """R-07: the card's Customer Contacted answers for the technician;
        another technician is refused and the order is unchanged."""
        with self.assertRaisesRegex(AccessError, "top-secret"):
            self.job.with_user(self.tech_b).action_customer_contacted()
        self.assertEqual(self.job.dispatch_state, "dispatched")
        self.assertFalse(self.job.customer_contacted_at)
        self.job.with_user(self.tech_a).action_customer_contacted()
        self.assertEqual(self.job.dispatch_state, "accepted")
        self.assertTrue(self.job.customer_contacted_at)

    def test_next_visit_on_card(self):
        """R-08: the card shows the next planned visit."""
        self.assertFalse(self.job.next_visit_start)
        visit = (
            self.env["repair.service.visit"]
            .with_user(self.tech_a)
            .create(
                {
                    "repair_id": self.job.id,
                    "planned_start": TOMORROW_9,
                    "planned_stop": TOMORROW_9 + timedelta(hours=2),
                }
            )
        )
        self.job.invalidate_recordset(["next_visit_start"])
        self.assertEqual(self.job.next_visit_start, visit.planned_start)

    def test_repair_record_prices(self):
        """R-14: list price without a quotation; the quotation's price
        with one; nothing charged in warranty."""
        order = self._order()
        self._add_part(order, self.pump, 2)
        parts = order._get_repair_record_parts()
        self.assertEqual([line["unit_price"] for line in parts["lines"]], [180.0])
        self.assertEqual(parts["total"], 360.0)
        order.action_create_sale_order()
        order.move_ids.sale_line_id.price_unit = 150.0
        self.assertEqual(order._get_repair_record_parts()["total"], 300.0)
        order.with_user(self.manager).action_set_warranty(True, "Invoice of May")
        parts = order._get_repair_record_parts()
        self.assertEqual(parts["total"], 0.0)
        self.assertEqual(parts["lines"][0]["amount"], 0.0)
