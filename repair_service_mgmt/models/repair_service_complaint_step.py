# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

from .repair_service_complaint import OPEN_STATES

MODULE = "repair_service_mgmt"


class RepairServiceComplaint(models.Model):
    """The steps of a complaint (R-31, R-32): each checks who acts and in
    which state, then writes through the workflow guard. The approval
    chains (R-33) come in between analysis and resolution."""

    _inherit = "repair.service.complaint"

    next_action = fields.Selection(
        [
            ("action_analyse", "Analysed"),
            ("action_management_review", "Management Review"),
            ("action_resolve", "Resolved"),
            ("action_record_followup", "Follow-up Recorded"),
            ("action_close", "Close"),
            ("action_contact_complainant", "Complainant Contacted"),
        ],
        compute="_compute_next_action",
        help="The step due next: the form's primary button.",
    )

    def _compute_next_action(self):
        for complaint in self:
            complaint.next_action = complaint._next_action()

    def _next_action(self):
        self.ensure_one()
        if self.state == "new":
            return "action_analyse"
        if self.state == "analysed":
            if self.is_serious and not self.reviewed_at:
                return "action_management_review"
            return "action_resolve"
        if self.state == "resolved":
            return "action_record_followup"
        if self.state == "followed_up":
            return "action_close"
        if self.state == "invalid" and not self.complainant_contacted_at:
            return "action_contact_complainant"
        return False

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def _require(self, fields_needed, action):
        for complaint in self:
            missing = [
                complaint._fields[name].get_description(self.env)["string"]
                for name in fields_needed
                if not (
                    isinstance(complaint[name], str)
                    and complaint[name].strip()
                    or not isinstance(complaint[name], str)
                    and complaint[name]
                )
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(complaint)s: fill in %(fields)s to %(action)s.",
                        complaint=complaint.display_name,
                        fields=", ".join(missing),
                        action=action,
                    )
                )

    def action_analyse(self):
        """R-32: a valid complaint: cause and responsibility analysed."""
        action = self.env._("record the cause and responsibility of a complaint")
        self._check_role("group_cs_agent", action)
        self._check_state(["new"], action)
        self._require(["cause", "responsibility"], action)
        self._workflow_step().write(
            {
                "state": "analysed",
                "validity": "valid",
                "analysed_at": fields.Datetime.now(),
            }
        )
        return True

    def action_mark_invalid(self):
        """R-31 (S4 二(4)): an invalid complaint is answered with an
        explanation; the complainant is contacted within a day."""
        action = self.env._("mark a complaint invalid")
        self._check_role("group_cs_agent", action)
        self._check_state(["new"], action)
        for complaint in self:
            if not (complaint.invalid_explanation or "").strip():
                raise UserError(
                    self.env._(
                        "%(complaint)s: write the explanation given to the "
                        "complainant before marking the complaint invalid.",
                        complaint=complaint.display_name,
                    )
                )
        self._workflow_step().write(
            {
                "state": "invalid",
                "validity": "invalid",
                "invalid_at": fields.Datetime.now(),
            }
        )
        return True

    def action_contact_complainant(self):
        """R-32: the complainant was contacted (an invalid complaint: with the
        explanation, which is sent to them in the chatter)."""
        action = self.env._("record that the complainant was contacted")
        self._check_role("group_cs_agent", action)
        self._check_state([*OPEN_STATES, "invalid"], action)
        answered = self.filtered(
            lambda c: c.state == "invalid" and c.complainant_contacted_at
        )
        if answered:
            raise UserError(
                self.env._(
                    "%(complaints)s: the complainant was already given the "
                    "explanation.",
                    complaints=", ".join(answered.mapped("display_name")),
                )
            )
        for complaint in self.filtered(lambda c: c.state == "invalid"):
            complaint.message_post(
                body=complaint.invalid_explanation,
                partner_ids=complaint.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.filtered(lambda c: not c.complainant_contacted_at)._workflow_step().write(
            {"complainant_contacted_at": fields.Datetime.now()}
        )
        return True

    def action_report_progress(self):
        """R-32 (S0 五(三)2): the complainant is told how far the handling
        got, at the regular interval."""
        action = self.env._("report the progress to the complainant")
        self._check_role("group_cs_agent", action)
        self._check_state(list(OPEN_STATES), action)
        self._require(["progress_note"], action)
        now = fields.Datetime.now()
        for complaint in self:
            complaint.message_post(
                body=complaint.progress_note,
                partner_ids=complaint.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        for complaint in self:
            complaint._workflow_step().write(
                {
                    "progress_reported_at": now,
                    "progress_note": False,
                    # a progress report is a contact with the complainant
                    "complainant_contacted_at": complaint.complainant_contacted_at
                    or now,
                }
            )
        self._activity_close(
            ["mail_activity_complaint_progress"],
            feedback=self.env._("Progress reported to the complainant."),
        )
        return True

    def action_management_review(self):
        """R-31 (S4 二(3)): a serious complaint reviewed by management and
        passed on in writing (the written notice, kept in the chatter)."""
        action = self.env._("review a serious complaint for management")
        self._check_role("group_cs_manager", action)
        self._check_state(["new", "analysed"], action)
        for complaint in self:
            if complaint.reviewed_at:
                raise UserError(
                    self.env._(
                        "%(complaint)s was already reviewed by management.",
                        complaint=complaint.display_name,
                    )
                )
            if not complaint.is_serious:
                raise UserError(
                    self.env._(
                        "%(complaint)s is not serious: it needs no management review.",
                        complaint=complaint.display_name,
                    )
                )
        self._require(["review_note"], action)
        for complaint in self:
            complaint.message_post(
                body=Markup("<p><b>%s</b></p><p>%s</p>")
                % (self.env._("Written notice"), complaint.review_note),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        self._workflow_step().write(
            {"reviewed_at": fields.Datetime.now(), "reviewed_by_id": self.env.uid}
        )
        self._activity_close(
            ["mail_activity_complaint_review"],
            feedback=self.env._("Reviewed; written notice recorded."),
        )
        return True

    def action_resolve(self):
        """The complaint's handling is done and told to the complainant; a
        serious complaint is reviewed by management first."""
        action = self.env._("resolve a complaint")
        self._check_role("group_cs_agent", action)
        self._check_state(["analysed", "approved"], action)
        self._require(["resolution"], action)
        for complaint in self:
            if complaint.is_serious and not complaint.reviewed_at:
                raise UserError(
                    self.env._(
                        "%(complaint)s is serious: the CS-centre manager reviews "
                        "it (Management Review) before it is resolved.",
                        complaint=complaint.display_name,
                    )
                )
        self._workflow_step().write(
            {"state": "resolved", "resolved_at": fields.Datetime.now()}
        )
        return True

    def action_record_followup(self):
        """R-32: the follow-up visit after the resolution, with the
        complainant's satisfaction; a problem found reopens the complaint."""
        action = self.env._("record the follow-up of a complaint")
        self._check_role("group_cs_agent", action)
        self._check_state(["resolved"], action)
        self._require(["followup_satisfaction"], action)
        now = fields.Datetime.now()
        reopened = self.filtered("followup_problem")
        for complaint in reopened:
            complaint._workflow_step().write(
                {
                    "state": "analysed",
                    "followed_up_at": now,
                    "resolved_at": False,
                    "reopen_count": complaint.reopen_count + 1,
                }
            )
            complaint.message_post(
                body=self.env._(
                    "The follow-up found a problem: the complaint is handled again."
                )
            )
        (self - reopened)._workflow_step().write(
            {"state": "followed_up", "followed_up_at": now}
        )
        # the next follow-up is recorded afresh
        reopened._workflow_step().write(
            {"followup_problem": False, "followup_satisfaction": False}
        )
        return True

    def action_close(self):
        action = self.env._("close a complaint")
        self._check_role("group_cs_supervisor", action)
        self._check_state(["followed_up"], action)
        self._workflow_step().write(
            {"state": "closed", "closed_at": fields.Datetime.now()}
        )
        self._activity_close(
            ["mail_activity_complaint_progress", "mail_activity_complaint_escalation"],
            feedback=self.env._("The complaint was closed."),
        )
        return True

    def action_cancel(self):
        action = self.env._("cancel a complaint")
        self._check_role("group_cs_supervisor", action)
        self._check_state(["new", "analysed", "to_approve", "approved"], action)
        self._workflow_step().write({"state": "cancelled"})
        self._activity_cancel(
            [
                "mail_activity_complaint_review",
                "mail_activity_complaint_progress",
                "mail_activity_complaint_escalation",
            ]
        )
        return True

    def action_escalate(self):
        """R-32 (S4 二(1)4 越权上报): the employee who took the complaint
        reports it past their superiors when a deadline was missed: the
        CS-centre managers and the configured executives get an activity."""
        action = self.env._("escalate a complaint")
        self._check_state([*OPEN_STATES, "invalid"], action)
        for complaint in self:
            if complaint.taker_id != self.env.user:
                raise UserError(
                    self.env._(
                        "%(complaint)s: only %(taker)s, who took the complaint, "
                        "may escalate it.",
                        complaint=complaint.display_name,
                        taker=complaint.taker_id.name,
                    )
                )
            if not complaint.is_overdue:
                raise UserError(
                    self.env._(
                        "%(complaint)s is handled in time: it can be escalated "
                        "only when one of its deadlines is missed.",
                        complaint=complaint.display_name,
                    )
                )
        pending = self._activities_of(["mail_activity_complaint_escalation"])
        if pending:
            escalated = self.browse(pending.mapped("res_id"))
            raise UserError(
                self.env._(
                    "%(complaints)s was already escalated and waits for the "
                    "answer of %(users)s: escalate again once they have marked "
                    "their activity done.",
                    complaints=", ".join(escalated.mapped("display_name")),
                    users=", ".join(pending.user_id.mapped("name")),
                )
            )
        managers = self.env.ref(f"{MODULE}.group_cs_manager").sudo().users
        default_group = self.env.ref(f"{MODULE}.group_vice_president")

        def escalated_to(complaint):
            group = (
                complaint.company_id.sudo().complaint_escalation_group_id
                or default_group
            )
            return (managers | group.sudo().users).filtered(
                lambda u: (
                    u.active and not u.share and complaint.company_id in u.company_ids
                )
            )

        self._activity_start(
            "mail_activity_complaint_escalation",
            escalated_to,
            summary=lambda complaint: self.env._(
                "Escalated complaint %(complaint)s: deadline missed",
                complaint=complaint.name,
            ),
            note=self.env._(
                "%(user)s escalated the complaint: it was not handled in time.",
                user=self.env.user.name,
            ),
        )
        self._workflow_step().write(
            {"escalated_at": fields.Datetime.now(), "escalated_by_id": self.env.uid}
        )
        return True

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------
    def _review_activity_start(self):
        """R-31: a serious complaint waits for the CS-centre manager's
        review."""
        managers = self.env.ref(f"{MODULE}.group_cs_manager").sudo().users
        self._activity_start(
            "mail_activity_complaint_review",
            lambda complaint: managers.filtered(
                lambda u: (
                    u.active and not u.share and complaint.company_id in u.company_ids
                )
            )[:1],
            summary=lambda complaint: self.env._(
                "Serious complaint %(complaint)s: management review",
                complaint=complaint.name,
            ),
        )

    def _cron_complaint_progress(self):
        """R-32 (S0 五(三)2): a progress report due within a day on an open
        complaint is an activity for the employee who took it (one per
        complaint), due when the report is; the deadline itself is a line of
        the deadline engine (its policy follows ``progress_due_at``)."""
        due = self.search(
            [
                ("state", "in", OPEN_STATES),
                ("progress_due_at", "!=", False),
                ("progress_due_at", "<=", fields.Datetime.now() + timedelta(days=1)),
            ]
        )
        waiting = due._activities_of(["mail_activity_complaint_progress"])
        todo = due.filtered(lambda c: c.id not in set(waiting.mapped("res_id")))
        todo._activity_start(
            "mail_activity_complaint_progress",
            lambda c: c.taker_id.filtered("active"),
            deadline=lambda c: fields.Date.context_today(
                c.with_context(tz=c.taker_id.tz or "UTC"), c.progress_due_at
            ),
        )
