# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairServiceRegion(models.Model):
    """Who answers for a region when a deadline is missed: its CS
    supervisors, then the CS-centre manager in charge of it."""

    _inherit = "repair.service.region"

    cs_manager_id = fields.Many2one(
        "res.users",
        string="CS-centre Manager",
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("repair_service_mgmt.group_cs_manager").id,
            )
        ],
        help="The CS-centre manager a missed deadline of this region goes to "
        "when no regional CS supervisor is set.",
    )
