# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairServiceRegion(models.Model):
    _name = "repair.service.region"
    _description = "Service Region"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    supervisor_ids = fields.Many2many(
        "res.users",
        "repair_service_region_supervisor_rel",
        "region_id",
        "user_id",
        string="Regional CS Supervisors",
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("repair_service_mgmt.group_cs_supervisor").id,
            )
        ],
        help="Regional CS supervisors see the outlets, applications and "
        "violations of this region.",
    )
    outlet_ids = fields.One2many("repair.service.outlet", "region_id", string="Outlets")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A region code is unique per company.",
        )
    ]
