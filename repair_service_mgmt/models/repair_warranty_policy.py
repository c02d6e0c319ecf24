# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.osv.expression import AND, OR


class RepairWarrantyPolicy(models.Model):
    """R-20, R-25, R-26: the warranty terms of a product or a product
    category (the most specific wins; a policy for neither applies to every
    product of its company)."""

    _name = "repair.warranty.policy"
    _description = "Warranty Policy"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Leave empty to share it with every company.",
    )
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Product",
        ondelete="cascade",
        check_company=True,
        help="The policy of this product (it wins over its category's).",
    )
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        ondelete="cascade",
        help="The policy of the products of this category and its subcategories.",
    )
    unit_months = fields.Integer(
        string="Whole-unit Warranty (months)",
        default=12,
        required=True,
        help="Months from the purchase date during which the whole unit is "
        "repaired free of charge.",
    )
    legal_months = fields.Integer(
        string="Legal Minimum (months)",
        default=12,
        required=True,
        help="The warranty the law requires; months beyond it are the brand's "
        "own extension.",
    )
    extended_months = fields.Integer(
        string="Brand Extension (months)",
        compute="_compute_extended_months",
        help="Months the brand grants beyond the legal minimum.",
    )
    component_ids = fields.One2many(
        "repair.warranty.policy.component",
        "policy_id",
        string="Component Warranties",
        copy=True,
    )
    refund_days = fields.Integer(
        string="Refund Window (days)",
        default=7,
        help="Days from the purchase date during which a performance fault "
        "gives the customer the choice of a refund (0: no refund window).",
    )
    exchange_days = fields.Integer(
        string="Exchange Window (days)",
        default=15,
        help="Days from the purchase date during which a performance fault "
        "gives the customer the choice of an exchange (0: no exchange window).",
    )
    extend_by_repair_days = fields.Boolean(
        string="Extend by Days in Repair",
        default=True,
        help="The warranty is extended by the days the unit spent in earlier repairs.",
    )
    repeat_fault_days = fields.Integer(
        string="Repeat Fault Window (days)",
        default=30,
        help="An order for a unit repaired less than these days ago is "
        "flagged as a repeat fault (0: no flag).",
    )
    exchange_after_repairs = fields.Integer(
        string="Exchange after Repairs",
        default=2,
        help="In warranty, an exchange is offered once the unit was repaired "
        "this many times in warranty for the same fault (0: never).",
    )
    use_production_date = fields.Boolean(
        string="Production-date Fallback",
        help="Without a purchase date, count the warranty from the serial "
        "number's production date plus the days below.",
    )
    production_offset_days = fields.Integer(
        string="Days after Production",
        default=90,
        help="Days added to the production date to estimate the purchase date.",
    )

    _sql_constraints = [
        (
            "months_positive",
            "CHECK(unit_months >= 0 AND legal_months >= 0)",
            "A warranty cannot last a negative number of months.",
        ),
        (
            "windows_positive",
            (
                "CHECK(refund_days >= 0 AND exchange_days >= 0 "
                "AND repeat_fault_days >= 0 AND production_offset_days >= 0 "
                "AND exchange_after_repairs >= 0)"
            ),
            "Windows are counted in days from zero (0 disables a window).",
        ),
    ]

    @api.depends("unit_months", "legal_months")
    def _compute_extended_months(self):
        for policy in self:
            policy.extended_months = max(policy.unit_months - policy.legal_months, 0)

    # ------------------------------------------------------------------
    # Open orders follow a changed policy
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        policies = super().create(vals_list)
        policies._recompute_open_orders()
        return policies

    def write(self, vals):
        scope = self._open_orders_domain()
        result = super().write(vals)
        # the orders it covered and those it covers now
        domains = [d for d in (scope, self._open_orders_domain()) if d]
        self._recompute_open_orders(OR(domains) if domains else [])
        return result

    def unlink(self):
        scope = self._open_orders_domain()
        result = super().unlink()
        self._recompute_open_orders(scope)
        return result

    def _open_orders_domain(self):
        """The orders not finished whose product these policies may cover."""
        if not self:
            return []
        if any(not p.product_tmpl_id and not p.categ_id for p in self):
            scope = []
        else:
            scope = OR(
                [
                    [("product_id.product_tmpl_id", "in", self.product_tmpl_id.ids)],
                    [("product_id.categ_id", "child_of", self.categ_id.ids)],
                ]
            )
        return AND([[("state", "not in", ("done", "cancel"))], scope])

    def _recompute_open_orders(self, scope=None):
        """Decide again the open orders these policies cover; their draft
        quotations follow."""
        domain = self._open_orders_domain() if scope is None else scope
        if not domain:
            return
        orders = self.env["repair.order"].sudo().search(domain)
        if not orders:
            return
        before = {order.id: order.under_warranty for order in orders}
        for name in ("under_warranty", "warranty_rule"):
            self.env.add_to_compute(orders._fields[name], orders)
        orders._warranty_follow(before)
