# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RepairServiceFaultCode(models.Model):
    """R-09: the catalogue of fault symptoms and causes a diagnosis is made of.
    A cause says whether the repair is simple or complex, which sets the
    repair-time target (R-13)."""

    _name = "repair.service.fault.code"
    _description = "Fault Code"
    _order = "kind, sequence, code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [("symptom", "Symptom"), ("cause", "Cause")], required=True, default="symptom"
    )
    complexity = fields.Selection(
        [("simple", "Simple fault"), ("complex", "Complex fault")],
        default="simple",
        help="Causes only: the repair-time target of the order.",
    )
    categ_ids = fields.Many2many(
        "product.category",
        string="Product Categories",
        help="Offered for products of these categories (empty: all products).",
    )
    description = fields.Text()
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Leave empty to share it with every company.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_kind_uniq",
            "unique(code, kind)",
            "A fault code is used once per kind: choose another code.",
        )
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for code in self:
            code.display_name = f"[{code.code}] {code.name}" if code.code else code.name
