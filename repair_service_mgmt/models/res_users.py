# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    repair_region_ids = fields.Many2many(
        "repair.service.region",
        "repair_service_region_supervisor_rel",
        "user_id",
        "region_id",
        string="Supervised Regions",
    )

    repair_region_limited = fields.Boolean(
        compute="_compute_repair_region_limited",
        help="A regional CS supervisor (not a CS-centre manager) sees only the "
        "outlets, applications and violations of their regions.",
    )

    @api.depends_context("uid")
    def _compute_repair_region_limited(self):
        for user in self:
            user.repair_region_limited = user.has_group(
                "repair_service_mgmt.group_cs_supervisor"
            ) and not user.has_group("repair_service_mgmt.group_cs_manager")

    def _repair_is_outlet_only(self):
        """An outlet role (technician, outlet staff or manager) without a CS
        centre, finance or sales-manager role: limited to its outlet's sales."""
        self.ensure_one()
        return (
            self.has_group("repair_service_mgmt.group_technician")
            and not self.has_group("repair_service_mgmt.group_cs_agent")
            and not self.has_group("account.group_account_invoice")
            and not self.has_group("sales_team.group_sale_manager")
        )
