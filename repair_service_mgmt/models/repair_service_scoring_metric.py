# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .repair_service_bounds import check_bounds

METRIC_CODES = [
    ("response", "Response speed"),
    ("quality", "Service quality"),
    ("attitude", "Service attitude"),
    ("satisfaction", "Customer satisfaction"),
]


class RepairServiceScoringMetric(models.Model):
    """R-46: one metric of a scoring scheme and its weight. What a metric
    measures is fixed by its code (computed from the records of the
    period); its name, definition and weight are configuration."""

    _name = "repair.service.scoring.metric"
    _description = "Outlet Scoring Metric"
    _order = "scheme_id, sequence, id"

    scheme_id = fields.Many2one(
        "repair.service.scoring.scheme", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="scheme_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    code = fields.Selection(METRIC_CODES, required=True)
    name = fields.Char(required=True, translate=True)
    definition = fields.Text(
        translate=True, help="How the metric is computed, as the outlets read it."
    )
    weight = fields.Float(required=True, default=0.0)

    _sql_constraints = [
        (
            "code_uniq",
            "unique(scheme_id, code)",
            "A scheme scores each metric once.",
        ),
    ]

    @api.constrains("weight")
    def _check_weight(self):
        check_bounds(self, "weight", 100.0)
