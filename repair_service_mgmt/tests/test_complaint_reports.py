# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-37: the monthly complaint summary (顾客投诉汇总表) and quality
information monthly report (质量信息月度报表) as XLSX, read back with
openpyxl; the scheduled mail on the 1st."""

import base64
import io
from datetime import datetime

import openpyxl
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import M
from .test_complaint import ComplaintCase

MAY = datetime(2031, 5, 10, 12, 0)


def _workbook(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def _table(ws, header_row=1):
    """{first cell: the row's other cells} below the header row."""
    rows = list(ws.iter_rows(min_row=header_row + 1, values_only=True))
    return {row[0]: tuple(row[1:]) for row in rows if row and row[0] is not None}


@tagged("post_install", "-at_install")
class TestComplaintReports(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quality = new_test_user(
            cls.env, "t_quality_reports", groups=f"{M}.group_quality"
        )
        cls.product2 = cls.env["product.product"].create({"name": "Report washer"})
        cls.recipient = cls.env["res.partner"].create(
            {"name": "Report reader", "email": "reader@example.com"}
        )
        cls.env.company.complaint_report_partner_ids = [Command.clear()]

    def _wizard(self, month="5", year=2031, user=None):
        return (
            self.env["repair.service.complaint.report.wizard"]
            .with_user(user or self.manager)
            .create({"month": month, "year": year})
        )

    def _render(self, wizard, xmlid):
        report = self.env.ref(f"{M}.{xmlid}")
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(wizard.env.user)
            ._render_xlsx(report.report_name, wizard.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        return _workbook(content)

    def _month_complaints(self):
        """Four complaints of May 2031 with their deadline lines; one of
        June and one archived, which do not count."""
        c1 = self._complaint(channel="phone", date=MAY)
        c2 = self._complaint(channel="email", date=MAY)
        c3 = self._complaint(
            channel="phone",
            kind="dealer",
            complainant_type="dealer",
            outlet_id=self.outlet_b.id,
            product_id=self.product2.id,
            date=MAY,
        )
        c4 = self._complaint(
            channel="visit", kind="crisis", outlet_id=False, product_id=False, date=MAY
        )
        self._complaint(channel="phone", date=datetime(2031, 6, 10, 12, 0))
        self._complaint(channel="phone", date=MAY).sudo().active = False
        (c1 | c4).sudo().write({"validity": "valid"})
        c2.sudo().write({"validity": "invalid"})
        Line = self.env["repair.service.sla.line"].sudo()
        Line.search(
            [
                ("res_model", "=", "repair.service.complaint"),
                ("res_id", "in", (c1 | c2 | c3 | c4).ids),
            ]
        ).unlink()
        policies = [
            self.env.ref(f"{M}.sla_policy_complaint_analysed"),
            self.env.ref(f"{M}.sla_policy_complaint_invalid_contact"),
        ]

        def line(complaint, policy, state, deadline):
            return {
                "policy_id": policy.id,
                "res_model": "repair.service.complaint",
                "res_id": complaint.id,
                "start_date": MAY,
                "deadline": deadline,
                "state": state,
            }

        Line.create(
            [
                line(c1, policies[0], "met", datetime(2031, 5, 13)),
                line(c1, policies[1], "met", datetime(2031, 5, 11)),
                line(c2, policies[0], "breached", datetime(2031, 5, 13)),
                # still running past its deadline on the report's day: missed
                line(c3, policies[0], "running", datetime(2031, 5, 13)),
            ]
        )
        return c1, c2, c3, c4

    @freeze_time("2031-06-02 08:00:00")
    def test_r37_complaint_summary_figures(self):
        """The summary counts the month's complaints by kind, channel,
        outlet, product and validity, and the share of deadlines met."""
        self._month_complaints()
        book = self._render(self._wizard(), "action_report_complaint_summary_xlsx")
        summary, by_kind, by_channel, by_outlet, by_product = book.worksheets
        self.assertEqual(summary.cell(1, 1).value, "Complaint Summary")
        self.assertEqual(summary.cell(2, 2).value, "2031-05")
        figures = {key: values[0] for key, values in _table(summary, 5).items()}
        self.assertEqual(
            figures,
            {
                "Complaints": 4,
                "Valid": 2,
                "Invalid": 1,
                "Not Judged Yet": 1,
                "Deadlines Met": 2,
                "Deadlines Missed": 2,
                "Deadlines Met (%)": 50,
            },
        )
        kinds = _table(by_kind)
        # count, valid, invalid, not judged, met, missed, met %
        self.assertEqual(kinds["Customer Complaint"], (2, 1, 1, 0, 2, 1, 66.67))
        self.assertEqual(kinds["Agent/Dealer Complaint"], (1, 0, 0, 1, 0, 1, 0))
        self.assertEqual(kinds["Crisis Event"], (1, 1, 0, 0, 0, 0, None))
        # every kind is listed, those without complaints too
        self.assertEqual(kinds["Batch Quality Accident"][0], 0)
        channels = {label: row[0] for label, row in _table(by_channel).items()}
        self.assertEqual(
            (channels["Phone"], channels["E-mail"], channels["Visit"], channels["Fax"]),
            (2, 1, 1, 0),
        )
        outlets = {label: row[0] for label, row in _table(by_outlet).items()}
        self.assertEqual(
            outlets,
            {self.outlet.display_name: 2, self.outlet_b.display_name: 1, "None": 1},
        )
        products = {label: row[0] for label, row in _table(by_product).items()}
        self.assertEqual(
            products,
            {self.product.display_name: 2, self.product2.display_name: 1, "None": 1},
        )

    @freeze_time("2031-06-02 08:00:00")
    def test_r37_empty_month(self):
        wizard = self._wizard(month="1", year=2030)
        book = self._render(wizard, "action_report_complaint_summary_xlsx")
        figures = {k: v[0] for k, v in _table(book.worksheets[0], 5).items()}
        self.assertEqual(figures["Complaints"], 0)
        self.assertIsNone(figures.get("Deadlines Met (%)"))
        kinds = _table(book.worksheets[1])
        self.assertEqual({row[0] for row in kinds.values()}, {0})
        kinds_count = len(
            self.env["repair.service.complaint"]._fields["kind"].selection
        )
        self.assertEqual(len(kinds), kinds_count)
        self.assertEqual(_table(book.worksheets[3]), {})
        book = self._render(wizard, "action_report_quality_monthly_xlsx")
        figures = {k: v[0] for k, v in _table(book.worksheets[0], 5).items()}
        self.assertEqual(figures["Sheets"], 0)
        self.assertEqual(_table(book.worksheets[-1]), {})

    def test_r37_quality_monthly_report(self):
        """The month's sheets by defect type, product and state, open and
        closed, with the days to close."""
        Sheet = self.env["repair.service.quality.sheet"].with_user(self.agent)

        def sheet(defect, product):
            return Sheet.create(
                {
                    "product_id": product.id,
                    "defect_type": defect,
                    "description": "Defect",
                }
            )

        with freeze_time("2031-05-10 08:00:00"):
            closed = sheet("safety", self.product)
            closed.action_send()
            sent = sheet("safety", self.product2)
            sent.action_send()
            sheet("first_time", self.product)
        with freeze_time("2031-05-12 20:00:00"):
            as_quality = closed.with_user(self.quality)
            as_quality.write({"analysis": "A", "cause": "C", "countermeasure": "M"})
            as_quality.action_analyse()
            as_quality.action_close()
        with freeze_time("2031-06-03 08:00:00"):
            sheet("functional", self.product)
            book = self._render(
                self._wizard(user=self.quality), "action_report_quality_monthly_xlsx"
            )
        self.assertEqual(
            book.worksheets[0].cell(1, 1).value, "Quality Information Monthly Report"
        )
        figures = {k: v[0] for k, v in _table(book.worksheets[0], 5).items()}
        self.assertEqual(
            figures,
            {
                "Sheets": 3,
                "Open": 2,
                "Closed": 1,
                "Cancelled": 0,
                "Average Days to Close": 2.5,
            },
        )
        # sheets, open, closed, cancelled, average days to close
        by_defect = _table(book.worksheets[1])
        self.assertEqual(by_defect["Safety"], (2, 1, 1, 0, 2.5))
        self.assertEqual(by_defect["First-Time"], (1, 1, 0, 0, None))
        self.assertEqual(by_defect["Functional"][0], 0)
        by_product = {k: v[0] for k, v in _table(book.worksheets[2]).items()}
        self.assertEqual(
            by_product, {self.product.display_name: 2, self.product2.display_name: 1}
        )
        by_state = {k: v[0] for k, v in _table(book.worksheets[3]).items()}
        self.assertEqual(
            (by_state["Draft"], by_state["Sent to Quality"], by_state["Closed"]),
            (1, 1, 1),
        )
        listed = _table(book.worksheets[4])
        self.assertEqual(len(listed), 3)
        self.assertLessEqual({closed.name, sent.name}, set(listed))
        self.assertEqual(listed[closed.name][-1], 2.5)

    def test_r37_wizard_defaults_and_access(self):
        with freeze_time("2031-01-15 08:00:00"):
            wizard = self._wizard()
            defaults = (
                self.env["repair.service.complaint.report.wizard"]
                .with_user(self.manager)
                .create({})
            )
        self.assertEqual((defaults.month, defaults.year), ("12", 2030))
        action = wizard.action_complaint_summary()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_type"], "xlsx")
        # the CS agent and the outlets read no monthly report
        with self._refused(AccessError, "not allowed to create"):
            self._wizard(user=self.agent)
        with self._refused(AccessError, "not allowed to create"):
            self._wizard(user=self.tech_a)

    @freeze_time("2031-06-01 01:00:00")
    def test_r37_cron_mails_both_workbooks(self):
        """On the 1st, last month's two workbooks go to the configured
        recipients; nobody configured: nothing sent, no error."""
        self._month_complaints()
        Wizard = self.env["repair.service.complaint.report.wizard"]
        self.assertFalse(Wizard._cron_monthly_reports())
        self.env.company.complaint_report_partner_ids = [
            Command.set(self.recipient.ids)
        ]
        mail = Wizard._cron_monthly_reports()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.recipient)
        self.assertIn("2031-05", mail.subject)
        self.assertEqual(len(mail.attachment_ids), 2)
        names = sorted(mail.attachment_ids.mapped("name"))
        self.assertEqual(
            names,
            [
                "Complaint Summary 2031-05.xlsx",
                "Quality Information Monthly Report 2031-05.xlsx",
            ],
        )
        summary = mail.attachment_ids.filtered(lambda a: a.name.startswith("Complaint"))
        book = _workbook(base64.b64decode(summary.datas))
        figures = {k: v[0] for k, v in _table(book.worksheets[0], 5).items()}
        self.assertEqual(figures["Complaints"], 4)
        self.assertEqual(mail.state, "outgoing")
