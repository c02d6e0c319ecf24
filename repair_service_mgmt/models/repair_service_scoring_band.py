# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .repair_service_bounds import MAX_AMOUNT, check_bounds

MEASURE_KINDS = [
    ("bonus", "Bonus"),
    ("promotion", "Promotion"),
    ("recognition", "Recognition"),
    ("training", "Training"),
    ("coaching", "Coaching"),
    ("incentive", "Incentive"),
    ("violation_review", "Violation review"),
]


class RepairServiceScoringBand(models.Model):
    """R-46: a grade (优秀, 良好, 合格, 不合格) reached from a minimum score,
    and the measures it proposes. Warnings, fines and suspension come only
    from violations (R-45): a poor grade proposes at most a violation
    review."""

    _name = "repair.service.scoring.band"
    _description = "Outlet Scoring Grade"
    _order = "scheme_id, min_score desc, id"

    scheme_id = fields.Many2one(
        "repair.service.scoring.scheme", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="scheme_id.company_id", store=True)
    name = fields.Char(string="Grade", required=True, translate=True)
    min_score = fields.Float(string="Minimum Score", required=True)
    measure_ids = fields.One2many(
        "repair.service.scoring.band.measure", "band_id", string="Measures", copy=True
    )

    @api.constrains("min_score")
    def _check_min_score(self):
        check_bounds(self, "min_score", 100.0)


class RepairServiceScoringBandMeasure(models.Model):
    """A measure a grade proposes: a reward (bonus with its amount,
    promotion, recognition) or support (training, coaching, incentive), or
    a violation review by the CS centre."""

    _name = "repair.service.scoring.band.measure"
    _description = "Outlet Scoring Grade Measure"
    _order = "band_id, id"

    band_id = fields.Many2one(
        "repair.service.scoring.band", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="band_id.company_id", store=True)
    kind = fields.Selection(MEASURE_KINDS, required=True)
    amount = fields.Float(help="The bonus paid to the outlet (bonus only).")
    note = fields.Char(translate=True)

    @api.constrains("amount", "kind")
    def _check_amount(self):
        check_bounds(self, "amount", MAX_AMOUNT)
