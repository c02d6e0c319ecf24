# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairWarrantyExclusionReason(models.Model):
    """R-22: why a repair inside the warranty period is still charged."""

    _name = "repair.warranty.exclusion.reason"
    _description = "Warranty Exclusion Reason"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share it with every company.",
    )
    active = fields.Boolean(default=True)
