# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .repair_service_application import DEFAULT_HOURLY_LIMIT, HOURLY_LIMIT_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    repair_inspection_pass_mark = fields.Float(
        string="Site Inspection Pass Mark",
        config_parameter="repair_service_mgmt.inspection_pass_mark",
        default=60.0,
    )
    repair_certificate_validity_years = fields.Integer(
        string="Certificate Validity (years)",
        config_parameter="repair_service_mgmt.certificate_validity_years",
        default=3,
    )
    repair_certificate_warning_days = fields.Integer(
        string="Warn Before Certificate Expiry (days)",
        config_parameter="repair_service_mgmt.certificate_warning_days",
        default=30,
    )
    repair_allow_inspector_decision = fields.Boolean(
        string="Inspector May Decide",
        config_parameter="repair_service_mgmt.allow_inspector_decision",
        help="Allow the person who inspected an outlet to approve or reject "
        "its application.",
    )
    repair_upload_max_mb = fields.Integer(
        string="Largest Upload (MB)",
        config_parameter="repair_service_mgmt.upload_max_mb",
        default=10,
    )
    repair_upload_extensions = fields.Char(
        string="Allowed File Types",
        config_parameter="repair_service_mgmt.upload_extensions",
        default="pdf,jpg,jpeg,png",
        help="File extensions accepted on the public application page, "
        "separated by commas.",
    )
    # no config_parameter: such a field stores 0 as "unset", which reads back
    # as the default, and 0 here means "no limit"
    repair_application_hourly_limit = fields.Integer(
        string="Applications per Hour",
        default=DEFAULT_HOURLY_LIMIT,
        help="Applications the public page accepts from one network address "
        "in an hour; 0 means no limit.",
    )
    repair_followup_days = fields.Integer(
        string="Follow-up within (days)",
        config_parameter="repair_service_mgmt.followup_days",
        default=7,
        help="R-15: the CS centre calls the customer back this many days after "
        "the repair is completed.",
    )
    repair_followup_problem_score = fields.Integer(
        string="Problem Score",
        config_parameter="repair_service_mgmt.followup_problem_score",
        default=2,
        help="A satisfaction score (1–5) at or below this is a problem to hand "
        "on to the outlet or as a complaint.",
    )

    @api.constrains("repair_application_hourly_limit")
    def _check_repair_application_hourly_limit(self):
        if any(s.repair_application_hourly_limit < 0 for s in self):
            raise ValidationError(
                self.env._(
                    "Applications per hour cannot be negative (0 means no limit)."
                )
            )

    @api.model
    def get_values(self):
        res = super().get_values()
        res["repair_application_hourly_limit"] = self.env[
            "repair.service.application"
        ]._page_hourly_limit()
        return res

    def set_values(self):
        res = super().set_values()
        self.env["ir.config_parameter"].sudo().set_param(
            HOURLY_LIMIT_PARAM, str(self.repair_application_hourly_limit)
        )
        return res
