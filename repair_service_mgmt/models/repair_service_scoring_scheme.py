# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from .repair_service_bounds import check_bounds


class RepairServiceScoringScheme(models.Model):
    """R-46: how outlets are scored (考核标准): the metrics and their weights,
    the deduction per violation, the grades and the measures each grade
    proposes (奖励与激励, 激励措施).

    A scheme without company is shared by every company that has none of
    its own."""

    _name = "repair.service.scoring.scheme"
    _description = "Outlet Scoring Scheme"
    _inherit = ["mail.thread"]
    _order = "company_id, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to use the scheme for every company without a scheme "
        "of its own.",
    )
    active = fields.Boolean(default=True)
    metric_ids = fields.One2many(
        "repair.service.scoring.metric", "scheme_id", string="Metrics", copy=True
    )
    band_ids = fields.One2many(
        "repair.service.scoring.band", "scheme_id", string="Grades", copy=True
    )
    weight_total = fields.Float(compute="_compute_weight_total")
    violation_deduction = fields.Float(
        string="Deduction per Violation",
        default=5.0,
        tracking=True,
        help="Points taken off the score for each confirmed violation of the "
        "period. The score never falls below zero.",
    )
    deadline_policy_ids = fields.Many2many(
        "repair.service.sla.policy",
        string="Response Deadlines",
        help="The deadlines whose share met makes the response speed: those "
        "of the period's orders and of their visits.",
    )
    contact_target_minutes = fields.Integer(
        string="Contact Target (minutes)",
        default=120,
        tracking=True,
        help="A median time from dispatch to first contact at or below this "
        "scores 100; twice this or more scores 0.",
    )
    repeat_days = fields.Integer(
        string="Repeat Repair Within (days)",
        default=30,
        tracking=True,
        help="A new order for the same serial number within these days after "
        "a completed repair counts as a repeat repair of that repair.",
    )

    @api.depends("metric_ids.weight")
    def _compute_weight_total(self):
        for scheme in self:
            scheme.weight_total = sum(scheme.metric_ids.mapped("weight"))

    @api.constrains("metric_ids")
    def _check_weights(self):
        for scheme in self:
            scheme._check_weights_sum()

    def _check_weights_sum(self):
        self.ensure_one()
        total = sum(self.metric_ids.mapped("weight"))
        if float_compare(total, 100.0, precision_digits=2):
            raise ValidationError(
                self.env._(
                    "The weights of the metrics of %(scheme)s add up to "
                    "%(total)s; they must add up to 100. Change the weights "
                    "and save again.",
                    scheme=self.display_name,
                    total=round(total, 2),
                )
            )

    @api.constrains("violation_deduction", "contact_target_minutes", "repeat_days")
    def _check_figures(self):
        check_bounds(self, "violation_deduction", 100.0)
        for scheme in self:
            if scheme.contact_target_minutes <= 0 or scheme.repeat_days <= 0:
                raise ValidationError(
                    self.env._(
                        "%(scheme)s: the contact target and the repeat repair "
                        "days must be more than zero.",
                        scheme=scheme.display_name,
                    )
                )

    @api.model
    def _scheme_for(self, company):
        """The scheme a company's outlets are scored with."""
        schemes = self.sudo().search(
            [("company_id", "in", (company.id, False))], order="company_id, id"
        )
        own = schemes.filtered(lambda s: s.company_id == company)
        return (own or schemes)[:1]

    def _band_for(self, score):
        """The grade of ``score``: the band with the highest minimum reached."""
        self.ensure_one()
        for band in self.band_ids.sorted("min_score", reverse=True):
            if float_compare(score, band.min_score, precision_digits=2) >= 0:
                return band
        return self.env["repair.service.scoring.band"]
