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
        self.env["ir.config_parameter"].set_param(
            "repair_service_mgmt.allow_inspector_decision", "True"
        )
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
