# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..report.report_complaint_monthly_xlsx import _check_report_access

MODULE = "repair_service_mgmt"
MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]
REPORTS = (
    "action_report_complaint_summary_xlsx",
    "action_report_quality_monthly_xlsx",
)


def _last_month(today=None):
    today = today or fields.Date.today()
    return today.replace(day=1) - relativedelta(months=1)


class RepairServiceComplaintReportWizard(models.TransientModel):
    """R-37: the monthly complaint reports of any month, on demand; the
    scheduled action mails last month's to the configured recipients."""

    _name = "repair.service.complaint.report.wizard"
    _description = "Monthly Complaint Reports"

    month = fields.Selection(
        MONTHS, required=True, default=lambda self: str(_last_month().month)
    )
    year = fields.Integer(required=True, default=lambda self: _last_month().year)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Datetime(compute="_compute_dates")
    date_to = fields.Datetime(compute="_compute_dates")
    period_label = fields.Char(compute="_compute_dates")

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not 2000 <= wizard.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "The year %(year)s is out of range: enter a year between "
                        "2000 and 2100.",
                        year=wizard.year,
                    )
                )

    @api.constrains("company_id")
    def _check_company_of_user(self):
        if self.env.su:
            return
        for wizard in self:
            if wizard.company_id not in self.env.user.company_ids:
                raise AccessError(
                    self.env._(
                        "You may read the reports of your own companies only: "
                        "choose one of them."
                    )
                )

    @api.depends("month", "year", "company_id")
    def _compute_dates(self):
        """The month in the company's time zone, as UTC bounds [from, to[."""
        for wizard in self:
            if not (wizard.month and wizard.year and 2000 <= wizard.year <= 2100):
                wizard.date_from = wizard.date_to = False
                wizard.period_label = False
                continue
            first = datetime(wizard.year, int(wizard.month), 1).date()
            tz = pytz.timezone(wizard.company_id.partner_id.tz or "UTC")

            def utc(day, tz=tz):
                local = tz.localize(datetime.combine(day, time.min))
                return local.astimezone(pytz.UTC).replace(tzinfo=None)

            wizard.date_from = utc(first)
            wizard.date_to = utc(first + relativedelta(months=1))
            wizard.period_label = f"{first:%Y-%m}"

    def _report_action(self, xmlid):
        self.ensure_one()
        _check_report_access(self.env)
        return self.env.ref(f"{MODULE}.{xmlid}").report_action(self)

    def action_complaint_summary(self):
        return self._report_action(REPORTS[0])

    def action_quality_report(self):
        return self._report_action(REPORTS[1])

    def _render_attachments(self):
        """Both workbooks as attachments (of the company)."""
        self.ensure_one()
        Report = self.env["ir.actions.report"].sudo()
        attachments = self.env["ir.attachment"]
        for xmlid in REPORTS:
            report = self.env.ref(f"{MODULE}.{xmlid}").sudo()
            content, _kind = Report._render_xlsx(report.report_name, self.ids, {})
            name = self.env._(
                "%(report)s %(month)s.xlsx",
                report=report.name,
                month=self.period_label,
            )
            attachments |= attachments.sudo().create(
                {
                    "name": name,
                    "datas": base64.b64encode(content),
                    "res_model": "res.company",
                    "res_id": self.company_id.id,
                    "mimetype": "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet",
                }
            )
        return attachments

    @api.model
    def _cron_monthly_reports(self):
        """R-37 (S1 第十一条): on the 1st, last month's two workbooks are
        mailed to each company's recipients (none configured: nothing sent)."""
        month = _last_month()
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("complaint_report_partner_ids", "!=", False)])
        )
        mails = self.env["mail.mail"]
        for company in companies:
            wizard = self.sudo().create(
                {
                    "month": str(month.month),
                    "year": month.year,
                    "company_id": company.id,
                }
            )
            attachments = wizard._render_attachments()
            subject = self.env._(
                "Monthly complaint reports %(month)s – %(company)s",
                month=wizard.period_label,
                company=company.name,
            )
            mails |= mails.sudo().create(
                {
                    "subject": subject,
                    "body_html": Markup("<p>%s</p>")
                    % self.env._(
                        "The complaint summary and the quality information "
                        "monthly report of %(month)s are attached.",
                        month=wizard.period_label,
                    ),
                    "email_from": company.email_formatted
                    or self.env.user.email_formatted,
                    "recipient_ids": [
                        fields.Command.set(company.complaint_report_partner_ids.ids)
                    ],
                    "attachment_ids": [fields.Command.set(attachments.ids)],
                    "auto_delete": False,
                }
            )
        return mails


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_report_partner_ids = fields.Many2many(
        "res.partner",
        "res_company_complaint_report_partner_rel",
        "company_id",
        "partner_id",
        string="Monthly Complaint Reports To",
        help="Who receives the complaint summary and the quality information "
        "monthly report on the 1st of each month (nobody: none is sent).",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_report_partner_ids = fields.Many2many(
        related="company_id.complaint_report_partner_ids", readonly=False
    )
