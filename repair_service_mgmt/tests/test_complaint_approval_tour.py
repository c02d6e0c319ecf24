# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import M, OutletHttpCase

TOUR = "repair_service_mgmt_complaint_chain_"


@tagged("post_install", "-at_install")
class TestComplaintApprovalTour(OutletHttpCase):
    """R-33 in the browser: a customer complaint opened from the follow-up
    call goes through its chain — the regional CS supervisor, then the
    CS-centre manager, each in their own session — is compensated and
    followed up."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet(
            "Tour Complaint Outlet", technicians=cls.tech_a
        )
        cls.customer = cls.env["res.partner"].create({"name": "Tour complainant"})
        product = cls.env["product.product"].create({"name": "Tour washer"})
        order = cls.env["repair.order"].create(
            {"partner_id": cls.customer.id, "product_id": product.id}
        )
        order.action_validate()
        order.action_repair_start()
        order.action_repair_end()
        # the order of the outlet (its dispatch is not the subject here)
        order.sudo().outlet_id = cls.outlet
        cls.env["repair.service.followup"]._cron_create_followups()
        cls.followup = order.followup_ids
        for line in cls.followup.answer_ids:
            key = line.question_id.get_external_id()[line.question_id.id]
            line.answer = "no" if key.endswith("_fees") else "yes"
        cls.followup.write(
            {"satisfaction": "4", "remarks": "Charged a fee inside the warranty."}
        )

    def test_r33_customer_complaint_chain_tour(self):
        self.start_tour(
            "/odoo/action-repair_service_mgmt.repair_service_followup_action/"
            f"{self.followup.id}",
            f"{TOUR}agent_tour",
            login=self.agent.login,
            timeout=120,
        )
        complaint = self.followup.complaint_id
        self.assertEqual(complaint.state, "to_approve")
        self.assertEqual(complaint.approval_proposer_id, self.agent)
        url = f"/odoo/action-{M}.repair_service_complaint_action/{complaint.id}"
        self.start_tour(url, f"{TOUR}supervisor_tour", login=self.supervisor.login)
        self.assertEqual(
            complaint.review_ids.sorted("sequence")[0].done_by, self.supervisor
        )
        self.start_tour(url, f"{TOUR}manager_tour", login=self.manager.login)
        self.assertEqual(complaint.state, "approved")
        self.start_tour(url, f"{TOUR}followup_tour", login=self.agent.login)
        self.assertEqual(complaint.state, "followed_up")
        self.assertEqual(complaint.compensation_move_id.amount_total, 150.0)
        self.assertEqual(complaint.compensation_move_id.state, "posted")
        self.assertEqual(
            complaint.review_ids.sorted("sequence").mapped("comment"),
            ["Checked with the outlet", "Approved"],
        )
