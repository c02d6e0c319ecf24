# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MODULE = "repair_service_mgmt"
# who the order is for and who sells it: never an outlet's to change
PARTY_FIELDS = (
    "partner_id",
    "partner_invoice_id",
    "partner_shipping_id",
    "user_id",
    "team_id",
    "company_id",
    "pricelist_id",
    "currency_id",
    "fiscal_position_id",
)


class SaleOrder(models.Model):
    """Sales documents of service orders: outlet roles touch only their
    outlet's quotations (record rules), never the parties of an order nor
    the money of a confirmed or invoiced one; customer service checks the
    fees before the customer is invoiced (R-16)."""

    _inherit = "sale.order"

    repair_service = fields.Boolean(
        string="Service Order Sale",
        compute="_compute_repair_service",
        search="_search_repair_service",
        help="The sale of a repair order dispatched to a service outlet.",
    )
    repair_fee_check_user_id = fields.Many2one(
        "res.users",
        string="Fees Checked By",
        readonly=True,
        copy=False,
        tracking=True,
    )
    repair_fee_check_date = fields.Datetime(
        string="Fees Checked On", readonly=True, copy=False
    )
    repair_fee_check_note = fields.Text(
        string="Fee Check Note",
        copy=False,
        tracking=True,
        help="Why a price differs from the price list (a store-negotiated or "
        "local rate), recorded with the fee check.",
    )

    def _compute_repair_service(self):
        for order in self:
            order.repair_service = bool(order.sudo().repair_order_ids.outlet_id)

    def _search_repair_service(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on service order sales."))
        positive = (operator == "=") == value
        return [("repair_order_ids.outlet_id", "!=" if positive else "=", False)]

    def write(self, vals):
        self._check_outlet_write(vals)
        note = "repair_fee_check_note" in vals and not self.env.su
        if note and not self.env.user.has_group(f"{MODULE}.group_cs_agent"):
            raise AccessError(
                self.env._(
                    "Only a user with the role “%(role)s” writes the fee check "
                    "note of a sale order.",
                    role=self.env.ref(f"{MODULE}.group_cs_agent").name,
                )
            )
        result = super().write(vals)
        if note:
            # the reason was part of what was checked: check again
            self._repair_fee_check_void()
        return result

    def _check_outlet_write(self, vals):
        if self.env.su or not self.env.user._repair_is_outlet_only():
            return
        parties = sorted(set(vals) & set(PARTY_FIELDS))
        if parties:
            raise AccessError(
                self.env._(
                    "Outlets do not change %(fields)s of a sale order: ask the "
                    "CS centre.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in parties
                    ),
                )
            )
        self._check_outlet_may_change_money()

    def _check_outlet_may_change_money(self):
        """Outlet roles change the money of a draft quotation only."""
        if self.env.su or not self.env.user._repair_is_outlet_only():
            return
        for order in self.sudo():
            if order.state not in ("draft", "sent") or order.invoice_ids:
                raise AccessError(
                    self.env._(
                        "%(order)s is confirmed or invoiced: its lines, prices and "
                        "discounts are kept. Ask the CS centre or finance for a "
                        "correction (a credit note).",
                        order=order.name,
                    )
                )

    # ------------------------------------------------------------------
    # Fee check before invoicing
    # ------------------------------------------------------------------
    def _repair_fee_deviations(self):
        """Lines whose net price is not the price list's (zero in warranty)."""
        self.ensure_one()
        in_warranty = all(self.repair_order_ids.mapped("under_warranty"))
        deviations = []
        for line in self.order_line.filtered(
            lambda sol: not sol.display_type and sol.product_id
        ):
            expected = 0.0 if in_warranty else line._repair_list_price()
            charged = line.price_unit * (1.0 - (line.discount or 0.0) / 100.0)
            if self.currency_id.compare_amounts(charged, expected):
                deviations.append(
                    self.env._(
                        "%(product)s: %(charged)s instead of %(expected)s",
                        product=line.product_id.display_name,
                        charged=self.currency_id.round(charged),
                        expected=self.currency_id.round(expected),
                    )
                )
        return deviations

    def action_repair_check_fees(self):
        """A CS agent confirms the quotation's lines against the price list;
        a price that differs needs its reason in the note."""
        if not self.env.user.has_group(f"{MODULE}.group_cs_agent"):
            raise AccessError(
                self.env._(
                    "Only a user with the role “%(role)s” may check the fees of "
                    "a service order.",
                    role=self.env.ref(f"{MODULE}.group_cs_agent").name,
                )
            )
        for order in self:
            if not order.repair_service:
                raise UserError(
                    self.env._(
                        "%(order)s is not the sale of a service order: its fees "
                        "need no check.",
                        order=order.name,
                    )
                )
            deviations = order._repair_fee_deviations()
            if deviations and not (order.repair_fee_check_note or "").strip():
                raise UserError(
                    self.env._(
                        "%(order)s has prices that differ from the price list "
                        "(%(lines)s). Write the reason in the fee check note (for "
                        "example a store-negotiated rate), then check again.",
                        order=order.name,
                        lines="; ".join(deviations),
                    )
                )
            order.sudo().write(
                {
                    "repair_fee_check_user_id": self.env.uid,
                    "repair_fee_check_date": fields.Datetime.now(),
                }
            )
            order.message_post(
                body=self.env._(
                    "Fees checked against the price list by %(user)s.",
                    user=self.env.user.name,
                )
            )
        return True

    def _repair_fee_check_void(self):
        """The lines changed after the check: it has to be done again."""
        checked = self.sudo().filtered("repair_fee_check_date")
        if checked:
            checked.write(
                {"repair_fee_check_user_id": False, "repair_fee_check_date": False}
            )
            for order in checked:
                order.message_post(
                    body=self.env._(
                        "The lines changed after the fee check: the fees are "
                        "checked again before the invoice."
                    )
                )

    @api.model
    def _repair_check_fees_before_invoice(self, orders):
        unchecked = orders.sudo().filtered(
            lambda o: o.repair_service and not o.repair_fee_check_date
        )
        if unchecked:
            raise UserError(
                self.env._(
                    "The fees of %(orders)s are not checked yet: customer service "
                    "checks them against the price list (Check Fees on the sale "
                    "order) before the customer is invoiced.",
                    orders=", ".join(unchecked.mapped("name")),
                )
            )
