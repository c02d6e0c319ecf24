# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from contextlib import contextmanager
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tests.common import ChromeBrowser

from .common import OutletHttpCase


@tagged("post_install", "-at_install")
class TestTechnicianDay(OutletHttpCase):
    """The technician's day on a 390-px phone, in Chinese: accept → contact
    → visit → diagnosis → consent → test/photo/serial → acceptance, the step
    due always the one primary button of the header (R-07…R-12)."""

    browser_size = "390x844"
    touch_enabled = True

    @contextmanager
    def _phone_screen(self):
        """Chrome keeps its windows at least 500 px wide: the page is given
        the phone's 390 × 844 viewport as the browser's device emulation."""
        navigate_to = ChromeBrowser.navigate_to

        def navigate_on_phone(browser, url, wait_stop=False):
            # (the browser writes the size as "390,844" once started)
            width, height = (int(x) for x in re.split("[x,]", self.browser_size))
            browser._websocket_request(
                "Emulation.setDeviceMetricsOverride",
                params={
                    "width": width,
                    "height": height,
                    "deviceScaleFactor": 1,
                    "mobile": True,
                },
            )
            return navigate_to(browser, url, wait_stop=wait_stop)

        with patch.object(ChromeBrowser, "navigate_to", navigate_on_phone):
            yield

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lang = cls.env["res.lang"].with_context(active_test=False)
        if not Lang.search([("code", "=", "zh_CN"), ("active", "=", True)]):
            Lang._activate_lang("zh_CN")
            cls.env["ir.module.module"]._load_module_terms(
                ["web", "repair", "repair_service_mgmt"], ["zh_CN"]
            )
        cls.technician = new_test_user(
            cls.env,
            "td_tech",
            groups="repair_service_mgmt.group_technician",
            name="王师傅",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        cls.outlet = cls._approved_outlet("Day Outlet", technicians=cls.technician)
        cls.customer = cls.env["res.partner"].create(
            {"name": "Day Customer", "city": "Shanghai"}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Day air conditioner", "type": "consu"}
        )
        order = (
            cls.env["repair.order"]
            .with_user(cls.agent)
            .with_context(default_intake_channel="phone")
            .create(
                {
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "service_mode": "on_site",
                    "fault_description": "No cooling",
                }
            )
        )
        # a number the tour can find on the card
        order.sudo().write({"name": "TD-JOB-1"})
        order.with_user(cls.agent)._dispatch(
            cls.outlet,
            cls.technician,
            outside_area_reason="Authorised by the CS centre",
        )
        start = fields.Datetime.now() + timedelta(hours=1)
        visit = (
            cls.env["repair.service.visit"]
            .with_user(cls.agent)
            .create(
                {
                    "repair_id": order.id,
                    "planned_start": start,
                    "planned_stop": start + timedelta(hours=2),
                }
            )
        )
        visit.action_confirm_appointment()
        cls.order = order
        cls.visit = visit

    def test_technician_day_on_a_phone_in_chinese(self):
        self.assertEqual(
            self.technician.action_id.id,
            self.env.ref("repair_service_mgmt.repair_order_action_my_jobs").id,
        )
        with self._phone_screen():
            self.start_tour(
                "/odoo",
                "repair_service_mgmt_technician_day_tour",
                login="td_tech",
                # a shared test machine: room for a slow browser
                timeout=180,
            )
        order = self.order
        order.invalidate_recordset()
        self.assertEqual(order.dispatch_state, "accepted")
        self.assertTrue(order.customer_contacted_at)
        self.assertEqual(self.visit.state, "done")
        self.assertTrue(order.first_arrival_at)
        self.assertEqual(
            order.symptom_id, self.env.ref("repair_service_mgmt.fault_symptom_noise")
        )
        self.assertEqual(
            order.cause_id, self.env.ref("repair_service_mgmt.fault_cause_fan_motor")
        )
        self.assertEqual(order.repair_plan, "Replace the fan motor")
        self.assertEqual(order.consent_state, "given")
        self.assertTrue(order.consent_signature)
        self.assertEqual(order.completion_photo_ids.name, "repaired.png")
        self.assertEqual(order.serial_scanned, "SN-TD-1")
        self.assertEqual(order.acceptance_state, "accepted")
        self.assertEqual(order.state, "done")
        self.assertEqual(order.service_step, "done")
