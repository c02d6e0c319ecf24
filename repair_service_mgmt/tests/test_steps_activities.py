# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each activity is closed by the step that answers it; a missed deadline
goes to the people who answer for that order, once each, in their language
and their day."""

from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import OutletCase

M = "repair_service_mgmt"
START = datetime(2026, 11, 23, 9, 0)


@tagged("post_install", "-at_install")
class TestStepsActivities(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet(
            "Steps Outlet",
            technicians=cls.tech_a | cls.tech_b,
            manager_id=cls.staff_a.id,
        )
        cls.customer = cls.env["res.partner"].create({"name": "Steps customer"})
        cls.product = cls.env["product.product"].create({"name": "Steps oven"})
        cls.job_type = cls.env.ref(f"{M}.mail_activity_job")
        cls.breach_type = cls.env.ref(f"{M}.mail_activity_sla_breach")

    def _order(self):
        return (
            self.env["repair.order"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id})
        )

    def _activities(self, order, activity_type, active=True):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "repair.order"),
                    ("res_id", "=", order.id),
                    ("activity_type_id", "=", activity_type.id),
                    ("active", "=", active),
                ]
            )
        )

    def _missed(self, *orders):
        """The orders dispatched at 9:00 UTC, their technician silent: the
        2-hour contact deadline is missed and escalated at 12:00 UTC."""
        with freeze_time(START):
            for order in orders:
                order._dispatch(self.outlet, self.tech_a)
        with freeze_time(START + timedelta(hours=3)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()

    # ------------------------------------------------------------------
    # The technician's job
    # ------------------------------------------------------------------
    def test_job_done_on_accept(self):
        order = self._order()
        order._dispatch(self.outlet, self.tech_a)
        job = self._activities(order, self.job_type)
        self.assertEqual(job.user_id, self.tech_a)
        order.with_user(self.tech_a).action_accept_job()
        self.assertFalse(self._activities(order, self.job_type))
        self.assertEqual(self._activities(order, self.job_type, active=False), job)

    def test_job_removed_on_decline_reassign_and_cancel(self):
        order = self._order()
        order._dispatch(self.outlet, self.tech_a)
        order.with_user(self.tech_a).action_decline_job()
        self.assertFalse(self._activities(order, self.job_type))
        self.assertFalse(self._activities(order, self.job_type, active=False))
        order.with_user(self.agent)._dispatch(self.outlet, self.tech_a)
        order.with_user(self.agent)._dispatch(self.outlet, self.tech_b)
        self.assertEqual(self._activities(order, self.job_type).user_id, self.tech_b)
        self.assertFalse(self._activities(order, self.job_type, active=False))
        order.with_user(self.agent).action_repair_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertFalse(
            self.env["mail.activity"].search(
                [("res_model", "=", "repair.order"), ("res_id", "=", order.id)]
            ),
            "a cancelled order leaves no work open",
        )

    def test_job_summary_in_the_technicians_language_due_their_today(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.job_type.with_context(lang="zh_CN").summary = "接单并联系客户"
        self.tech_a.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        self.tech_b.write({"tz": "America/Los_Angeles"})
        order, other = self._order(), self._order()
        # 20:00 UTC: already the next day in Shanghai, still today in LA
        with freeze_time(datetime(2026, 11, 23, 20, 0)):
            order._dispatch(self.outlet, self.tech_a)
            other._dispatch(self.outlet, self.tech_b)
        job = self._activities(order, self.job_type)
        self.assertEqual(job.summary, "接单并联系客户")
        self.assertEqual(job.date_deadline, date(2026, 11, 24))
        other_job = self._activities(other, self.job_type)
        self.assertEqual(other_job.summary, "Accept the job and contact the customer")
        self.assertEqual(other_job.date_deadline, date(2026, 11, 23))

    # ------------------------------------------------------------------
    # Escalation of a missed deadline
    # ------------------------------------------------------------------
    def test_escalation_to_the_outlet_manager_once(self):
        """The outlet's manager gets one activity per missed deadline, even
        when the escalation runs again."""
        order, other = self._order(), self._order()
        self._missed(order, other)
        for record in (order, other):
            breach = self._activities(record, self.breach_type)
            self.assertEqual(breach.user_id, self.staff_a)
        lines = self.env["repair.service.sla.line"].search(
            [("res_model", "=", "repair.order"), ("res_id", "in", [order.id, other.id])]
        )
        lines.filtered(lambda line: line.state == "breached").write(
            {"escalated": False}
        )
        with freeze_time(START + timedelta(hours=4)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
        self.assertEqual(len(self._activities(order, self.breach_type)), 1)
        self.assertEqual(len(self._activities(other, self.breach_type)), 1)

    def test_escalation_follows_each_orders_region(self):
        """Without an outlet manager: the order's regional CS supervisors,
        else its region's CS-centre manager — not the first of a group."""
        self.outlet.sudo().manager_id = False
        east_order = self._order()
        self._missed(east_order)
        self.assertEqual(
            self._activities(east_order, self.breach_type).user_id, self.supervisor
        )
        self.east.write(
            {"supervisor_ids": [Command.clear()], "cs_manager_id": self.manager2.id}
        )
        order = self._order()
        self._missed(order)
        self.assertEqual(
            self._activities(order, self.breach_type).user_id, self.manager2
        )

    def test_escalation_group_only_as_last_resort(self):
        """Nobody named for the order: every CS manager of its company."""
        self.outlet.sudo().manager_id = False
        self.east.supervisor_ids = [Command.clear()]
        order = self._order()
        self._missed(order)
        managers = self.env.ref(f"{M}.group_cs_manager").users.filtered(
            lambda u: u.active and not u.share and order.company_id in u.company_ids
        )
        self.assertGreater(len(managers), 1)
        self.assertEqual(self._activities(order, self.breach_type).user_id, managers)

    def test_escalation_in_the_recipients_language_and_time(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        policy = self.env.ref(f"{M}.sla_policy_contact_customer")
        policy.with_context(lang="zh_CN").name = "技师联系客户"
        self.staff_a.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        order = self._order()
        self._missed(order)
        breach = self._activities(order, self.breach_type)
        self.assertIn("技师联系客户", breach.summary)
        # due 11:00 UTC: 19:00 in Shanghai; escalated on the 23rd there too
        self.assertRegex(breach.summary, "19:00")
        self.assertEqual(breach.date_deadline, date(2026, 11, 23))

    def test_cancel_removes_the_escalation(self):
        order = self._order()
        self._missed(order)
        self.assertTrue(self._activities(order, self.breach_type))
        order.with_user(self.agent).action_repair_cancel()
        self.assertFalse(self._activities(order, self.breach_type))

    def test_cs_side_deadline_goes_to_the_region_not_the_outlet(self):
        """A deadline of the CS centre (no escalation path on its policy)
        goes to the order's regional CS supervisors, not to the outlet."""
        policy = self.env["repair.service.sla.policy"].create(
            {
                "name": "CS centre confirms the dispatch",
                "model_id": self.env["ir.model"]._get_id("repair.order"),
                "start_domain": "[('outlet_id', '!=', False)]",
                "start_field": "dispatched_at",
                "target_domain": "[('customer_contacted_at', '!=', False)]",
                "hours": 1,
                "responsible_field": "dispatcher_id",
                "escalation_group_id": self.env.ref(f"{M}.group_cs_manager").id,
            }
        )
        order = self._order()
        self._missed(order)
        line = self.env["repair.service.sla.line"].search(
            [("policy_id", "=", policy.id), ("res_id", "=", order.id)]
        )
        self.assertEqual(line.state, "breached")
        escalation = self.env["mail.activity"].search(
            [("repair_sla_line_id", "=", line.id)]
        )
        self.assertEqual(escalation.user_id, self.supervisor)
