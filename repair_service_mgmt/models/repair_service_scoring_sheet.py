# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import float_round

from .repair_service_workflow_mixin import ALL_FIELDS

# the figures of a sheet: written by the period's close only
SHEET_FIGURES = (
    "period_id",
    "outlet_id",
    "state",
    "scored",
    "score",
    "rank",
    "ranked_count",
    "band_id",
    "order_count",
    "violation_count",
    "fine_amount",
    "violation_deduction",
    "response_score",
    "quality_score",
    "attitude_score",
    "satisfaction_score",
    "confirmed_at",
)


class RepairServiceScoringSheet(models.Model):
    """R-46: the score of one outlet for one period (考核表), computed from
    the records of the period when the period is closed; frozen once the
    CS-centre manager confirmed it. Nobody types a figure."""

    _name = "repair.service.scoring.sheet"
    _description = "Outlet Score Sheet"
    _inherit = ["mail.thread", "repair.service.workflow.mixin"]
    _order = "date_from desc, ranked desc, rank, score desc, id"
    _check_company_auto = True
    _rec_names_search = ["outlet_id", "period_id"]
    _workflow_fields = SHEET_FIGURES
    _workflow_locks = (([("state", "=", "confirmed")], ALL_FIELDS),)

    period_id = fields.Many2one(
        "repair.service.scoring.period",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    outlet_id = fields.Many2one(
        "repair.service.outlet",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True, index=True)
    region_id = fields.Many2one(related="outlet_id.region_id", store=True)
    scheme_id = fields.Many2one(related="period_id.scheme_id")
    period_kind = fields.Selection(related="period_id.kind", store=True)
    date_from = fields.Date(related="period_id.date_from", store=True)
    date_to = fields.Date(related="period_id.date_to")
    state = fields.Selection(
        [("proposed", "To confirm"), ("confirmed", "Confirmed")],
        default="proposed",
        required=True,
        readonly=True,
        tracking=True,
    )
    scored = fields.Boolean(
        readonly=True,
        help="Whether the period gave anything to score: an outlet without "
        "orders, deadlines or follow-up calls in the period is not scored, "
        "ranked or graded.",
    )
    score = fields.Float(readonly=True, tracking=True, aggregator="avg", digits=(5, 2))
    ranked = fields.Boolean(compute="_compute_ranked", store=True)
    rank = fields.Integer(readonly=True, aggregator="min", tracking=True)
    ranked_count = fields.Integer(
        string="Outlets Ranked", readonly=True, aggregator="max"
    )
    band_id = fields.Many2one(
        "repair.service.scoring.band", string="Grade", readonly=True, tracking=True
    )
    order_count = fields.Integer(string="Orders", readonly=True)
    violation_count = fields.Integer(string="Violations", readonly=True)
    fine_amount = fields.Monetary(string="Fines", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    violation_deduction = fields.Float(
        string="Deduction for Violations", readonly=True, digits=(5, 2)
    )
    response_score = fields.Float(
        string="Response Speed", readonly=True, aggregator="avg", digits=(5, 2)
    )
    quality_score = fields.Float(
        string="Service Quality", readonly=True, aggregator="avg", digits=(5, 2)
    )
    attitude_score = fields.Float(
        string="Service Attitude", readonly=True, aggregator="avg", digits=(5, 2)
    )
    satisfaction_score = fields.Float(
        string="Customer Satisfaction", readonly=True, aggregator="avg", digits=(5, 2)
    )
    line_ids = fields.One2many(
        "repair.service.scoring.sheet.line", "sheet_id", string="Figures"
    )
    measure_ids = fields.One2many(
        "repair.service.scoring.measure", "sheet_id", string="Measures"
    )
    confirmed_at = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "period_outlet_uniq",
            "unique(period_id, outlet_id)",
            "An outlet has one score sheet per period.",
        ),
    ]

    @api.depends("period_id.name", "outlet_id.name")
    def _compute_display_name(self):
        for sheet in self:
            sheet.display_name = self.env._(
                "%(outlet)s – %(period)s",
                outlet=sheet.outlet_id.name or "",
                period=sheet.period_id.name or "",
            )

    @api.depends("rank")
    def _compute_ranked(self):
        for sheet in self:
            sheet.ranked = bool(sheet.rank)

    def _confirm(self):
        """Freeze the sheets and confirm their proposed measures (the
        period's confirm, which checked the role)."""
        now = fields.Datetime.now()
        self.measure_ids.filtered(
            lambda m: m.state == "proposed"
        )._workflow_step().write({"state": "confirmed"})
        self._workflow_step().write({"state": "confirmed", "confirmed_at": now})

    def action_confirm(self):
        """Sheets are confirmed with their period, by the CS-centre manager."""
        self._check_role("group_cs_manager", self.env._("confirm a score sheet"))
        return self.period_id.action_confirm()

    # ------------------------------------------------------------------
    # Written by the period's close (as superuser)
    # ------------------------------------------------------------------
    def _sync_lines(self, lines):
        """Create the missing figures, update the changed ones."""
        from .repair_service_scoring_period_close import _write_changed

        self.ensure_one()
        existing = {(line.metric_code, line.indicator): line for line in self.line_ids}
        to_create = []
        for values in lines:
            line = existing.get((values["metric_code"], values["indicator"]))
            if line:
                _write_changed(line, values)
            else:
                to_create.append(dict(values, sheet_id=self.id))
        if to_create:
            self.env["repair.service.scoring.sheet.line"].sudo().create(to_create)

    def _sync_measures(self):
        """The measures of the sheets' grades, proposed; kept as they are
        when the grade proposes the same ones (created in one go)."""
        to_unlink = self.env["repair.service.scoring.measure"]
        to_create = []
        for sheet in self:
            wanted = {
                (measure.id, measure.kind, float_round(measure.amount, 2))
                for measure in sheet.band_id.measure_ids
            }
            proposed = sheet.measure_ids.filtered(lambda m: m.state == "proposed")
            current = {
                (m.band_measure_id.id, m.kind, float_round(m.amount, 2))
                for m in proposed
            }
            if wanted == current:
                continue
            to_unlink |= proposed
            to_create += [
                {
                    "sheet_id": sheet.id,
                    "band_measure_id": measure.id,
                    "kind": measure.kind,
                    "amount": measure.amount,
                    "note": measure.note,
                }
                for measure in sheet.band_id.measure_ids
            ]
        to_unlink.sudo().unlink()
        self.env["repair.service.scoring.measure"].sudo().create(to_create)
