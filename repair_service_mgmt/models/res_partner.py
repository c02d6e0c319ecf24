# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    repair_phone_e164 = fields.Char(
        string="Phone (E.164)",
        compute="_compute_repair_phone_e164",
        store=True,
        index="btree_not_null",
        help="The phone number in international E.164 form, used to find a "
        "caller (R-03).",
    )

    @api.depends("phone", "mobile", "country_id")
    def _compute_repair_phone_e164(self):
        for partner in self:
            number = partner.phone or partner.mobile
            country = partner.country_id or self.env.company.country_id
            partner.repair_phone_e164 = (
                partner._phone_format_number(number, country) if number else False
            )
