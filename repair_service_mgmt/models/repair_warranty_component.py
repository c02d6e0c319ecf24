# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairWarrantyComponent(models.Model):
    """R-25: the main components that carry their own warranty (compressor,
    panel, motor…)."""

    _name = "repair.warranty.component"
    _description = "Warranty Component"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share it with every company.",
    )
    active = fields.Boolean(default=True)
