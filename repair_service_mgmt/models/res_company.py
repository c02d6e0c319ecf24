# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """The brand's service rules, per company (Settings → Repair Service);
    each default is stated here once."""

    _inherit = "res.company"

    repair_inspection_pass_mark = fields.Float(
        string="Site Inspection Pass Mark",
        default=60.0,
        help="The inspection score an outlet needs to be approved.",
    )
    repair_allow_inspector_decision = fields.Boolean(
        string="Inspector May Decide",
        help="Allow the person who inspected an outlet to approve or reject "
        "its application.",
    )
    repair_certificate_validity_years = fields.Integer(
        string="Certificate Validity (years)", default=3
    )
    repair_certificate_warning_days = fields.Integer(
        string="Warn Before Certificate Expiry (days)", default=30
    )
    repair_followup_days = fields.Integer(
        string="Follow-up within (days)",
        default=7,
        help="The CS centre calls the customer back this many days after the "
        "repair is completed; the follow-up deadline follows it.",
    )
    repair_followup_problem_score = fields.Integer(
        string="Problem Score",
        default=2,
        help="A satisfaction score (1–5) at or below this is a problem to hand "
        "on to the outlet or as a complaint.",
    )
    repair_application_hourly_limit = fields.Integer(
        string="Applications per Hour",
        default=5,
        help="Applications the public page accepts from one network address "
        "in an hour; 0 means no limit.",
    )

    @api.constrains("repair_application_hourly_limit")
    def _check_repair_application_hourly_limit(self):
        if any(company.repair_application_hourly_limit < 0 for company in self):
            raise ValidationError(
                self.env._(
                    "Applications per hour cannot be negative (0 means no limit)."
                )
            )
