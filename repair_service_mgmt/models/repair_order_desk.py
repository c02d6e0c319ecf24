# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The CS agent's desk: the caller found as the phone is typed, the
customer's address and last orders on the intake (R-01…R-04), the full
order form after saving, and the on-site technician rule of the dispatch
(R-04, R-07)."""

from odoo import api, fields, models
from odoo.exceptions import UserError

RECENT_ORDERS = 5


class RepairOrder(models.Model):
    _inherit = "repair.order"

    # The address is the customer's (``res.partner``), one per customer: the
    # service area check reads it there (``_covers_address``) and re-checks
    # the open on-site orders when it changes. The intake edits it in place.
    customer_street = fields.Char(
        related="partner_id.street", string="Street", readonly=False
    )
    customer_city = fields.Char(
        related="partner_id.city", string="City", readonly=False
    )
    customer_state_id = fields.Many2one(
        related="partner_id.state_id", string="Province", readonly=False
    )
    customer_zip = fields.Char(related="partner_id.zip", string="ZIP", readonly=False)
    customer_country_id = fields.Many2one(
        related="partner_id.country_id", string="Country", readonly=False
    )
    customer_recent_order_ids = fields.Many2many(
        "repair.order",
        string="Last Orders of the Customer",
        compute="_compute_customer_recent_order_ids",
        help="The customer's most recent repair orders, newest first.",
    )

    @api.depends("partner_id")
    def _compute_customer_recent_order_ids(self):
        partners = self.partner_id
        ids_by_partner = {}
        if partners:
            # one query for all the customers: their orders' ids, newest first
            ids_by_partner = dict(
                self.env["repair.order"]._read_group(
                    [("partner_id", "in", partners.ids)],
                    ["partner_id"],
                    ["id:array_agg"],
                )
            )
        for order in self:
            own = order._origin.id
            ids = sorted(
                (i for i in ids_by_partner.get(order.partner_id, []) if i != own),
                reverse=True,
            )
            order.customer_recent_order_ids = self.browse(ids[:RECENT_ORDERS])

    @api.onchange("customer_phone")
    def _onchange_customer_phone_find_customer(self):
        """R-01: the caller is found while the number is typed; an incomplete
        number is no error here (it is checked when the request is saved)."""
        if not (self.customer_phone or "").strip():
            return
        try:
            number = self._normalise_phone(self.customer_phone, self.partner_id)
        except UserError:
            return
        customer = self._find_customer(number)
        if customer and customer != self.partner_id:
            self.partner_id = customer

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # a new caller is found by this number at the next call: the number
        # goes to a customer who has none (by those who may edit contacts)
        numbers = {}
        for order in orders:
            partner = order.partner_id
            if (
                order.customer_phone
                and partner
                and not (partner.phone or partner.mobile)
            ):
                numbers.setdefault(partner, order.customer_phone)
        for partner, number in numbers.items():
            if partner.has_access("write"):
                partner.phone = number
        return orders

    def action_open_service_order(self):
        """The saved request in the full order form of the repair orders,
        where dispatching is the next step."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/odoo/action-repair_service_mgmt.repair_order_action/{self.id}",
            "target": "self",
        }

    # ------------------------------------------------------------------
    # Dispatch: a technician for every on-site job
    # ------------------------------------------------------------------
    def _dispatch(self, outlet, technician, outside_area_reason=None):
        self._check_dispatcher(self.env._("dispatch a repair order"))
        on_site = self.filtered(lambda o: o.service_mode == "on_site")
        if on_site and not technician:
            raise UserError(
                self.env._(
                    "Choose the technician who goes to the customer: %(orders)s "
                    "is an on-site job.",
                    orders=", ".join(on_site.mapped("display_name")),
                )
            )
        return super()._dispatch(outlet, technician, outside_area_reason)
