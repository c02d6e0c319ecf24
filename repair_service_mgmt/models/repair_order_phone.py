# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError


class RepairOrder(models.Model):
    """Phone numbers of the caller (R-03): read in the customer's country,
    then the outlet's, then the company's; stored in E.164, shown in the
    national format."""

    _inherit = "repair.order"

    customer_phone_display = fields.Char(
        string="Phone",
        compute="_compute_customer_phone_display",
        search="_search_customer_phone_display",
        help="The customer's phone number as it is dialled in its country.",
    )

    @api.depends_context("company")
    @api.depends("customer_phone", "partner_id.phone", "partner_id.mobile")
    def _compute_customer_phone_display(self):
        Partner = self.env["res.partner"]
        for order in self:
            number = (
                order.customer_phone
                or order.partner_id.phone
                or order.partner_id.mobile
            )
            order.customer_phone_display = Partner._repair_phone_national(number)

    def _search_customer_phone_display(self, operator, value):
        """A number typed as it is dialled finds the stored E.164 one: a
        whole number exactly, a part by its digits (without the trunk 0)."""
        if operator not in ("ilike", "=", "=ilike") or not isinstance(value, str):
            return [("customer_phone", operator, value)]
        try:
            number = self.env["res.partner"]._repair_phone_e164(value)
        except UserError:
            number = False
        if number:
            return [("customer_phone", "=", number)]
        digits = re.sub(r"\D", "", value).lstrip("0")
        if not digits:
            return [("customer_phone", operator, value)]
        return [("customer_phone", "like", digits)]

    def _normalise_phone(self, number, partner=None, outlet=None):
        country = (
            (partner and partner.country_id)
            or (outlet and outlet.country_id)
            or self.env.company.country_id
        )
        return self.env["res.partner"]._repair_phone_e164(number, country)

    def _prepare_intake_vals(self, vals):
        if vals.get("customer_phone"):
            partner = self.env["res.partner"].browse(vals.get("partner_id"))
            if "outlet_id" in vals:
                outlet = self.env["repair.service.outlet"].browse(vals["outlet_id"])
            else:
                outlet = self.outlet_id if len(self) == 1 else None
            # the number in E.164 before the intake looks the caller up
            vals["customer_phone"] = self._normalise_phone(
                vals["customer_phone"], partner, outlet
            )
        return super()._prepare_intake_vals(vals)
