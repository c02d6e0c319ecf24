# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

ADDRESS_FIELDS = ("street", "street2", "city", "zip", "state_id", "country_id")


class ResPartner(models.Model):
    _inherit = "res.partner"

    repair_phone_e164 = fields.Char(
        string="Phone (E.164)",
        compute="_compute_repair_phone_e164",
        store=True,
        index="btree_not_null",
        help="The phone number in international E.164 form, used to find a caller.",
    )
    # the service orders of this customer: outlet users read the customers
    # of their outlet's orders only (record rules)
    repair_service_order_ids = fields.One2many(
        "repair.order", "partner_id", string="Repair Orders (customer)"
    )
    repair_service_outlet_ids = fields.One2many(
        "repair.service.outlet", "partner_id", string="Service Outlets"
    )

    @api.depends("phone", "mobile", "country_id")
    def _compute_repair_phone_e164(self):
        for partner in self:
            number = partner.phone or partner.mobile
            country = partner.country_id or self.env.company.country_id
            partner.repair_phone_e164 = (
                partner._phone_format_number(number, country) if number else False
            )

    @api.model
    def _repair_phone_e164(self, number, country=None):
        """R-03: ``number`` in E.164 form, read in ``country`` (default: the
        company's); a number that is not valid is refused, never kept."""
        country = country or self.env.company.country_id
        try:
            return self._phone_format_number(
                number, country, force_format="E164", raise_exception=True
            )
        except UserError as error:
            raise UserError(
                self.env._(
                    "The phone number “%(number)s” is not valid (%(country)s): "
                    "enter it with its area code, or in international form "
                    "starting with + and the country code.",
                    number=number,
                    country=country.name or self.env._("no country"),
                )
            ) from error

    def signup_prepare(self, signup_type="signup"):
        """Write only the partners whose signup type changes: every portal
        notification on an order prepares its customer's signup, which would
        otherwise write the customer's row each time and make the orders of
        one customer wait for each other."""
        changed = self.filtered(lambda p: p.sudo().signup_type != signup_type)
        return super(ResPartner, changed).signup_prepare(signup_type=signup_type)

    def write(self, vals):
        result = super().write(vals)
        if set(vals) & set(ADDRESS_FIELDS):
            # a new address may take an on-site order out of its area
            self.env["repair.order"].sudo().search(
                [
                    ("partner_id", "in", self.ids),
                    ("outlet_id", "!=", False),
                    ("service_mode", "=", "on_site"),
                    ("state", "not in", ("done", "cancel")),
                ]
            )._check_service_area()
        return result
