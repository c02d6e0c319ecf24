# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .repair_service_workflow_mixin import ALL_FIELDS

PERIOD_KINDS = [("quarter", "Quarter"), ("half", "Half-year"), ("year", "Year")]


class RepairServiceScoringPeriod(models.Model):
    """R-46: a scoring period (考核期: quarter, half-year, year) of a
    company. Closing it scores every active outlet on one sheet; the
    CS-centre manager confirms the sheets, which freezes them."""

    _name = "repair.service.scoring.period"
    _description = "Outlet Scoring Period"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "repair.service.workflow.mixin",
    ]
    _order = "date_from desc, kind, id desc"
    _check_company_auto = True
    _workflow_fields = ("state", "closed_at", "confirmed_at", "confirmed_by_id")
    _workflow_locks = (
        ([("state", "=", "confirmed")], ALL_FIELDS),
        (
            [("state", "=", "closed")],
            ("kind", "date_from", "date_to", "company_id", "scheme_id"),
        ),
    )

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(PERIOD_KINDS, required=True, default="quarter")
    date_from = fields.Date(required=True, tracking=True)
    date_to = fields.Date(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    scheme_id = fields.Many2one(
        "repair.service.scoring.scheme",
        required=True,
        tracking=True,
        default=lambda self: self.env["repair.service.scoring.scheme"]._scheme_for(
            self.env.company
        ),
        domain="[('company_id', 'in', (company_id, False))]",
    )
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed"), ("confirmed", "Confirmed")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    closed_at = fields.Datetime(readonly=True, copy=False)
    confirmed_at = fields.Datetime(readonly=True, copy=False)
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    sheet_ids = fields.One2many(
        "repair.service.scoring.sheet", "period_id", string="Score Sheets"
    )
    sheet_count = fields.Integer(compute="_compute_sheet_count")

    _sql_constraints = [
        (
            "period_uniq",
            "unique(company_id, kind, date_from)",
            "A company has one scoring period of a kind starting on a date.",
        ),
    ]

    @api.depends("kind", "date_from")
    def _compute_name(self):
        for period in self:
            start = period.date_from
            if not start:
                period.name = False
            elif period.kind == "year":
                period.name = str(start.year)
            elif period.kind == "half":
                period.name = f"{start.year} H{1 if start.month <= 6 else 2}"
            else:
                period.name = f"{start.year} Q{(start.month - 1) // 3 + 1}"

    def _compute_sheet_count(self):
        counts = dict(
            self.env["repair.service.scoring.sheet"]._read_group(
                [("period_id", "in", self.ids)], ["period_id"], ["__count"]
            )
        )
        for period in self:
            period.sheet_count = counts.get(period, 0)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for period in self:
            if period.date_to < period.date_from:
                raise ValidationError(
                    self.env._(
                        "Period %(period)s ends before it starts: set the end "
                        "date on or after the start date.",
                        period=period.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # The periods of a year
    # ------------------------------------------------------------------
    @api.model
    def _year_periods(self, year):
        """(kind, date_from, date_to) of the periods of ``year``."""
        periods = []
        for kind, months in (("quarter", 3), ("half", 6), ("year", 12)):
            for start_month in range(1, 13, months):
                start = date(year, start_month, 1)
                end = start + relativedelta(months=months, days=-1)
                periods.append((kind, start, end))
        return periods

    @api.model
    def _generate_periods(self, year=None, companies=None):
        """Create the missing periods of ``year`` (this year) for
        ``companies`` (all): never a second period of a kind and start."""
        year = year or fields.Date.context_today(self).year
        companies = companies or self.env["res.company"].sudo().search([])
        existing = set(
            self.sudo()
            .search_fetch(
                [
                    ("company_id", "in", companies.ids),
                    ("date_from", ">=", date(year, 1, 1)),
                    ("date_from", "<=", date(year, 12, 31)),
                ],
                ["company_id", "kind", "date_from"],
            )
            .mapped(lambda p: (p.company_id.id, p.kind, p.date_from))
        )
        Scheme = self.env["repair.service.scoring.scheme"]
        vals_list = []
        for company in companies:
            scheme = Scheme._scheme_for(company)
            if not scheme:
                continue
            for kind, start, end in self._year_periods(year):
                if (company.id, kind, start) in existing:
                    continue
                vals_list.append(
                    {
                        "company_id": company.id,
                        "kind": kind,
                        "date_from": start,
                        "date_to": end,
                        "scheme_id": scheme.id,
                    }
                )
        return self.sudo().create(vals_list)

    @api.model
    def _cron_close_periods(self):
        """Create this year's periods, close the open periods that ended,
        and score again those closed before they ended (their last days
        were not counted yet); other closed periods are left as they are."""
        self._generate_periods()
        today = fields.Date.context_today(self)
        ended = (
            self.sudo()
            .search([("state", "in", ("open", "closed")), ("date_to", "<", today)])
            .filtered(
                lambda p: (
                    p.state == "open"
                    or not p.closed_at
                    or p.closed_at.date() <= p.date_to
                )
            )
        )
        for period in ended:
            period._close()
        return True

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------
    def action_close(self):
        """Score every active outlet of the period on its sheet (again, for
        a closed period: the sheets are updated, never duplicated)."""
        self._check_role("group_cs_manager", self.env._("close a scoring period"))
        self._check_state(["open", "closed"], self.env._("close the period"))
        for period in self:
            period.sudo()._close()
        return True

    def action_confirm(self):
        """The CS-centre manager confirms the grades and proposed measures:
        the sheets are frozen."""
        self._check_role("group_cs_manager", self.env._("confirm a scoring period"))
        self._check_state(["closed"], self.env._("confirm the period"))
        now = fields.Datetime.now()
        for period in self:
            sheets = period.sudo().sheet_ids
            sheets._confirm()
            period._workflow_step().write(
                {
                    "state": "confirmed",
                    "confirmed_at": now,
                    "confirmed_by_id": self.env.uid,
                }
            )
        return True

    def action_view_sheets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair_service_mgmt.repair_service_scoring_sheet_action"
        )
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {"default_period_id": self.id}
        return action
