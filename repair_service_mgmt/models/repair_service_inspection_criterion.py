# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairServiceInspectionCriterion(models.Model):
    """R-42: a line of the site-inspection checklist."""

    _name = "repair.service.inspection.criterion"
    _description = "Site Inspection Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    max_score = fields.Float(required=True, default=25.0)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Leave empty to share it with every company.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "max_score_positive",
            "check(max_score > 0)",
            "The maximum score is positive.",
        ),
    ]
