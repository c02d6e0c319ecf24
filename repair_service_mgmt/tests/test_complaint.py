# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import M, OutletCase

T0 = datetime(2026, 11, 23, 9, 0, 0)  # a Monday


class ComplaintCase(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet(
            "Complaint Outlet", technicians=cls.tech_a, staff=cls.staff_a
        )
        cls.outlet_b = cls._approved_outlet(
            "Complaint Outlet B", region=cls.north, technicians=cls.tech_b
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Complaining customer", "email": "zhang.wei@example.com"}
        )
        cls.product = cls.env["product.product"].create({"name": "Complaint fridge"})
        cls.vp = new_test_user(
            cls.env, "t_vp", groups=f"{M}.group_vice_president", email="vp@example.com"
        )

    def _complaint(self, user=None, **values):
        return (
            self.env["repair.service.complaint"]
            .with_user(user or self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "outlet_id": self.outlet.id,
                    "description": "The technician was rude and charged too much.",
                    **values,
                }
            )
        )

    def _line(self, complaint, xmlid):
        policy = self.env.ref(f"{M}.{xmlid}")
        return complaint.sla_line_ids.filtered(lambda line: line.policy_id == policy)


@tagged("post_install", "-at_install")
class TestComplaint(ComplaintCase):
    def test_r31_steps_in_order_by_the_right_people(self):
        """R-31: new → analysed → resolved → followed up → closed, each step
        by its role and only from its state."""
        complaint = self._complaint()
        self.assertEqual(complaint.state, "new")
        self.assertEqual(complaint.taker_id, self.agent)
        self.assertTrue(complaint.name.startswith("CMP/"))
        self.assertEqual(complaint.next_action, "action_analyse")
        # no step skipped, no step by the outlet
        with self._refused(UserError, "Analysed"):
            complaint.action_resolve()
        with self._refused(AccessError, "CS Agent"):
            complaint.with_user(self.tech_a).action_analyse()
        with self._refused(UserError, "Cause"):
            complaint.action_analyse()
        complaint.write({"cause": "Fee misread", "responsibility": "Outlet staff"})
        complaint.action_analyse()
        self.assertEqual((complaint.state, complaint.validity), ("analysed", "valid"))
        self.assertEqual(complaint.next_action, "action_resolve")
        with self._refused(UserError, "Resolution"):
            complaint.action_resolve()
        complaint.resolution = "Fee refunded, apology made"
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        with self._refused(UserError, "Satisfaction"):
            complaint.action_record_followup()
        complaint.followup_satisfaction = "satisfied"
        complaint.action_record_followup()
        self.assertEqual(complaint.state, "followed_up")
        with self._refused(AccessError, "Regional CS Supervisor"):
            complaint.action_close()
        complaint.with_user(self.supervisor).action_close()
        self.assertEqual(complaint.state, "closed")
        with self._refused(UserError, "kept as recorded"):
            complaint.description = "Rewritten"

    def test_r31_state_only_through_steps(self):
        """R-31: the state and the step fields are written by the steps only;
        nothing is deleted."""
        complaint = self._complaint()
        for values in (
            {"state": "closed"},
            {"validity": "valid"},
            {"resolved_at": "2026-11-23 10:00:00"},
            {"taker_id": self.supervisor.id},
        ):
            with self._refused(UserError, "workflow buttons"):
                complaint.write(values)
        with self._refused(UserError, "workflow buttons"):
            self._complaint(state="closed")
        with self._refused(AccessError, "CS Agent"):
            complaint.with_user(self.tech_a).write({"description": "Changed"})
        with self._refused(AccessError, "not allowed to delete"):
            complaint.unlink()
        with self._refused(AccessError, "Regional CS Supervisor"):
            complaint.action_cancel()
        complaint.with_user(self.supervisor).action_cancel()
        self.assertEqual(complaint.state, "cancelled")

    def test_r31_invalid_needs_an_explanation(self):
        """R-31 (S4 二(4)): an invalid complaint is answered with an
        explanation, sent to the complainant; then it is kept as is."""
        with freeze_time(T0):
            complaint = self._complaint()
            with self._refused(UserError, "explanation"):
                complaint.action_mark_invalid()
            complaint.invalid_explanation = "The unit was out of warranty."
            complaint.action_mark_invalid()
        self.assertEqual((complaint.state, complaint.validity), ("invalid", "invalid"))
        self.assertEqual(complaint.next_action, "action_contact_complainant")
        line = self._line(complaint, "sla_policy_complaint_invalid_contact")
        self.assertEqual(line.state, "running")
        self.assertEqual(line.deadline, T0 + timedelta(hours=24))
        with freeze_time(T0 + timedelta(hours=5)):
            complaint.action_contact_complainant()
        self.assertEqual(line.state, "met")
        sent = complaint.message_ids.filtered(
            lambda m: (
                self.customer in m.partner_ids and "out of warranty" in (m.body or "")
            )
        )
        self.assertTrue(sent)
        # the explanation is sent once: a second call is refused
        with self._refused(UserError, "already given the explanation"):
            complaint.action_contact_complainant()
        self.assertEqual(
            len(
                complaint.message_ids.filtered(
                    lambda m: "out of warranty" in (m.body or "")
                )
            ),
            len(sent),
        )
        with self._refused(UserError, "kept as recorded"):
            complaint.invalid_explanation = "Something else"

    def test_r31_major_and_serious_criteria(self):
        """R-31: a criterion of a crisis event, or the kinds crisis event
        and batch quality accident, make a complaint major; a serious one
        goes to the CS-centre manager's review before it is resolved."""
        complaint = self._complaint()
        self.assertEqual(complaint.severity, "general")
        complaint.major_injury = True
        self.assertEqual(complaint.severity, "major")
        self.assertEqual(self._complaint(kind="crisis").severity, "major")
        self.assertEqual(self._complaint(kind="batch_quality").severity, "major")
        self.assertEqual(self._complaint(kind="dealer").severity, "general")
        review_type = self.env.ref(f"{M}.mail_activity_complaint_review")
        self.assertFalse(complaint.is_serious)
        complaint.serious_media = True
        self.assertTrue(complaint.is_serious)
        activity = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == review_type
        )
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group(f"{M}.group_cs_manager"))
        complaint.write({"cause": "Press article", "responsibility": "Outlet"})
        complaint.action_analyse()
        self.assertEqual(complaint.next_action, "action_management_review")
        complaint.resolution = "Apology and refund"
        with self._refused(UserError, "Management Review"):
            complaint.action_resolve()
        with self._refused(AccessError, "CS-Centre Manager"):
            complaint.action_management_review()
        reviewed = complaint.with_user(self.manager)
        with self._refused(UserError, "Written Notice"):
            reviewed.action_management_review()
        reviewed.review_note = "Passed to the general manager in writing."
        reviewed.action_management_review()
        self.assertEqual(complaint.reviewed_by_id, self.manager)
        # reviewed once: a second review (another notice) is refused
        with self._refused(UserError, "already reviewed"):
            reviewed.action_management_review()
        self.assertFalse(
            complaint.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )
        self.assertTrue(
            complaint.message_ids.filtered(lambda m: "in writing" in (m.body or ""))
        )
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")


@tagged("post_install", "-at_install")
class TestComplaintDeadlines(ComplaintCase):
    def test_r32_cause_within_three_days(self):
        """R-32: a valid complaint is analysed within 3 days: met in time,
        breached after."""
        with freeze_time(T0):
            on_time = self._complaint()
            late = self._complaint()
        for complaint in (on_time, late):
            line = self._line(complaint, "sla_policy_complaint_analysed")
            self.assertEqual(line.deadline, T0 + timedelta(hours=72))
            complaint.write({"cause": "Fee misread", "responsibility": "Outlet"})
        with freeze_time(T0 + timedelta(hours=71)):
            on_time.action_analyse()
            # a deadline still running (not due) beside the one met: the
            # next progress report
            on_time.progress_note = "The outlet checks the fee today."
            on_time.action_report_progress()
            on_time.other_departments = True
        with freeze_time(T0 + timedelta(hours=73)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
            self.assertTrue(late.is_overdue)
            overdue = self.env["repair.service.complaint"].search(
                [("is_overdue", "=", True)]
            )
            self.assertIn(late, overdue)
            self.assertNotIn(on_time, overdue)
            self.assertFalse(on_time.is_overdue)
            self.assertIn(
                on_time,
                self.env["repair.service.complaint"].search(
                    [("is_overdue", "=", False)]
                ),
            )
        self.assertEqual(
            self._line(on_time, "sla_policy_complaint_analysed").state, "met"
        )
        self.assertEqual(
            self._line(late, "sla_policy_complaint_analysed").state, "breached"
        )

    def test_r32_serious_and_other_departments(self):
        """R-32: a serious complaint's result within 48 hours; with other
        departments, the complainant contacted within 3 days."""
        with freeze_time(T0):
            complaint = self._complaint(serious_repeated=True, other_departments=True)
        serious = self._line(complaint, "sla_policy_complaint_serious_result")
        contact = self._line(complaint, "sla_policy_complaint_departments_contact")
        self.assertEqual(serious.deadline, T0 + timedelta(hours=48))
        self.assertEqual(contact.deadline, T0 + timedelta(hours=72))
        with freeze_time(T0 + timedelta(hours=10)):
            complaint.action_contact_complainant()
        self.assertEqual(contact.state, "met")
        self.assertEqual(serious.state, "running")

    def test_r32_followup_within_seven_days_reopens_on_problem(self):
        """R-32: the follow-up is due 7 days after the resolution, records
        the satisfaction, and a problem found reopens the complaint."""
        complaint = self._complaint()
        complaint.write({"cause": "Late visit", "responsibility": "Outlet"})
        complaint.action_analyse()
        complaint.resolution = "Visit made"
        with freeze_time(T0):
            complaint.action_resolve()
        line = self._line(complaint, "sla_policy_complaint_followup")
        self.assertEqual(line.deadline, T0 + timedelta(hours=168))
        complaint.write(
            {
                "followup_satisfaction": "dissatisfied",
                "followup_problem": True,
                "followup_note": "Still noisy",
            }
        )
        with freeze_time(T0 + timedelta(days=2)):
            complaint.action_record_followup()
        self.assertEqual(line.state, "met")
        self.assertEqual(complaint.state, "analysed")
        self.assertEqual(complaint.reopen_count, 1)
        self.assertFalse(complaint.followup_problem)
        self.assertIn("Still noisy", complaint.followup_note)

    def test_r32_progress_report_missed_is_a_breach_kept_after_resolution(self):
        """R-32 (S0 五(三)2): a report not given by its day breaches the
        progress deadline; the line stays breached (it counts as missed),
        and once resolved no further report is due."""
        with freeze_time(T0):
            complaint = self._complaint()
        line = self._line(complaint, "sla_policy_complaint_progress")
        with freeze_time(T0 + timedelta(days=3, minutes=15)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
        self.assertEqual(line.state, "breached")
        complaint.progress_note = "We are sorry for the delay."
        with freeze_time(T0 + timedelta(days=3, hours=1)):
            complaint.action_report_progress()
        self.assertEqual(line.state, "breached")
        self.assertEqual(line.deadline, T0 + timedelta(days=3))
        # a complaint resolved in time: its progress deadline is met there
        with freeze_time(T0):
            other = self._complaint()
        other_line = self._line(other, "sla_policy_complaint_progress")
        other.write(
            {
                "cause": "Fee misread",
                "responsibility": "Outlet staff",
                "resolution": "Refunded",
            }
        )
        with freeze_time(T0 + timedelta(days=1)):
            other.action_analyse()
            other.action_resolve()
        self.assertFalse(other.progress_due_at)
        self.assertEqual(other_line.state, "met")
        self.assertEqual(other_line.deadline, T0 + timedelta(days=3))

    def test_r32_escalation_by_the_taker_when_overdue(self):
        """R-32 (S4 二(1)4): only the employee who took the complaint, and
        only when a deadline is missed, escalates it to the CS-centre
        managers and the vice-presidents."""
        with freeze_time(T0):
            complaint = self._complaint()
        with (
            freeze_time(T0 + timedelta(hours=10)),
            self._refused(UserError, "handled in time"),
        ):
            complaint.action_escalate()
        other_agent = new_test_user(self.env, "t_agent2", groups=f"{M}.group_cs_agent")
        with freeze_time(T0 + timedelta(hours=80)):
            with self._refused(UserError, "only"):
                complaint.with_user(other_agent).action_escalate()
            complaint.action_escalate()
        self.assertEqual(complaint.escalated_by_id, self.agent)
        escalation = self.env.ref(f"{M}.mail_activity_complaint_escalation")
        users = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == escalation
        ).user_id
        self.assertIn(self.manager, users)
        self.assertIn(self.vp, users)
        self.assertNotIn(self.agent, users)
        # once escalated, the taker waits for the answer: no second round
        # of activities while the first one is open
        with (
            freeze_time(T0 + timedelta(hours=81)),
            self._refused(UserError, "already escalated"),
        ):
            complaint.action_escalate()
        self.assertEqual(
            len(
                complaint.activity_ids.filtered(
                    lambda a: a.activity_type_id == escalation
                )
            ),
            len(users),
        )

    def test_r32_progress_reported_at_the_interval(self):
        """R-32 (S0 五(三)2): every 3 days (company setting) the progress
        report is due, a deadline of the engine that follows each report; a
        day ahead the taker gets an activity, answered by the report."""
        with freeze_time(T0):
            complaint = self._complaint()
        self.assertEqual(complaint.progress_due_at, T0 + timedelta(days=3))
        line = self._line(complaint, "sla_policy_complaint_progress")
        self.assertEqual(
            (line.state, line.deadline), ("running", complaint.progress_due_at)
        )
        progress = self.env.ref(f"{M}.mail_activity_complaint_progress")
        Complaint = self.env["repair.service.complaint"]
        with freeze_time(T0 + timedelta(hours=23)):
            Complaint._cron_complaint_progress()
        self.assertFalse(
            complaint.activity_ids.filtered(lambda a: a.activity_type_id == progress)
        )
        with freeze_time(T0 + timedelta(days=2, hours=1)):
            Complaint._cron_complaint_progress()
            Complaint._cron_complaint_progress()
        activity = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == progress
        )
        self.assertEqual(activity.user_id, self.agent)
        self.assertEqual(activity.date_deadline, (T0 + timedelta(days=3)).date())
        with self._refused(UserError, "Progress"):
            complaint.action_report_progress()
        complaint.progress_note = "The outlet will call you tomorrow."
        with freeze_time(T0 + timedelta(days=2, hours=2)):
            complaint.action_report_progress()
        self.assertFalse(
            complaint.activity_ids.filtered(lambda a: a.activity_type_id == progress)
        )
        self.assertEqual(complaint.progress_due_at, T0 + timedelta(days=5, hours=2))
        # the same deadline line, moved on to the next report
        self.assertEqual(self._line(complaint, "sla_policy_complaint_progress"), line)
        self.assertEqual(
            (line.state, line.deadline), ("running", complaint.progress_due_at)
        )
        self.assertTrue(
            complaint.message_ids.filtered(
                lambda m: (
                    self.customer in m.partner_ids and "tomorrow" in (m.body or "")
                )
            )
        )


@tagged("post_install", "-at_install")
class TestComplaintDemo(ComplaintCase):
    def test_r30_demo_has_one_complaint_of_each_kind(self):
        """R-30: the demo shows one complaint of each kind, at different
        steps, in the demo's company."""
        demo = {
            name: self.env.ref(f"{M}.complaint_{name}_demo")
            for name in ("customer", "dealer", "batch", "return", "crisis", "invalid")
        }
        kinds = {complaint.kind for complaint in demo.values()}
        self.assertEqual(
            kinds,
            {"customer", "dealer", "batch_quality", "single_return", "crisis"},
        )
        self.assertEqual(demo["customer"].state, "closed")
        self.assertEqual(demo["dealer"].state, "analysed")
        self.assertEqual(demo["batch"].state, "new")
        self.assertEqual(demo["return"].state, "resolved")
        self.assertTrue(demo["crisis"].reviewed_at)
        self.assertEqual(demo["crisis"].severity, "major")
        self.assertEqual(demo["invalid"].validity, "invalid")
        self.assertEqual(
            {c.company_id for c in demo.values()}, {self.env.ref("base.main_company")}
        )

    def test_r35_demo_crisis_has_its_documents_and_the_insurer_notified(self):
        """R-35: the demo's crisis event shows a property loss over the
        threshold, the insurer notified by the CS-centre manager, and the
        settlement agreement and the customer's receipt attached."""
        crisis = self.env.ref(f"{M}.complaint_crisis_demo")
        self.assertEqual(crisis.property_loss, 3800.0)
        self.assertTrue(crisis.insurer_required)
        self.assertEqual(
            crisis.insurer_notified_by_id, self.env.ref(f"{M}.user_cs_manager_demo")
        )
        self.assertEqual(
            crisis.crisis_agreement_ids.name, "settlement-agreement-wang.txt"
        )
        self.assertEqual(crisis.crisis_receipt_ids.name, "receipt-wang.txt")
        self.assertFalse(crisis.close_missing)
