# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-41: the provinces of the country an applicant chooses on the public
outlet application page (read by ``outlet_application_states.js``)."""

from odoo import http
from odoo.http import request

from .main import RepairServiceApplicationController

STATES_URL = "/repair-service/outlet/states"


class RepairServiceApplicationStates(http.Controller):
    @http.route(STATES_URL, type="http", auth="public", methods=["GET"], readonly=True)
    def outlet_apply_states(self, country_id=None, **kwargs):
        """The provinces of ``country_id`` as ``[{"id", "name", "code"}]``, sorted by
        name; an unknown country has none."""
        country = RepairServiceApplicationController._browse("res.country", country_id)
        states = country.state_ids.sorted("name")
        return request.make_json_response(
            [
                {"id": state.id, "name": state.name, "code": state.code}
                for state in states
            ]
        )
