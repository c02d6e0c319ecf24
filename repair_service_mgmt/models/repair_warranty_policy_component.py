# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RepairWarrantyPolicyComponent(models.Model):
    """R-25: a component's own warranty under a policy."""

    _name = "repair.warranty.policy.component"
    _description = "Component Warranty"
    _order = "policy_id, component_id"

    policy_id = fields.Many2one(
        "repair.warranty.policy", required=True, ondelete="cascade", index=True
    )
    component_id = fields.Many2one(
        "repair.warranty.component", required=True, ondelete="restrict"
    )
    months = fields.Integer(
        required=True,
        default=36,
        help="Months from the purchase date during which this component is "
        "repaired free of charge.",
    )

    _sql_constraints = [
        (
            "policy_component_uniq",
            "unique(policy_id, component_id)",
            "A component has one warranty per policy.",
        ),
        (
            "months_positive",
            "CHECK(months >= 0)",
            "A component warranty cannot last a negative number of months.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.policy_id._recompute_open_orders()
        return lines

    def write(self, vals):
        result = super().write(vals)
        self.policy_id._recompute_open_orders()
        return result

    def unlink(self):
        policies = self.policy_id
        result = super().unlink()
        policies._recompute_open_orders()
        return result
