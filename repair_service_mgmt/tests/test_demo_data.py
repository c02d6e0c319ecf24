# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo data went through the real workflows (R-42, R-45, R-07)."""

    def test_outlets(self):
        ref = self.env.ref
        pudong = ref("repair_service_mgmt.outlet_pudong_demo")
        beijing = ref("repair_service_mgmt.outlet_beijing_demo")
        self.assertEqual(pudong.state, "active")
        self.assertTrue(pudong.certificate_number)
        self.assertEqual(pudong.kind, "brand_owned")
        self.assertEqual(beijing.state, "suspended")
        self.assertIn(
            pudong,
            self.env["repair.service.outlet"].search(
                [("parts_below_minimum", "=", True)]
            ),
        )
        states = set(
            self.env["repair.service.application"]
            .search([("name", "!=", False)])
            .mapped("state")
        )
        self.assertLessEqual(
            {"draft", "submitted", "review", "inspection", "decision", "approved"},
            states,
        )
        self.assertIn("rejected", states)

    def test_repair_orders(self):
        ref = self.env.ref
        dispatched = ref("repair_service_mgmt.repair_order_dispatched_demo")
        contacted = ref("repair_service_mgmt.repair_order_contacted_demo")
        emergency = ref("repair_service_mgmt.repair_order_emergency_demo")
        self.assertEqual(dispatched.dispatch_state, "dispatched")
        self.assertEqual(dispatched.sla_status, "running")
        self.assertEqual(contacted.dispatch_state, "accepted")
        contact = ref("repair_service_mgmt.sla_policy_contact_customer")
        self.assertEqual(
            contacted.sla_line_ids.filtered(lambda l: l.policy_id == contact).state,
            "met",
        )
        self.assertEqual(contacted.state, "under_repair")
        self.assertEqual(contacted.consent_state, "given")
        completed = ref("repair_service_mgmt.repair_order_completed_demo")
        self.assertEqual(completed.state, "done")
        self.assertEqual(completed.acceptance_state, "accepted")
        self.assertTrue(completed.acceptance_signature)
        self.assertEqual(completed.move_ids.state, "done")
        self.assertEqual(len(completed.followup_ids), 1)
        consultation = ref("repair_service_mgmt.repair_order_consultation_demo")
        self.assertEqual(consultation.close_reason, "answered")
        self.assertEqual(
            emergency.partner_id, ref("repair_service_mgmt.partner_customer_wang_demo")
        )
        self.assertEqual(emergency.customer_phone, "+862168881234")
