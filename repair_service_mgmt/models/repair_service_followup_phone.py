# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RepairServiceFollowup(models.Model):
    """The number the CS agent calls, shown as it is dialled (R-03)."""

    _inherit = "repair.service.followup"

    customer_phone_display = fields.Char(
        string="Customer Phone",
        compute="_compute_customer_phone_display",
    )

    @api.depends_context("company")
    @api.depends("customer_phone")
    def _compute_customer_phone_display(self):
        Partner = self.env["res.partner"]
        for followup in self:
            followup.customer_phone_display = Partner._repair_phone_national(
                followup.customer_phone
            )
