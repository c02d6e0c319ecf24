# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

MODULE = "repair_service_mgmt"
# settings of the whole database (the public application page), with their
# type and default: read through ``_repair_param`` only
PARAMS = {
    "upload_max_mb": (float, 10.0),
    "upload_extensions": (str, "pdf,jpg,jpeg,png"),
    "message_edit_minutes": (int, 0),
}


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # per company: res.company holds the value and its default
    repair_inspection_pass_mark = fields.Float(
        related="company_id.repair_inspection_pass_mark", readonly=False
    )
    repair_certificate_validity_years = fields.Integer(
        related="company_id.repair_certificate_validity_years", readonly=False
    )
    repair_certificate_warning_days = fields.Integer(
        related="company_id.repair_certificate_warning_days", readonly=False
    )
    repair_allow_inspector_decision = fields.Boolean(
        related="company_id.repair_allow_inspector_decision", readonly=False
    )
    repair_followup_days = fields.Integer(
        related="company_id.repair_followup_days", readonly=False
    )
    repair_followup_problem_score = fields.Integer(
        related="company_id.repair_followup_problem_score", readonly=False
    )
    # the whole database
    repair_upload_max_mb = fields.Float(
        string="Largest Upload (MB)",
        config_parameter=f"{MODULE}.upload_max_mb",
        default=PARAMS["upload_max_mb"][1],
    )
    repair_upload_extensions = fields.Char(
        string="Allowed File Types",
        config_parameter=f"{MODULE}.upload_extensions",
        default=PARAMS["upload_extensions"][1],
        help="File extensions accepted on the public application page, "
        "separated by commas.",
    )
    repair_application_hourly_limit = fields.Integer(
        related="company_id.repair_application_hourly_limit", readonly=False
    )
    repair_message_edit_minutes = fields.Integer(
        string="Own Messages Editable For (minutes)",
        config_parameter=f"{MODULE}.message_edit_minutes",
        default=PARAMS["message_edit_minutes"][1],
        help="How long after posting users may still change or delete their own "
        "message on a repair order or another service record. 0: never. System "
        "notes, notifications and tracked changes are always kept.",
    )

    @api.model
    def _repair_param(self, key):
        """A database-wide setting of the module, typed, with its default."""
        kind, default = PARAMS[key]
        value = self.env["ir.config_parameter"].sudo().get_param(f"{MODULE}.{key}")
        try:
            return kind(value) if value not in (None, False, "") else default
        except (TypeError, ValueError):
            return default

    def set_values(self):
        result = super().set_values()
        # the follow-up deadline follows the follow-up delay
        policy = self.env.ref(f"{MODULE}.sla_policy_followup_call", False)
        if policy:
            policy.sudo().hours = self.repair_followup_days * 24
        return result
