# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import M
from .test_complaint import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintCrisis(ComplaintCase):
    """R-35: crisis events close with their documents; a property loss of
    500 or more needs the insurer notified first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.crisis_insurer_threshold = 500.0
        cls.insurer_type = cls.env.ref(f"{M}.mail_activity_complaint_insurer")

    def _followed_up(self, complaint):
        complaint.write({"cause": "Wiring fault", "responsibility": "Product"})
        complaint.action_analyse()
        complaint.resolution = "Settled with the customer"
        complaint.action_resolve()
        complaint.followup_satisfaction = "satisfied"
        complaint.action_record_followup()
        self.assertEqual(complaint.state, "followed_up")
        return complaint

    def _attachment(self, name):
        return (
            self.env["ir.attachment"]
            .with_user(self.agent)
            .create({"name": name, "datas": base64.b64encode(b"%PDF-1.4 scan")})
        )

    def _insurer_activities(self, complaint):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", complaint._name),
                    ("res_id", "=", complaint.id),
                    ("activity_type_id", "=", self.insurer_type.id),
                ]
            )
        )

    def test_r35_crisis_closes_only_with_agreement_and_receipt(self):
        complaint = self._followed_up(self._complaint(kind="crisis"))
        self.assertIn("settlement agreement", complaint.close_missing)
        self.assertIn("receipt", complaint.close_missing)
        with self._refused(UserError, "settlement agreement.*receipt"):
            complaint.with_user(self.supervisor).action_close()
        complaint.crisis_agreement_ids = self._attachment("agreement.pdf")
        with self._refused(UserError, "receipt for the money paid"):
            complaint.with_user(self.supervisor).action_close()
        self.assertNotIn("settlement agreement", complaint.close_missing)
        complaint.crisis_agreement_ids = False
        complaint.crisis_receipt_ids = self._attachment("receipt.pdf")
        with self._refused(UserError, "settlement agreement"):
            complaint.with_user(self.supervisor).action_close()
        complaint.crisis_agreement_ids = self._attachment("agreement2.pdf")
        self.assertFalse(complaint.close_missing)
        complaint.with_user(self.supervisor).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_r35_other_kinds_need_no_crisis_documents(self):
        complaint = self._followed_up(self._complaint())
        self.assertFalse(complaint.close_missing)
        complaint.with_user(self.supervisor).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_r35_loss_499_raises_no_insurer_task(self):
        complaint = self._complaint(major_property_loss=True, property_loss=499.0)
        self.assertEqual(complaint.severity, "major")
        self.assertFalse(complaint.insurer_required)
        self.assertFalse(self._insurer_activities(complaint))
        self._followed_up(complaint)
        complaint.with_user(self.supervisor).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_r35_loss_500_task_for_cs_centre_done_before_closing(self):
        complaint = self._complaint(major_property_loss=True, property_loss=499.0)
        complaint.property_loss = 500.0
        self.assertTrue(complaint.insurer_required)
        activity = self._insurer_activities(complaint)
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group(f"{M}.group_cs_manager"))
        # a second change raises no second task
        complaint.property_loss = 800.0
        self.assertEqual(self._insurer_activities(complaint), activity)
        self._followed_up(complaint)
        self.assertIn("insurer", complaint.close_missing)
        with self._refused(UserError, "insurer"):
            complaint.with_user(self.supervisor).action_close()
        # nobody records the notification by hand
        with self._refused(UserError, "Insurer Notified"):
            complaint.with_user(self.agent).write(
                {"insurer_notified_at": "2026-01-01 00:00:00"}
            )
        # the CS-centre manager marks it done in the chatter
        activity.user_id = self.manager
        activity.with_user(self.manager).action_feedback(feedback="Insurer called")
        self.assertEqual(complaint.insurer_notified_by_id, self.manager)
        self.assertTrue(complaint.insurer_notified_at)
        self.assertFalse(complaint.close_missing)
        complaint.with_user(self.supervisor).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_r35_cancelled_complaint_drops_its_insurer_task(self):
        complaint = self._complaint(major_property_loss=True, property_loss=600.0)
        self.assertTrue(self._insurer_activities(complaint))
        complaint.with_user(self.supervisor).action_cancel()
        self.assertFalse(self._insurer_activities(complaint))

    def test_r35_general_complaint_with_a_loss_needs_no_insurer(self):
        complaint = self._complaint(property_loss=900.0)
        self.assertEqual(complaint.severity, "general")
        self.assertFalse(complaint.insurer_required)
        self.assertFalse(self._insurer_activities(complaint))
