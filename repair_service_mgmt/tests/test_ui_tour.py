# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import OutletHttpCase


@tagged("post_install", "-at_install")
class TestUiTour(OutletHttpCase):
    def test_app_tour(self):
        """The app opens in a real browser; the tag it saves proves it ran."""
        self.start_tour("/odoo", "repair_service_mgmt_app_tour", login="admin")
        tag = self.env["repair.tags"].search([("name", "=", "Tour Tag From Chromium")])
        self.assertEqual(len(tag), 1)

    def test_application_tour(self):
        """R-42: a CS user takes an application from submitted to approved in
        the browser (here the service administrator, allowed to inspect and
        decide by the setting)."""
        self.env.company.repair_allow_inspector_decision = True
        application = self._to_state(self._application(name="Tour Outlet"), "submitted")
        self.start_tour(
            f"/odoo/action-repair_service_mgmt.repair_service_application_action/{application.id}",
            "repair_service_mgmt_application_tour",
            login="admin",
        )
        self.assertEqual(application.state, "approved")
        self.assertEqual(application.inspection_score, 84)
        self.assertEqual(application.outlet_id.name, "Tour Outlet")
        self.assertTrue(application.outlet_id.certificate_number)
        self.assertEqual(application.decision_user_id, self.env.ref("base.user_admin"))


@tagged("post_install", "-at_install")
class TestRepairFlowTour(OutletHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        cls.outlet = cls._approved_outlet("Tour Outlet", technicians=cls.admin)
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour Customer", "phone": "+86 21 6123 4567"}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Tour air conditioner", "type": "consu"}
        )
        cls.part = cls.env["product.product"].create(
            {
                "name": "Tour fan motor",
                "type": "consu",
                "is_storable": True,
                "list_price": 260.0,
                "invoice_policy": "order",
            }
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.part, cls.outlet.location_id, 5
        )

    def test_repair_flow_tour(self):
        """R-01…R-15 in the browser: intake → dispatch → visit → diagnosis →
        consent with signature → repair → acceptance with signature → invoice
        → follow-up call."""
        self.start_tour(
            "/odoo/action-repair_service_mgmt.repair_order_action/new",
            "repair_service_mgmt_flow_tour",
            login="admin",
            # ninety steps from the call to the follow-up: more than the
            # default minute on a busy two-core machine
            timeout=240,
        )
        order = self.env["repair.order"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "done")
        self.assertEqual(order.outlet_id, self.outlet)
        self.assertEqual(order.visit_ids.state, "done")
        self.assertEqual(order.consent_state, "given")
        self.assertTrue(order.consent_signature)
        self.assertEqual(order.acceptance_state, "accepted")
        self.assertTrue(order.acceptance_signature)
        self.assertEqual(order.completion_photo_ids.name, "repaired.png")
        self.assertEqual(order.move_ids.product_id, self.part)
        self.assertEqual(order.move_ids.state, "done")
        invoice = order.sale_order_id.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.amount_untaxed, 260.0)
        self.assertEqual(order.followup_ids.state, "done")
        self.assertEqual(order.followup_ids.satisfaction, "5")
        self.assertTrue(order.followup_done_at)
