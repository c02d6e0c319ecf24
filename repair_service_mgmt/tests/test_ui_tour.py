# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUiTour(HttpCase):
    def test_app_tour(self):
        """The app opens in a real browser; the tag it saves proves it ran."""
        self.start_tour("/odoo", "repair_service_mgmt_app_tour", login="admin")
        tag = self.env["repair.tags"].search([("name", "=", "Tour Tag From Chromium")])
        self.assertEqual(len(tag), 1)
