# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import Command, models
from odoo.exceptions import UserError


class RepairServiceFollowup(models.Model):
    """R-15: a problem found on the call is handed on: a task for the
    outlet's person in charge, or a complaint."""

    _inherit = "repair.service.followup"

    def action_open_task(self):
        """A problem found: an activity for the outlet's person in charge, or
        the regional CS supervisor when there is none, with the remarks."""
        action = self.env._("hand a follow-up problem to the outlet")
        self._check_role("group_cs_agent", action)
        self._check_state(["to_call", "unreachable"], action)
        self._check_problem_to_hand_on()
        for followup in self:
            if followup.task_user_id:
                raise UserError(
                    self.env._(
                        "%(followup)s: the problem was already handed to %(user)s.",
                        followup=followup.display_name,
                        user=followup.task_user_id.name,
                    )
                )
        for followup in self:
            owner = followup._problem_owner()
            if not owner:
                raise UserError(
                    self.env._(
                        "Nobody can take the problem of %(followup)s: give the "
                        "outlet a person in charge or make someone a Regional CS "
                        "Supervisor.",
                        followup=followup.display_name,
                    )
                )
            followup._activity_start(
                "mail_activity_followup_problem",
                owner,
                summary=self.env._(
                    "Follow-up problem on %(order)s", order=followup.repair_id.name
                ),
                note=followup._problem_note(),
            )
            followup._workflow_step().write({"task_user_id": owner.id})
        return True

    def action_open_complaint(self):
        """A problem found: a complaint record for the same customer, product
        and order, made with the agent's own rights and linked to the call."""
        action = self.env._("open a complaint from a follow-up call")
        self._check_role("group_cs_agent", action)
        self._check_state(["to_call", "unreachable"], action)
        self._check_problem_to_hand_on()
        for followup in self:
            if followup.complaint_id:
                raise UserError(
                    self.env._(
                        "%(followup)s already has the complaint %(complaint)s.",
                        followup=followup.display_name,
                        complaint=followup.complaint_id.display_name,
                    )
                )
        complaints = self.env["repair.service.complaint"].create(
            [
                {
                    "channel": "phone",
                    "partner_id": followup.repair_id.partner_id.id,
                    "product_id": followup.repair_id.product_id.id,
                    "lot_id": followup.repair_id.lot_id.id,
                    "outlet_id": followup.repair_id.outlet_id.id,
                    "technician_id": followup.repair_id.technician_id.id,
                    "repair_ids": [Command.set(followup.repair_id.ids)],
                    "followup_id": followup.id,
                    "description": followup._complaint_description(),
                    "company_id": followup.company_id.id,
                }
                for followup in self
            ]
        )
        for followup, complaint in zip(self, complaints, strict=True):
            followup._workflow_step().write({"complaint_id": complaint.id})
            complaint.message_post(
                body=self.env._(
                    "Complaint raised on the follow-up call %(followup)s of %(order)s.",
                    followup=followup.name,
                    order=followup.repair_id.name,
                )
            )
        if len(complaints) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "repair.service.complaint",
                "res_id": complaints.id,
                "view_mode": "form",
            }
        return True

    def _check_problem_to_hand_on(self):
        for followup in self:
            if not followup.problem_found:
                raise UserError(
                    self.env._(
                        "%(followup)s found no problem: there is nothing to hand "
                        "on. Record the customer's answers first.",
                        followup=followup.display_name,
                    )
                )
            if not (followup.remarks or "").strip():
                raise UserError(
                    self.env._(
                        "%(followup)s: write down what the customer said in the "
                        "remarks first; they go with the task or complaint.",
                        followup=followup.display_name,
                    )
                )

    def _problem_owner(self):
        """The outlet's person in charge, else a regional CS supervisor of the
        outlet, else the first CS supervisor."""
        self.ensure_one()
        outlet = self.sudo().outlet_id
        if outlet.manager_id.active:
            return outlet.manager_id
        supervisors = outlet.supervisor_ids.filtered(
            lambda u: u.active and not u.share
        ).sorted("id")
        return supervisors[:1] or self._first_user_of(
            "group_cs_supervisor", "group_cs_manager"
        )

    def _problem_note(self):
        self.ensure_one()
        return Markup("<p>%s</p><p>%s</p>") % (
            self.env._(
                "The customer of %(order)s reported: %(problems)s.",
                order=self.repair_id.name,
                problems="; ".join(self._problem_labels()),
            ),
            self.remarks.strip(),
        )

    def _complaint_description(self):
        self.ensure_one()
        return "\n".join(
            [
                self.remarks.strip(),
                self.env._(
                    "Found on the follow-up call %(followup)s after %(order)s: "
                    "%(problems)s.",
                    followup=self.name,
                    order=self.repair_id.name,
                    problems="; ".join(self._problem_labels()),
                ),
            ]
        )
