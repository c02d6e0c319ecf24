# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


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
        """Where the order stands, in the customer's words, step by step."""
        self.ensure_one()
        step = self.service_step
        if step == "cancel":
            if self.close_reason == "declined":
                return self.env._("Declined")
            return self.env._("Cancelled")
        if step == "accepted":
            if self.service_mode == "on_site" and not self.first_arrival_at:
                return self.env._("Technician on the way")
            return self.env._("Being diagnosed")
        words = {
            "to_dispatch": self.env._("Received"),
            "dispatched": self.env._("Dispatched to a service outlet"),
            "diagnosed": self.env._("Diagnosed: waiting for your consent"),
            "agreed": self.env._("Repair agreed"),
            "under_repair": self.env._("Under repair"),
            "awaiting_acceptance": self.env._("Repaired: please check and accept"),
            "done": self.env._("Repaired"),
        }
        return words[step]

    @api.model
    def _portal_duration(self, hours):
        """``1.5`` → "1 h 30 min" (never a clock-like "01:30 h")."""
        minutes = round((hours or 0.0) * 60)
        hours, minutes = divmod(minutes, 60)
        if hours and minutes:
            return self.env._(
                "%(hours)s h %(minutes)s min", hours=hours, minutes=minutes
            )
        if hours:
            return self.env._("%(hours)s h", hours=hours)
        return self.env._("%(minutes)s min", minutes=minutes)

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
