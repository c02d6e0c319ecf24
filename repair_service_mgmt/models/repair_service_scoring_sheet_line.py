# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from .repair_service_scoring_metric import METRIC_CODES
from .repair_service_workflow_mixin import ALL_FIELDS

_lt = LazyTranslate(__name__)

INDICATORS = [
    ("metric", "Metric score"),
    ("deadlines_met", "Deadlines met"),
    ("contact_median", "Median time to first contact"),
    ("first_time_fix", "First-time fix"),
    ("rework", "Reworks"),
    ("repeat_repair", "Repeat repairs"),
    ("attitude_complaints", "Valid attitude complaints"),
    ("mean_satisfaction", "Mean follow-up score"),
    ("failed_checklist", "Follow-ups with a failed checklist item"),
    ("violations", "Confirmed violations"),
]

# what each figure counts and how it becomes points (0–100); %(param)s is
# the scheme's parameter stored on the line
DEFINITIONS = {
    "deadlines_met": _lt(
        "Deadlines met ÷ deadlines concluded (met or missed): the contact and "
        "appointment deadlines of the orders dispatched in the period and of "
        "their visits. Points = 100 × share met. No deadline concluded: not "
        "scored."
    ),
    "contact_median": _lt(
        "Median minutes from dispatch to the first contact with the customer, "
        "over the orders dispatched in the period and contacted. Points: 100 "
        "at or below %(param)s minutes, 0 at twice that or more, linear in "
        "between. No contacted order: not scored."
    ),
    "first_time_fix": _lt(
        "Orders completed in the period at the first visit and never sent back "
        "to repair ÷ orders completed. Points = 100 × rate. No completed "
        "order: not scored."
    ),
    "rework": _lt(
        "Orders completed in the period that the customer disputed and that "
        "went back to repair ÷ orders completed. Points = 100 − 100 × rate. "
        "No completed order: not scored."
    ),
    "repeat_repair": _lt(
        "Orders completed in the period whose serial number came back in a "
        "new order within %(param)s days ÷ orders completed with a serial "
        "number. Points = 100 − 100 × rate. None with a serial number: not "
        "scored."
    ),
    "attitude_complaints": _lt(
        "Valid complaints about the service attitude received in the period "
        "per 100 orders dispatched in the period. Points = 100 − 50 × "
        "complaints per 100 orders (0 from 2 per 100 orders). No order "
        "dispatched: not scored."
    ),
    "mean_satisfaction": _lt(
        "Sum of the satisfaction scores (1–5) ÷ follow-up calls done in the "
        "period with a score. Points = 100 × (mean − 1) ÷ 4. No scored call: "
        "not scored."
    ),
    "failed_checklist": _lt(
        "Follow-up calls done in the period with at least one checklist "
        "answer “No” ÷ follow-up calls done. Points = 100 − 100 × share. No "
        "call done: not scored."
    ),
    "violations": _lt(
        "Violations of the period confirmed by the CS centre, and their fines. "
        "Each takes %(param)s points off the score (never below zero). Scoring "
        "never creates a violation, fine or suspension."
    ),
}


class RepairServiceScoringSheetLine(models.Model):
    """One figure of a score sheet: a metric's points and weight, or one of
    its indicators with its raw figures (numerator, denominator), its value,
    its points and how they were computed."""

    _name = "repair.service.scoring.sheet.line"
    _description = "Outlet Score Sheet Figure"
    _inherit = ["repair.service.workflow.mixin"]
    _order = "sheet_id, sequence, id"
    _workflow_fields = (
        "sheet_id",
        "sequence",
        "metric_code",
        "indicator",
        "metric_id",
        "weight",
        "numerator",
        "denominator",
        "value",
        "points",
        "scored",
        "param",
    )
    _workflow_locks = (([("sheet_id.state", "=", "confirmed")], ALL_FIELDS),)

    sheet_id = fields.Many2one(
        "repair.service.scoring.sheet", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="sheet_id.company_id", store=True)
    outlet_id = fields.Many2one(related="sheet_id.outlet_id", store=True)
    period_id = fields.Many2one(related="sheet_id.period_id", store=True)
    sequence = fields.Integer(readonly=True)
    metric_code = fields.Selection(
        METRIC_CODES + [("violations", "Violations")],
        string="Metric",
        required=True,
        readonly=True,
    )
    indicator = fields.Selection(
        INDICATORS, string="Figure", required=True, readonly=True
    )
    metric_id = fields.Many2one(
        "repair.service.scoring.metric", string="Scheme Metric", readonly=True
    )
    weight = fields.Float(readonly=True)
    numerator = fields.Float(readonly=True, digits=(16, 2))
    denominator = fields.Float(readonly=True, digits=(16, 2))
    value = fields.Float(readonly=True, digits=(16, 2))
    points = fields.Float(readonly=True, digits=(5, 2))
    scored = fields.Boolean(readonly=True)
    param = fields.Float(string="Parameter", readonly=True)
    definition = fields.Text(compute="_compute_definition")

    _sql_constraints = [
        (
            "figure_uniq",
            "unique(sheet_id, metric_code, indicator)",
            "A score sheet has each figure once.",
        ),
    ]

    @api.depends("indicator", "metric_id.definition", "param")
    def _compute_definition(self):
        for line in self:
            if line.indicator == "metric":
                line.definition = line.metric_id.definition or False
                continue
            text = DEFINITIONS.get(line.indicator)
            if not text:
                line.definition = False
                continue
            translated = self.env._(text)
            line.definition = translated % {"param": format(line.param, "g")}
