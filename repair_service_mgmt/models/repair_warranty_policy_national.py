# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairWarrantyPolicy(models.Model):
    """R-25: the national 三包 rules, with their defaults (0 disables one)."""

    _inherit = "repair.warranty.policy"

    parts_missing_days = fields.Integer(
        string="Exchange when Parts Missing (days)",
        default=90,
        help="In warranty, an exchange is offered when the order still waits "
        "for parts this many days after carry-in (0: never).",
    )
    repair_delay_days = fields.Integer(
        string="Exchange when Repair Late (days)",
        default=30,
        help="In warranty, an exchange is offered when an order is still not "
        "done more than this many days after carry-in (0: never).",
    )
    durable_goods = fields.Boolean(
        default=True,
        help="A defect found soon after delivery is presumed the seller's: an "
        "exclusion recorded in that window counts only once the CS centre "
        "confirms it.",
    )
    presumption_months = fields.Integer(
        string="Seller's Presumption (months)",
        default=6,
        help="Months from delivery during which a defect of a durable good is "
        "presumed the seller's (0: no presumption).",
    )

    _sql_constraints = [
        (
            "national_days_positive",
            (
                "CHECK(parts_missing_days >= 0 AND repair_delay_days >= 0 "
                "AND presumption_months >= 0)"
            ),
            "Days and months are counted from zero (0 disables a rule).",
        ),
    ]
