# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each activity the module starts is closed by the step that answers it."""

import base64
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import OutletCase

M = "repair_service_mgmt"
SIGNATURE = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@tagged("post_install", "-at_install")
class TestActivities(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet(
            "Activity Outlet",
            technicians=cls.tech_a | cls.tech_b,
            manager_id=cls.staff_a.id,
        )
        cls.customer = cls.env["res.partner"].create({"name": "Activity customer"})
        cls.product = cls.env["product.product"].create({"name": "Activity oven"})

    def _order(self):
        return (
            self.env["repair.order"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id})
        )

    def _open(self, order, kind):
        return order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(f"{M}.{kind}")
        )

    def _done(self, order, kind):
        """The activities of ``kind`` marked done on ``order``."""
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "repair.order"),
                    ("res_id", "=", order.id),
                    ("activity_type_id", "=", self.env.ref(f"{M}.{kind}").id),
                    ("active", "=", False),
                ]
            )
        )

    def test_job_closed_by_accept(self):
        """R-07: the technician's job is an activity of its own type, closed
        when the technician accepts; the job sends no e-mail of its own."""
        order = self._order()
        mails = self.env["mail.mail"].search_count([])
        order._dispatch(self.outlet, self.tech_a)
        job = self._open(order, "mail_activity_job")
        self.assertEqual(job.user_id, self.tech_a)
        self.assertIn(self.tech_a.partner_id, order.message_partner_ids)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)
        order.with_user(self.tech_a).action_customer_contacted()
        self.assertFalse(self._open(order, "mail_activity_job"))
        self.assertEqual(self._done(order, "mail_activity_job"), job)

    def test_decline_and_dispatch_again(self):
        """R-07: a declined job closes the technician's activity and hands
        the order back to its dispatcher, whose activity the next dispatch
        closes; a reassignment takes the job from the first technician."""
        order = self._order()
        order._dispatch(self.outlet, self.tech_a)
        order.with_user(self.tech_a).action_decline_job()
        # the declined job leaves the technician's list: removed, not done
        self.assertFalse(self._open(order, "mail_activity_job"))
        self.assertFalse(self._done(order, "mail_activity_job"))
        again = self._open(order, "mail_activity_dispatch_again")
        self.assertEqual(again.user_id, self.agent)
        order.with_user(self.agent)._dispatch(self.outlet, self.tech_a)
        self.assertFalse(self._open(order, "mail_activity_dispatch_again"))
        self.assertEqual(self._open(order, "mail_activity_job").user_id, self.tech_a)
        order.with_user(self.agent)._dispatch(self.outlet, self.tech_b)
        self.assertEqual(self._open(order, "mail_activity_job").user_id, self.tech_b)

    def test_rework_closed_by_acceptance(self):
        """R-12: a disputed result is a rework activity for the technician,
        closed when the customer accepts."""
        order = self._order()
        order._dispatch(self.outlet, self.tech_a)
        job = order.with_user(self.tech_a)
        job.action_customer_contacted()
        job.write(
            {
                "symptom_id": self.env.ref(f"{M}.fault_symptom_noise").id,
                "cause_id": self.env.ref(f"{M}.fault_cause_fan_motor").id,
                "repair_plan": "Replace the fan",
            }
        )
        job.action_record_consent("Activity customer", "phone")
        job.action_repair_start()
        photo = self.env["ir.attachment"].create({"name": "p.png", "datas": SIGNATURE})
        ready = {
            "function_test_done": True,
            "serial_scanned": "SN-1",
            "completion_photo_ids": [(6, 0, photo.ids)],
        }
        job.write(ready)
        job.action_record_acceptance("Activity customer", False, opinion="Noisy")
        rework = self._open(order, "mail_activity_rework")
        self.assertEqual(rework.user_id, self.tech_a)
        self.assertEqual(rework.note.striptags(), "Noisy")
        job.write(ready)
        job.action_record_acceptance("Activity customer", signature=SIGNATURE)
        self.assertEqual(order.state, "done")
        self.assertFalse(self._open(order, "mail_activity_rework"))
        self.assertEqual(self._done(order, "mail_activity_rework"), rework)

    def test_breach_escalation_closed_when_done_late(self):
        """A missed deadline's escalation is in its recipient's time zone and
        is closed when the work is done after all."""
        self.staff_a.tz = "Asia/Shanghai"
        start = datetime(2026, 11, 23, 9, 0)
        with freeze_time(start):
            order = self._order()
            order._dispatch(self.outlet, self.tech_a)
        with freeze_time(start + timedelta(hours=3)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
        breach = self._open(order, "mail_activity_sla_breach")
        self.assertEqual(breach.user_id, self.staff_a, "the outlet's manager")
        # due 11:00 UTC: 19:00 in Shanghai
        self.assertRegex(breach.summary, r"7:00 PM|19:00")
        with freeze_time(start + timedelta(hours=4)):
            order.with_user(self.tech_a).action_customer_contacted()
        self.assertFalse(self._open(order, "mail_activity_sla_breach"))
        self.assertEqual(self._done(order, "mail_activity_sla_breach"), breach)
