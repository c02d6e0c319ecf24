# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

MODULE = "repair_service_mgmt"


class RepairServiceFollowup(models.Model):
    """R-15: the daily planning of the calls after completed orders."""

    _inherit = "repair.service.followup"

    @api.model
    def _first_user_of(self, group, above=None):
        """The first active internal user (by id) with role ``group``,
        preferring users who do not also hold the role ``above``."""
        users = (
            self.env.ref(f"{MODULE}.{group}")
            .sudo()
            .users.filtered(lambda u: u.active and not u.share)
            .sorted("id")
        )
        if above:
            plain = users - self.env.ref(f"{MODULE}.{above}").sudo().users
            users = plain or users
        return users[:1]

    @api.model
    def _cron_create_followups(self):
        """R-15: one follow-up call for every completed order that has none,
        due N days after completion, with a call activity for the order's
        dispatcher (if still a CS agent) or the first CS agent. Idempotent:
        orders that have a follow-up (even archived) are skipped by the search
        itself."""
        orders = (
            self.env["repair.order"]
            .with_context(active_test=False)
            .search(
                [
                    ("state", "=", "done"),
                    ("completed_at", "!=", False),
                    ("followup_ids", "=", False),
                ],
                order="completed_at, id",
            )
        )
        if not orders:
            return self.browse()
        agents = (
            self.env.ref(f"{MODULE}.group_cs_agent")
            .sudo()
            .users.filtered(lambda u: u.active and not u.share)
        )
        fallback = self._first_user_of("group_cs_agent", "group_cs_supervisor")
        followups = self.create(
            [
                {
                    "repair_id": order.id,
                    "user_id": (
                        order.dispatcher_id
                        if order.dispatcher_id in agents
                        else fallback
                    ).id,
                }
                for order in orders
            ]
        )
        followups._schedule_call_activities()
        return followups

    def _schedule_call_activities(self):
        """The call activities, created in one batch."""
        self._activity_start(
            "mail_activity_followup_call",
            lambda followup: followup.user_id,
            deadline=lambda followup: followup.due_date,
            summary=lambda followup: self.env._(
                "Call %(customer)s about %(order)s",
                customer=followup.partner_id.name or "",
                order=followup.repair_id.name,
            ),
        )
