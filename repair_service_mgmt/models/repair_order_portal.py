# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class RepairOrder(models.Model):
    """The customer portal: the customer follows the order and signs the
    consent on /my/repairs (R-09)."""

    _inherit = "repair.order"

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for order in self:
            order.access_url = f"/my/repairs/{order.id}"
        return result

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Repair Record %(order)s", order=self.name)

    def _get_portal_status(self):
        """Where the order stands, in the customer's words."""
        self.ensure_one()
        if self.state == "cancel":
            if self.close_reason == "declined":
                return self.env._("Declined")
            return self.env._("Cancelled")
        if self.state == "done":
            return self.env._("Repaired")
        if self.state == "under_repair":
            return self.env._("Under repair")
        if (
            self.service_mode == "on_site"
            and self.dispatch_state == "accepted"
            and not self.first_arrival_at
        ):
            return self.env._("Technician on the way")
        if self.outlet_id:
            return self.env._("Dispatched to a service outlet")
        return self.env._("Received")

    def _portal_can_sign_consent(self):
        """The diagnosed plan waits for the customer's signature."""
        self.ensure_one()
        return bool(
            self.outlet_id
            and self.state not in ("done", "cancel")
            and self.consent_state in ("none", "renew")
            and self.symptom_id
            and self.cause_id
            and self.repair_plan
        )
