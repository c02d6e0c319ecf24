# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # R-32 (S0 五(三)2): the complainant is told of the progress every N days
    complaint_progress_days = fields.Integer(
        string="Complaint Progress Report Every (Days)",
        default=3,
        help="An open complaint's progress is reported to the complainant at "
        "this interval.",
    )
    # R-32 (S4 二(1)4): who hears of a complaint escalated past the superiors
    complaint_escalation_group_id = fields.Many2one(
        "res.groups",
        string="Complaint Escalation To",
        default=lambda self: self.env.ref(
            "repair_service_mgmt.group_vice_president", raise_if_not_found=False
        ),
        help="Besides the CS-centre managers, the members of this group get an "
        "escalated complaint.",
    )

    @api.constrains("complaint_progress_days")
    def _check_complaint_progress_days(self):
        for company in self:
            if company.complaint_progress_days < 1:
                raise ValidationError(
                    self.env._(
                        "The complaint progress report interval must be at least "
                        "one day."
                    )
                )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_progress_days = fields.Integer(
        related="company_id.complaint_progress_days", readonly=False
    )
    complaint_escalation_group_id = fields.Many2one(
        related="company_id.complaint_escalation_group_id", readonly=False
    )
