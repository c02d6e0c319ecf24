# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import phonenumbers

from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _repair_phone_national(self, number):
        """R-03: a stored phone number as people read it: in the national
        format of its own country when that is the company's country
        (``021 5033 7788``, ``138 0013 8000``), in international format when
        it is a foreign number (``+1 415-555-0101``). A value that is not a
        phone number is shown as it is."""
        if not number:
            return ""
        company_country = self.env.company.country_id.code
        try:
            parsed = phonenumbers.parse(number, company_country or None)
        except phonenumbers.NumberParseException:
            return number
        if not phonenumbers.is_possible_number(parsed):
            return number
        region = phonenumbers.region_code_for_number(parsed)
        kind = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if region and region == company_country
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        return phonenumbers.format_number(parsed, kind)
