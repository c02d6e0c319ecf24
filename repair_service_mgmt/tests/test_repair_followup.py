# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OutletCase

M = "repair_service_mgmt"
T0 = datetime(2026, 11, 23, 9, 0, 0)
# a 1×1 PNG: the customer's signature and the completion photo
SIGNATURE = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@tagged("post_install", "-at_install")
class TestRepairFollowup(OutletCase):
    """R-15: the follow-up call (回访) after a completed repair order."""

    def _answer(self, followup, no=(), blank=(), **values):
        """The checklist answered yes but the questions named in ``no`` (no)
        and ``blank`` (not answered), by the end of their xml id; ``values``
        written on the call."""
        for line in followup.answer_ids:
            key = line.question_id.get_external_id()[line.question_id.id]
            name = key.removeprefix(f"{M}.followup_question_")
            answer = "no" if name in no else (False if name in blank else "yes")
            if line.answer != answer:
                line.answer = answer
        if values:
            followup.write(values)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet(
            "Follow-up Outlet",
            technicians=cls.tech_a,
            staff=cls.staff_a,
            manager_id=cls.staff_a.id,
        )
        cls.customer = cls.env["res.partner"].create({"name": "Follow-up customer"})
        cls.product = cls.env["product.product"].create({"name": "Follow-up washer"})
        cls.Followup = cls.env["repair.service.followup"]
        cls.call_type = cls.env.ref(f"{M}.mail_activity_followup_call")
        cls.problem_type = cls.env.ref(f"{M}.mail_activity_followup_problem")
        cls.policy = cls.env.ref(f"{M}.sla_policy_followup_call")

    def _order(self):
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "customer_phone": "+86 21 5555 0188",
                    "fault_description": "Does not spin",
                }
            )
        )
        return order.with_env(self.env)

    def _completed_order(self, outlet=None, dispatcher=None):
        """An order repaired and completed now, through the real steps: a
        plain order through core's; with a ``dispatcher`` or an ``outlet``, a
        service order dispatched (by the dispatcher, to the outlet, default
        the follow-up outlet), diagnosed, agreed, repaired and accepted by
        the customer."""
        order = self._order()
        if not (outlet or dispatcher):
            order.action_validate()
            order.action_repair_start()
            order.action_repair_end()
            return order
        order.with_user(dispatcher or self.agent)._dispatch(
            outlet or self.outlet, self.tech_a
        )
        job = order.with_user(self.tech_a)
        job.action_customer_contacted()
        job.write(
            {
                "symptom_id": self.env.ref(f"{M}.fault_symptom_noise").id,
                "cause_id": self.env.ref(f"{M}.fault_cause_fan_motor").id,
                "repair_plan": "Replace the drum bearing",
            }
        )
        job.action_record_consent("Follow-up customer", "phone")
        job.action_repair_start()
        photo = self.env["ir.attachment"].create(
            {"name": "after.png", "datas": SIGNATURE}
        )
        job.write(
            {
                "function_test_done": True,
                "serial_scanned": "SN-FU-1",
                "completion_photo_ids": [(6, 0, photo.ids)],
            }
        )
        job.action_record_acceptance("Follow-up customer", signature=SIGNATURE)
        return order

    def _followup(self, order):
        self.Followup._cron_create_followups()
        return order.followup_ids

    def _sla_line(self, order):
        return order.sla_line_ids.filtered(lambda line: line.policy_id == self.policy)

    def _plain_agent(self):
        """The first active CS agent by id who is not a supervisor."""
        agents = self.env.ref(f"{M}.group_cs_agent").users.filtered(
            lambda u: u.active and not u.share
        )
        supervisors = self.env.ref(f"{M}.group_cs_supervisor").users
        return (agents - supervisors).sorted("id")[:1]

    def test_cron_creates_one_followup_per_order(self):
        """R-15: the scheduled action makes exactly one follow-up per completed
        order, due 7 days after the completion, with a call activity for the
        order's dispatcher (else the first CS agent); running it again makes
        nothing new."""
        with freeze_time(T0):
            dispatched = self._completed_order(dispatcher=self.agent)
            undispatched = self._completed_order()
            still_open = self._order()
        with freeze_time(T0 + timedelta(hours=1)):
            created = self.Followup._cron_create_followups()
        followup = dispatched.followup_ids
        self.assertEqual(len(followup), 1)
        self.assertEqual(len(undispatched.followup_ids), 1)
        self.assertTrue(followup | undispatched.followup_ids <= created)
        self.assertFalse(still_open.followup_ids)
        self.assertEqual(followup.state, "to_call")
        self.assertTrue(followup.name.startswith("FU/"))
        self.assertEqual(followup.due_date, (T0 + timedelta(days=7)).date())
        self.assertEqual(followup.partner_id, self.customer)
        self.assertEqual(followup.customer_phone, "+862155550188")
        self.assertEqual(followup.user_id, self.agent)
        self.assertEqual(followup.activity_ids.activity_type_id, self.call_type)
        self.assertEqual(followup.activity_ids.user_id, self.agent)
        self.assertEqual(followup.activity_ids.date_deadline, followup.due_date)
        self.assertEqual(undispatched.followup_ids.user_id, self._plain_agent())
        self.assertEqual(
            undispatched.followup_ids.activity_ids.user_id, self._plain_agent()
        )
        self.assertEqual(dispatched.followup_count, 1)

        with freeze_time(T0 + timedelta(days=1)):
            again = self.Followup._cron_create_followups()
        self.assertFalse(again)
        self.assertEqual(len(dispatched.followup_ids), 1)
        self.assertEqual(len(followup.activity_ids), 1)

    def test_followup_days_setting(self):
        """R-15: the number of days is a setting (Follow-up within (days))."""
        self.env["res.config.settings"].create({"repair_followup_days": 3}).set_values()
        with freeze_time(T0):
            order = self._completed_order()
            followup = self._followup(order)
        self.assertEqual(followup.due_date, (T0 + timedelta(days=3)).date())
        self.assertEqual(followup.activity_ids.date_deadline, followup.due_date)
        self.assertEqual(self.env.company.repair_followup_days, 3)
        policy = self.env.ref(f"{M}.sla_policy_followup_call")
        self.assertEqual(policy.hours, 72, "the follow-up deadline follows it")

    def test_only_after_completion(self):
        """R-15: a follow-up call is made for a completed order only."""
        with self.assertRaisesRegex(ValidationError, "not completed"):
            self.Followup.with_user(self.agent).create({"repair_id": self._order().id})

    def test_finish_needs_every_answer(self):
        """R-15: the call is finished with every checklist answer and a score;
        the call date, the agent and the order's follow-up time are recorded;
        the state and the finished call never change by a plain write."""
        with freeze_time(T0):
            order = self._completed_order(dispatcher=self.agent)
            followup = self._followup(order).with_user(self.agent)
        with self.assertRaisesRegex(UserError, "Missing: .*Satisfaction"):
            followup.action_done()
        with self.assertRaisesRegex(UserError, "workflow buttons"):
            followup.write({"state": "done"})
        self.assertEqual(followup.state, "to_call")
        self._answer(followup, blank=["cleaned"], satisfaction="4")
        with self.assertRaisesRegex(UserError, "Missing: Product Cleaned"):
            followup.action_done()
        self.assertEqual(followup.state, "to_call")
        self.assertFalse(order.followup_done_at)
        self._answer(followup)
        self.assertFalse(followup.problem_found)
        with freeze_time(T0 + timedelta(days=2)):
            followup.action_done()
        self.assertEqual(followup.state, "done")
        self.assertEqual(followup.call_date, T0 + timedelta(days=2))
        self.assertEqual(followup.user_id, self.agent)
        self.assertEqual(order.followup_done_at, T0 + timedelta(days=2))
        self.assertFalse(followup.activity_ids)
        with self.assertRaisesRegex(UserError, "kept as recorded"):
            followup.write({"satisfaction": "1"})
        with self.assertRaisesRegex(UserError, "“Done”"):
            followup.action_done()
        with self.assertRaisesRegex(UserError, "Followed Up of Repair Order"):
            order.with_user(self.agent).write({"followup_done_at": False})
        self.assertEqual(followup.satisfaction, "4")
        self.assertEqual(order.followup_done_at, T0 + timedelta(days=2))

    def test_low_score_needs_a_task(self):
        """R-15: a low score is a problem: the call cannot be finished before
        it is handed on; the task goes to the outlet's person in charge with
        the customer's remarks."""
        with freeze_time(T0):
            order = self._completed_order(outlet=self.outlet)
            followup = self._followup(order).with_user(self.agent)
        self._answer(followup, satisfaction="3")
        self.assertFalse(followup.problem_found)
        followup.satisfaction = "2"
        self.assertTrue(followup.problem_found)
        with self.assertRaisesRegex(UserError, "found a problem.*satisfaction 2 of 5"):
            followup.action_done()
        self.assertEqual(followup.state, "to_call")
        self.assertFalse(order.followup_done_at)
        with self.assertRaisesRegex(UserError, "write down what the customer said"):
            followup.action_open_task()
        self.assertFalse(followup.task_user_id)
        followup.remarks = "The technician came two hours late."
        followup.action_open_task()
        task = followup.activity_ids.filtered(
            lambda a: a.activity_type_id == self.problem_type
        )
        self.assertEqual(task.user_id, self.staff_a)
        self.assertIn("two hours late", str(task.note))
        self.assertEqual(followup.task_user_id, self.staff_a)
        with self.assertRaisesRegex(UserError, "already handed"):
            followup.action_open_task()
        followup.action_done()
        self.assertEqual(followup.state, "done")
        # the person in charge reads the call and closes the task
        self.assertEqual(
            followup.with_user(self.staff_a).read(["satisfaction"])[0]["satisfaction"],
            "2",
        )
        task.with_user(self.staff_a).action_feedback(feedback="Apologised")
        self.assertFalse(task.active, "done, kept in the history")
        self.assertNotIn(task, followup.activity_ids)

    def test_problem_without_outlet_goes_to_supervisor(self):
        """R-15: without an outlet, the task goes to a CS supervisor; the
        problem threshold is a setting."""
        self.env.company.repair_followup_problem_score = 3
        with freeze_time(T0):
            followup = self._followup(self._completed_order()).with_user(self.agent)
        self._answer(followup, satisfaction="3", remarks="Not convinced it is fixed.")
        self.assertTrue(followup.problem_found)
        followup.action_open_task()
        supervisors = self.env.ref(f"{M}.group_cs_supervisor").users.filtered(
            lambda u: u.active and not u.share
        )
        managers = self.env.ref(f"{M}.group_cs_manager").users
        self.assertEqual(
            followup.task_user_id, (supervisors - managers).sorted("id")[:1]
        )

    def test_open_complaint(self):
        """R-15, R-30: a problem found opens a complaint: a complaint record
        for the same customer, product and order with the remarks, made by
        the agent and linked to the call."""
        with freeze_time(T0):
            order = self._completed_order()
            followup = self._followup(order).with_user(self.agent)
        self._answer(
            followup,
            no=["fees"],
            satisfaction="4",
            remarks="Charged 200 for an in-warranty repair.",
        )
        self.assertTrue(followup.problem_found)
        with self.assertRaisesRegex(UserError, "Fees Charged per the Rules: no"):
            followup.action_done()
        followup.action_open_complaint()
        complaint = followup.complaint_id
        self.assertEqual(complaint._name, "repair.service.complaint")
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.product_id, self.product)
        self.assertEqual(complaint.repair_ids, order)
        self.assertEqual(complaint.outlet_id, order.outlet_id)
        self.assertEqual(complaint.followup_id, followup)
        self.assertEqual(complaint.channel, "phone")
        self.assertIn("Charged 200", complaint.description)
        self.assertEqual(complaint.create_uid, self.agent)
        self.assertEqual(complaint.taker_id, self.agent)
        self.assertEqual(complaint.state, "new")
        self.assertEqual(order.complaint_count, 1)
        with self.assertRaisesRegex(UserError, "already has the complaint"):
            followup.action_open_complaint()
        followup.action_done()
        self.assertEqual(followup.state, "done")
        self.assertEqual(order.followup_count, 1)

    def test_no_problem_nothing_to_hand_on(self):
        """R-15: a task or complaint is opened only for a problem found."""
        with freeze_time(T0):
            followup = self._followup(self._completed_order()).with_user(self.agent)
        self._answer(followup, satisfaction="5", remarks="All good")
        with self.assertRaisesRegex(UserError, "found no problem"):
            followup.action_open_complaint()
        self.assertFalse(followup.complaint_id)

    def test_unreachable_retried(self):
        """R-15: an unanswered call is counted and the call activity moves to
        the next day; the call can then be made."""
        with freeze_time(T0):
            followup = self._followup(self._completed_order(dispatcher=self.agent))
        followup = followup.with_user(self.agent)
        with freeze_time(T0 + timedelta(days=7)):
            followup.action_unreachable()
            followup.action_unreachable()
        self.assertEqual(followup.state, "unreachable")
        self.assertEqual(followup.attempt_count, 2)
        self.assertEqual(
            followup.activity_ids.date_deadline, (T0 + timedelta(days=8)).date()
        )
        self.assertEqual(len(followup.activity_ids), 1)
        self._answer(followup, satisfaction="5")
        followup.action_done()
        self.assertEqual(followup.state, "done")

    def test_technician_cannot_finish(self):
        """R-15, R-44: the outlet's technician reads its follow-ups but cannot
        make the call; other outlets' technicians do not see them."""
        with freeze_time(T0):
            followup = self._followup(self._completed_order(outlet=self.outlet))
        self._answer(followup, satisfaction="5")
        as_tech = followup.with_user(self.tech_a)
        self.assertEqual(as_tech.read(["state"])[0]["state"], "to_call")
        with self.assertRaisesRegex(AccessError, "CS Agent"):
            as_tech.action_done()
        with self.assertRaises(AccessError):
            as_tech.write({"remarks": "Written by the technician"})
        with self.assertRaises(AccessError):
            followup.with_user(self.tech_b).read(["state"])
        self.assertEqual(followup.state, "to_call")
        self.assertFalse(followup.call_date)

    def test_sla_met_in_time(self):
        """R-15: the follow-up deadline (7 days from the completion) is met
        when the call is made in time."""
        with freeze_time(T0):
            order = self._completed_order(dispatcher=self.agent)
        line = self._sla_line(order)
        self.assertEqual(line.state, "running")
        self.assertEqual(line.rule, "R-15")
        self.assertEqual(line.deadline, T0 + timedelta(days=7))
        self.assertEqual(line.responsible_id, self.agent)
        followup = self._followup(order).with_user(self.agent)
        self._answer(followup, satisfaction="5")
        with freeze_time(T0 + timedelta(days=6)):
            followup.action_done()
        self.assertEqual(line.state, "met")
        with freeze_time(T0 + timedelta(days=8)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
        self.assertEqual(line.state, "met")

    def test_sla_breached(self):
        """R-15: without the call after 7 days the deadline is breached and
        escalated to the CS supervisors; a late call keeps the breach. Two
        deadlines of one order breached together escalate to the same people
        without clashing."""
        second = self.policy.copy({"name": "Second call deadline"})
        with freeze_time(T0):
            order = self._completed_order(dispatcher=self.agent)
        with freeze_time(T0 + timedelta(days=7, minutes=1)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
        line = self._sla_line(order)
        self.assertEqual(line.state, "breached")
        escalations = self.env["mail.activity"].search(
            [
                ("res_model", "=", "repair.order"),
                ("res_id", "=", order.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref(f"{M}.mail_activity_sla_breach").id,
                ),
            ]
        )
        self.assertTrue(escalations)
        supervisors = self.env.ref(f"{M}.group_cs_supervisor").users
        self.assertFalse(escalations.user_id - supervisors)
        second_line = order.sla_line_ids.filtered(lambda line: line.policy_id == second)
        self.assertEqual(second_line.state, "breached")
        self.assertEqual(len(escalations), 2 * len(escalations.user_id))
        followup = self._followup(order).with_user(self.agent)
        self._answer(followup, satisfaction="5")
        with freeze_time(T0 + timedelta(days=9)):
            followup.action_done()
        self.assertEqual(line.state, "breached")
        self.assertTrue(line.done_date)

    def test_checklist_is_data(self):
        """R-15: the call asks the configured questions (the seed's by
        default); an archived question is no longer asked, a new one is."""
        Question = self.env["repair.service.followup.question"]
        seed = Question.search([])
        self.assertEqual(len(seed), 10)
        self.env.ref(f"{M}.followup_question_cleaned").active = False
        extra = Question.create({"name": "Would you recommend us?"})
        with freeze_time(T0):
            followup = self._followup(self._completed_order())
        asked = followup.answer_ids.question_id
        self.assertEqual(len(asked), 10)
        self.assertIn(extra, asked)
        self.assertNotIn(self.env.ref(f"{M}.followup_question_cleaned"), asked)
        self.assertEqual(
            followup.answer_ids[0].question_id,
            self.env.ref(f"{M}.followup_question_product_works"),
            "in the configured order",
        )

    def test_answers_by_the_cs_centre_while_open(self):
        """Answers are recorded by CS agents while the call is open; lines are
        never added or moved by hand; All Yes answers the open questions."""
        with freeze_time(T0):
            followup = self._followup(self._completed_order())
        line = followup.answer_ids[0]
        with self.assertRaisesRegex(AccessError, "CS Agent"):
            line.with_user(self.tech_a).answer = "yes"
        with self.assertRaisesRegex(UserError, "not added by hand"):
            self.env["repair.service.followup.answer"].with_user(self.agent).create(
                {"followup_id": followup.id, "question_id": line.question_id.id}
            )
        with self.assertRaisesRegex(UserError, "Only the answer"):
            line.with_user(self.agent).question_id = followup.answer_ids[1].question_id
        line.with_user(self.agent).answer = "no"
        followup.with_user(self.agent).action_answer_all_yes()
        self.assertEqual(line.answer, "no", "an answer given stays")
        self.assertEqual(set(followup.answer_ids[1:].mapped("answer")), {"yes"})
        self.assertTrue(followup.problem_found)
