# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
    repair_message_edit_minutes = fields.Integer(
        string="Own Messages Editable For (minutes)",
        config_parameter="repair_service_mgmt.message_edit_minutes",
        default=0,
        help="How long after posting users may still change or delete their own "
        "message on a repair order or another service record. 0: never. System "
        "notes, notifications and tracked changes are always kept.",
    )
