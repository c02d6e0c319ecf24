# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import M
from .test_complaint import T0, ComplaintCase

ACTION = "repair.service.corrective.action"


@tagged("post_install", "-at_install")
class TestComplaintResponsibility(ComplaintCase):
    """R-38: responsibility, penalty, the outlet's violation record and the
    corrective actions of a complaint."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet_manager = new_test_user(
            cls.env,
            "t_resp_om",
            groups=f"{M}.group_outlet_manager",
            email="om@example.com",
        )
        cls.outlet_manager_b = new_test_user(
            cls.env,
            "t_resp_om_b",
            groups=f"{M}.group_outlet_manager",
            email="omb@example.com",
        )
        cls.outlet.sudo().write(
            {
                "manager_id": cls.outlet_manager.id,
                "staff_ids": [Command.link(cls.outlet_manager.id)],
            }
        )
        cls.outlet_b.sudo().write(
            {
                "manager_id": cls.outlet_manager_b.id,
                "staff_ids": [Command.link(cls.outlet_manager_b.id)],
            }
        )
        cls.other_agent = new_test_user(
            cls.env, "t_resp_agent2", groups=f"{M}.group_cs_agent"
        )

    def _analysed(self, **values):
        complaint = self._complaint(
            cause="The technician did not explain the fee",
            responsibility="Outlet technician",
            **values,
        )
        complaint.action_analyse()
        return complaint

    def _action(self, complaint, user=None, **values):
        return (
            self.env[ACTION]
            .with_user(user or self.agent)
            .create(
                {
                    "complaint_id": complaint.id,
                    "name": "Coach the technician",
                    "user_id": self.tech_a.id,
                    "date_due": "2026-11-30",
                    **values,
                }
            )
        )

    # ------------------------------------------------------------------
    # Responsibility and the violation record
    # ------------------------------------------------------------------
    def test_r38_record_violation_prefilled_no_invoice(self):
        """R-38: Record Violation makes a draft violation of the responsible
        outlet with the complaint's penalty and reason; the complaint raises
        no invoice; the CS-centre manager's confirmation does."""
        complaint = self._analysed(about_attitude=True)
        complaint.write(
            {
                "responsible_outlet_id": self.outlet.id,
                "responsible_user_id": self.tech_a.id,
                "penalty_amount": 300.0,
            }
        )
        self.assertTrue(complaint.can_record_violation)
        moves_before = self.env["account.move"].search_count([])
        complaint.action_record_violation()
        violation = complaint.violation_ids
        self.assertEqual(len(violation), 1)
        self.assertEqual(violation.outlet_id, self.outlet)
        self.assertEqual(violation.complaint_id, complaint)
        self.assertEqual(violation.state, "draft")
        self.assertEqual(violation.penalty, "fine")
        self.assertEqual(violation.fine_amount, 300.0)
        self.assertEqual(violation.violation_type, "service_attitude")
        self.assertIn(complaint.name, violation.description)
        self.assertIn("did not explain the fee", violation.description)
        self.assertIn(self.tech_a.name, violation.description)
        self.assertFalse(violation.invoice_id)
        self.assertEqual(self.env["account.move"].search_count([]), moves_before)
        self.assertEqual(complaint.violation_count, 1)
        self.assertFalse(complaint.can_record_violation)
        # once: no second violation, the penalty kept as recorded
        with self._refused(UserError, "already recorded"):
            complaint.action_record_violation()
        with self._refused(UserError, "violation record"):
            complaint.penalty_amount = 50.0
        # the violation's own step decides the fine
        violation.with_user(self.manager).action_confirm()
        self.assertEqual(violation.invoice_id.amount_total, 300.0)
        self.assertEqual(
            violation.invoice_id.partner_id,
            self.outlet.partner_id.commercial_partner_id,
        )

    def test_r38_record_violation_who_and_when(self):
        """R-38: only the CS centre records it, once the cause is analysed,
        with a responsible outlet; nobody links a violation by hand."""
        complaint = self._complaint(responsible_outlet_id=self.outlet.id)
        with self._refused(UserError, "analyse the cause"):
            complaint.action_record_violation()
        complaint.write({"cause": "Late", "responsibility": "Outlet"})
        complaint.action_analyse()
        with self._refused(AccessError, "CS Agent"):
            complaint.with_user(self.tech_a).action_record_violation()
        with self._refused(AccessError, "CS Agent"):
            complaint.with_user(self.outlet_manager).action_record_violation()
        complaint.responsible_outlet_id = False
        with self._refused(UserError, "responsible outlet"):
            complaint.action_record_violation()
        complaint.responsible_outlet_id = self.outlet
        complaint.action_record_violation()
        violation = complaint.violation_ids
        # no penalty amount: a warning
        self.assertEqual(violation.penalty, "warning")
        self.assertEqual(violation.violation_type, "other")
        # the link is the step's: not written by hand, even with a context
        other = (
            self.env["repair.service.violation"]
            .with_user(self.manager)
            .create(
                {
                    "outlet_id": self.outlet.id,
                    "violation_type": "other",
                    "description": "Unrelated",
                }
            )
        )
        with self._refused(UserError, "workflow"):
            other.with_user(self.manager).write({"complaint_id": complaint.id})
        with self._refused(UserError, "workflow"):
            other.with_user(self.manager).with_context(
                repair_service_workflow_step=True
            ).write({"complaint_id": complaint.id})
        with self._refused(UserError, "workflow"):
            complaint.with_user(self.manager).write(
                {"violation_ids": [Command.link(other.id)]}
            )
        # the responsibility is the CS centre's record
        with self._refused(AccessError, "CS Agent"):
            complaint.with_user(self.outlet_manager).write(
                {"responsible_user_id": self.tech_a.id}
            )
        # a cancelled violation frees the penalty for a new record
        violation.with_user(self.manager).action_cancel()
        complaint.penalty_amount = 100.0
        complaint.action_record_violation()
        self.assertEqual(len(complaint.violation_ids), 2)

    # ------------------------------------------------------------------
    # Corrective actions: who sets, who finishes
    # ------------------------------------------------------------------
    def test_r38_who_sets_corrective_actions(self):
        """R-38: the taker, a CS-centre manager and the responsible outlet's
        manager set actions; another agent, a technician and another
        outlet's manager do not."""
        complaint = self._analysed(responsible_outlet_id=self.outlet.id)
        by_taker = self._action(complaint)
        by_manager = self._action(complaint, self.manager)
        by_outlet = self._action(complaint, self.outlet_manager)
        self.assertEqual(by_outlet.outlet_id, self.outlet)
        self.assertEqual(
            complaint.corrective_action_ids, by_taker | by_manager | by_outlet
        )
        self.assertEqual(complaint.corrective_action_count, 3)
        for intruder in (self.other_agent, self.outlet_manager_b):
            with self._refused(AccessError, "sets its corrective actions"):
                self._action(complaint, intruder)
        with self._refused(AccessError, "corrective"):
            self._action(complaint, self.tech_a)
        # another outlet's manager sees nothing of these actions
        self.assertFalse(
            self.env[ACTION]
            .with_user(self.outlet_manager_b)
            .search([("complaint_id", "=", complaint.id)])
        )
        self.assertFalse(by_taker.with_user(self.outlet_manager_b).has_access("read"))
        # the outlet manager sees their outlet's; the owner their own
        self.assertEqual(
            self.env[ACTION]
            .with_user(self.outlet_manager)
            .search([("complaint_id", "=", complaint.id)]),
            complaint.corrective_action_ids,
        )
        self.assertEqual(
            self.env[ACTION]
            .with_user(self.tech_a)
            .search([("complaint_id", "=", complaint.id)]),
            complaint.corrective_action_ids,
        )
        # setting is the setters': the owner does not move their due date
        with self._refused(AccessError, "sets its corrective actions"):
            by_taker.with_user(self.tech_a).date_due = "2026-12-31"
        with self._refused(AccessError, "sets its corrective actions"):
            by_taker.with_user(self.other_agent).date_due = "2026-12-31"
        by_taker.with_user(self.outlet_manager).date_due = "2026-12-31"
        # an action stays with its complaint; none on an invalid complaint
        with self._refused(UserError, "workflow"):
            by_taker.complaint_id = self._analysed()
        invalid = self._complaint(invalid_explanation="Not our product")
        invalid.action_mark_invalid()
        with self._refused(UserError, "handled"):
            self._action(invalid)

    def test_r38_done_by_owner_with_result(self):
        """R-38: only the owner (or a CS-centre manager) marks an action
        done, with a result; the owner's activity is closed by Done; state
        and result are not forged."""
        complaint = self._analysed(responsible_outlet_id=self.outlet.id)
        action = self._action(complaint)
        activity_type = self.env.ref(f"{M}.mail_activity_corrective_action")
        activity = action.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.activity_type_id, activity_type)
        self.assertEqual(activity.user_id, self.tech_a)
        self.assertEqual(activity.date_deadline, date(2026, 11, 30))
        # nobody forges the state, not even with a context claiming a step
        for user in (self.tech_a, self.agent, self.manager):
            with self._refused(UserError, "workflow"):
                action.with_user(user).write({"state": "done"})
            with self._refused(UserError, "workflow"):
                action.with_user(user).with_context(
                    repair_service_workflow_step=True
                ).write({"state": "done", "done_by_id": user.id})
        # the taker neither writes the result nor marks it done
        with self._refused(AccessError, "owner"):
            action.with_user(self.agent).result = "Done by someone else"
        with self._refused(AccessError, "owner"):
            action.with_user(self.agent).action_done()
        with self._refused(AccessError, "owner"):
            action.with_user(self.outlet_manager).action_done()
        # the owner: a result first
        owned = action.with_user(self.tech_a)
        with self._refused(UserError, "result"):
            owned.action_done()
        owned.result = "Coached; three jobs accompanied"
        owned.action_done()
        self.assertEqual(action.state, "done")
        self.assertEqual(action.done_by_id, self.tech_a)
        self.assertTrue(action.done_at)
        self.assertFalse(action.activity_ids)
        done = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", ACTION),
                    ("res_id", "=", action.id),
                    ("mail_activity_type_id", "=", activity_type.id),
                ]
            )
        )
        self.assertEqual(len(done), 1)
        self.assertIn("three jobs accompanied", done.body)
        # done is kept as done
        with self._refused(UserError, "Open"):
            owned.action_done()
        with self._refused(UserError, "kept as recorded"):
            owned.result = "Changed afterwards"
        # a CS-centre manager may finish any action
        other = self._action(complaint, result="Fee card printed")
        other.with_user(self.manager).action_done()
        self.assertEqual(other.done_by_id, self.manager)

    def test_r38_activity_done_marks_the_action_done(self):
        """R-38: the owner marking the activity done from their activity
        list marks the action done, the feedback as its result; without a
        result it is refused; only the owner's (or a CS-centre manager's)."""
        complaint = self._analysed(responsible_outlet_id=self.outlet.id)
        action = self._action(complaint)
        activity = action.activity_ids
        with self._refused(UserError, "result"):
            activity.with_user(self.tech_a).action_feedback()
        self.assertEqual(action.state, "open")
        with self._refused(AccessError, "owner"):
            activity.with_user(self.agent).action_feedback(feedback="By the taker")
        self.assertEqual(action.state, "open")
        activity.with_user(self.tech_a).action_feedback(
            feedback="<p>Coached the technician</p>"
        )
        self.assertEqual(action.state, "done")
        self.assertEqual(action.result, "Coached the technician")
        self.assertEqual(action.done_by_id, self.tech_a)
        self.assertFalse(action.activity_ids)
        # one done message, not two
        self.assertEqual(
            self.env["mail.message"].search_count(
                [
                    ("model", "=", ACTION),
                    ("res_id", "=", action.id),
                    ("mail_activity_type_id", "!=", False),
                ]
            ),
            1,
        )

    def test_r38_owner_change_moves_the_activity(self):
        """R-38: a new owner gets the activity, the former one loses it; a
        cancelled action has none."""
        complaint = self._analysed(responsible_outlet_id=self.outlet.id)
        action = self._action(complaint)
        action.write({"user_id": self.staff_a.id, "date_due": "2026-12-05"})
        self.assertEqual(action.activity_ids.user_id, self.staff_a)
        self.assertEqual(action.activity_ids.date_deadline, date(2026, 12, 5))
        with self._refused(AccessError, "sets its corrective actions"):
            action.with_user(self.staff_a).action_cancel()
        action.action_cancel()
        self.assertEqual(action.state, "cancelled")
        self.assertFalse(action.activity_ids)

    # ------------------------------------------------------------------
    # The deadline engine
    # ------------------------------------------------------------------
    def test_r38_due_date_on_the_deadline_engine(self):
        """R-38: the due date is a deadline line (end of the due day); done
        in time it is met; past it, the breach goes to the CS-centre
        managers."""
        policy = self.env.ref(f"{M}.sla_policy_corrective_action_due")
        with freeze_time(T0):
            complaint = self._analysed(responsible_outlet_id=self.outlet.id)
            on_time = self._action(complaint, date_due="2026-11-25")
            late = self._action(complaint, date_due="2026-11-25")
        deadline = datetime(2026, 11, 25, 23, 59, 59)
        for action in (on_time, late):
            line = action.sla_line_ids
            self.assertEqual(line.policy_id, policy)
            self.assertEqual(line.deadline, deadline)
            self.assertEqual(line.responsible_id, self.tech_a)
            self.assertEqual(line.state, "running")
        # the deadline follows the due date
        late.date_due = "2026-11-26"
        self.assertEqual(late.sla_line_ids.deadline, deadline + timedelta(days=1))
        with freeze_time(deadline - timedelta(hours=1)):
            on_time.with_user(self.tech_a).write({"result": "Done"})
            on_time.with_user(self.tech_a).action_done()
        self.assertEqual(on_time.sla_line_ids.state, "met")
        with freeze_time(deadline + timedelta(days=1, hours=1)):
            self.assertTrue(late.is_overdue)
            self.assertIn(late, self.env[ACTION].search([("is_overdue", "=", True)]))
            self.assertNotIn(
                on_time, self.env[ACTION].search([("is_overdue", "=", True)])
            )
            self.env["repair.service.sla.line"]._cron_check_deadlines()
        line = late.sla_line_ids
        self.assertEqual(line.state, "breached")
        escalations = self.env["mail.activity"].search(
            [("repair_sla_line_id", "=", line.id)]
        )
        self.assertLessEqual(self.manager | self.manager2, escalations.user_id)
        self.assertNotIn(self.tech_a, escalations.user_id)
        self.assertEqual(set(escalations.mapped("res_id")), {late.id})

    # ------------------------------------------------------------------
    # Closing the complaint
    # ------------------------------------------------------------------
    def test_r38_complaint_not_closed_with_open_actions(self):
        """R-38: the complaint is closed once its actions are done or
        cancelled; the message names the open ones."""
        complaint = self._analysed(responsible_outlet_id=self.outlet.id)
        open_action = self._action(complaint, name="Retrain the crew")
        cancelled = self._action(complaint, name="Replace the fee card")
        cancelled.action_cancel()
        complaint.write({"resolution": "Apology", "followup_satisfaction": "satisfied"})
        complaint.action_resolve()
        complaint.action_record_followup()
        with self._refused(UserError, "Retrain the crew"):
            complaint.with_user(self.supervisor).action_close()
        self.assertEqual(complaint.state, "followed_up")
        open_action.with_user(self.tech_a).write({"result": "Crew retrained"})
        open_action.with_user(self.tech_a).action_done()
        complaint.with_user(self.supervisor).action_close()
        self.assertEqual(complaint.state, "closed")
        with self._refused(UserError, "handled"):
            self._action(complaint)

    def test_r38_cancelled_complaint_cancels_its_open_actions(self):
        """R-38: cancelling the complaint cancels its open corrective
        actions and their activities; a done one stays done."""
        complaint = self._analysed(responsible_outlet_id=self.outlet.id)
        open_action = self._action(complaint, date_due="2099-01-31")
        done = self._action(complaint, result="Done already")
        done.with_user(self.tech_a).action_done()
        complaint.with_user(self.supervisor).action_cancel()
        self.assertEqual(complaint.state, "cancelled")
        self.assertEqual(open_action.state, "cancelled")
        self.assertFalse(open_action.activity_ids)
        self.assertEqual(open_action.sla_line_ids.state, "met")
        self.assertEqual(done.state, "done")

    def test_r38_demo_complaint_with_violation_and_actions(self):
        """R-38 demo: a valid attitude complaint with its responsible outlet,
        the outlet's draft violation with the penalty, two corrective
        actions of which one is done."""
        complaint = self.env.ref(f"{M}.complaint_attitude_demo")
        nanjing = self.env.ref(f"{M}.outlet_nanjing_demo")
        self.assertEqual(complaint.responsible_outlet_id, nanjing)
        violation = complaint.violation_ids
        self.assertEqual(len(violation), 1)
        self.assertEqual(
            (violation.outlet_id, violation.state, violation.fine_amount),
            (nanjing, "draft", 200.0),
        )
        self.assertEqual(
            sorted(complaint.corrective_action_ids.mapped("state")), ["done", "open"]
        )
        self.assertEqual(
            complaint.corrective_action_ids.filtered(
                lambda a: a.state == "open"
            ).activity_ids.user_id,
            self.env.ref(f"{M}.user_outlet2_manager_demo"),
        )

    def test_r38_owner_writes_the_result_only(self):
        """The owner cannot move the deadline or the outlet of their action:
        only its result is theirs."""
        complaint = self._analysed(responsible_outlet_id=self.outlet.id)
        action = self._action(complaint)
        due = action.due_at
        owner = action.with_user(self.tech_a)
        for values in ({"due_at": "2099-12-31 23:59:59"}, {"outlet_id": False}):
            with self._refused(UserError, "workflow"):
                owner.write(values)
        with self._refused(AccessError, "sets its corrective actions"):
            owner.write({"date_due": "2099-12-31"})
        self.assertEqual(action.due_at, due)
        owner.write({"result": "Coached on the fee list."})
        self.assertEqual(action.result, "Coached on the fee list.")
