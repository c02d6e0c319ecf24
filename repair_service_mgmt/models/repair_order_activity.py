# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# the work the module hands out on a service order, each closed by a step
ORDER_ACTIVITIES = [
    "mail_activity_job",
    "mail_activity_dispatch_again",
    "mail_activity_customer_consent",
    "mail_activity_rework",
]
# the acceptance that completes an order closes its rework itself, as done
OPEN_AT_DONE = [kind for kind in ORDER_ACTIVITIES if kind != "mail_activity_rework"]


class RepairOrder(models.Model):
    """Activities follow the order's state: a cancelled or completed order
    leaves no work open, and a missed deadline goes to the people who answer
    for that order."""

    _inherit = "repair.order"

    def action_repair_cancel(self):
        result = super().action_repair_cancel()
        cancelled = self.filtered(lambda o: o.state == "cancel")
        cancelled._activity_cancel(ORDER_ACTIVITIES)
        cancelled._sla_escalations().unlink()
        return result

    def action_repair_done(self):
        result = super().action_repair_done()
        # what is still open is answered by the completion
        self.filtered(lambda o: o.state == "done")._activity_cancel(OPEN_AT_DONE)
        return result

    def _sla_escalations(self):
        """The open escalations of these orders' missed deadlines."""
        if not self:
            return self.env["mail.activity"]
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("repair_sla_line_id", "!=", False),
                ]
            )
        )

    def _sla_escalation_levels(self, policy):
        """After the policy's own escalation path (the outlet's manager): the
        order's regional CS supervisors, then the region's CS-centre
        manager."""
        self.ensure_one()
        region = self.outlet_id.region_id
        return [region.supervisor_ids, region.cs_manager_id]


class RepairServiceVisit(models.Model):
    _inherit = "repair.service.visit"

    def _sla_escalation_levels(self, policy):
        self.ensure_one()
        return self.repair_id._sla_escalation_levels(policy)
