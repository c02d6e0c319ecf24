# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairWarrantyPolicy(models.Model):
    """R-25: the depreciation of a refunded unit."""

    _inherit = "repair.warranty.policy"

    depreciation_rate = fields.Float(
        string="Depreciation (%/day)",
        default=0.1,
        digits=(16, 4),
        help="A refund after use deducts this percentage of the invoiced price "
        "for each day from the purchase date, less the days in repair and "
        "waiting for parts.",
    )
    depreciation_in_refund_window = fields.Boolean(
        string="Depreciation inside the Refund Window",
        help="Off (the national rule): a refund inside the refund window is "
        "the full invoiced price.",
    )

    _sql_constraints = [
        (
            "depreciation_rate_range",
            "CHECK(depreciation_rate >= 0 AND depreciation_rate <= 100)",
            "The depreciation rate is a percentage a day between 0 and 100.",
        ),
    ]
