# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-09, R-12: a signing step says what it still needs before anyone signs;
the server refuses the step as long as something is missing."""

import base64

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OutletCase

M = "repair_service_mgmt"
PNG = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@tagged("post_install", "-at_install")
class TestStepsReadiness(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet("Readiness Outlet", technicians=cls.tech_a)
        cls.customer = cls.env["res.partner"].create({"name": "Readiness customer"})
        cls.product = cls.env["product.product"].create(
            {"name": "Readiness fridge", "type": "consu", "tracking": "serial"}
        )
        cls.lot = cls.env["stock.lot"].create(
            {"name": "SN-READY-1", "product_id": cls.product.id}
        )

    def _order(self):
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "lot_id": self.lot.id,
                }
            )
        )
        order._dispatch(self.outlet, self.tech_a)
        return order.with_user(self.tech_a)

    def _diagnose(self, job):
        job.action_customer_contacted()
        job.write(
            {
                "symptom_id": self.env.ref(f"{M}.fault_symptom_noise").id,
                "cause_id": self.env.ref(f"{M}.fault_cause_fan_motor").id,
                "repair_plan": "Replace the fan",
            }
        )

    def _wizard(self, job, purpose, decision="yes"):
        action = getattr(job, f"action_open_{purpose}_wizard")()
        return (
            self.env[action["res_model"]]
            .with_user(self.tech_a)
            .with_context(**action["context"])
            .create({"decision": decision, "signed_by": "Readiness customer"})
        )

    def test_consent_wizard_lists_the_missing_diagnosis(self):
        job = self._order()
        job.action_customer_contacted()
        wizard = self._wizard(job, "consent")
        self.assertIn("Symptom", wizard.missing)
        self.assertIn("Repair Plan", wizard.missing)
        self.assertEqual(job.consent_missing, wizard.missing)
        with self._refused(UserError, "complete the diagnosis first"):
            wizard.action_confirm()
        self.assertEqual(job.consent_state, "none")
        self._diagnose(job)
        self.assertFalse(self._wizard(job, "consent").missing)
        self.assertFalse(job.consent_missing)

    def test_acceptance_wizard_lists_what_is_missing_before_signing(self):
        """The wizard shows the missing test, photos and serial and offers no
        signature; the server refuses and nothing is signed."""
        job = self._order()
        self._diagnose(job)
        job.action_record_consent("Readiness customer", "phone")
        job.action_repair_start()
        lines = job.acceptance_missing.splitlines()
        self.assertEqual(
            lines,
            [
                "pass the full-function test",
                "upload photos of the repaired product",
                "scan the serial number",
            ],
        )
        wizard = self._wizard(job, "acceptance")
        self.assertEqual(wizard.missing, job.acceptance_missing)
        wizard.signature = PNG
        with self._refused(UserError, "not ready for the customer's acceptance"):
            wizard.action_confirm()
        self.assertEqual(job.acceptance_state, "none")
        self.assertFalse(job.acceptance_signature)
        # a disputed result needs none of it
        self.assertFalse(self._wizard(job, "acceptance", decision="no").missing)

        photo = self.env["ir.attachment"].create({"name": "done.png", "datas": PNG})
        job.write(
            {
                "function_test_done": True,
                "completion_photo_ids": [(6, 0, photo.ids)],
                "serial_scanned": "SN-OTHER",
            }
        )
        self.assertEqual(
            job.acceptance_missing,
            "scan the right product: SN-OTHER is not the serial SN-READY-1 of "
            "this order",
        )
        job.serial_scanned = "SN-READY-1"
        self.assertFalse(job.acceptance_missing)
        wizard = self._wizard(job, "acceptance")
        self.assertFalse(wizard.missing)
        wizard.signature = PNG
        wizard.action_confirm()
        self.assertEqual(job.acceptance_state, "accepted")
        self.assertEqual(job.state, "done")

    def test_parts_without_consent_are_missing_for_the_acceptance(self):
        job = self._order()
        self._diagnose(job)
        job.action_record_consent("Readiness customer", "phone")
        job.action_repair_start()
        self.env["stock.move"].with_user(self.tech_a).create(
            {
                "repair_id": job.id,
                "repair_line_type": "add",
                "product_id": self.part.id,
                "product_uom_qty": 1,
            }
        )
        self.assertIn(
            "record the customer's consent to the repair and its parts",
            job.acceptance_missing.splitlines(),
        )

    def test_form_offers_the_steps_only_when_nothing_is_missing(self):
        arch = etree.fromstring(
            self.env["repair.order"].get_view(view_type="form")["arch"]
        )
        # the step's button (the first of its name) waits for the list
        acceptance = arch.xpath("//button[@name='action_open_acceptance_wizard']")
        self.assertIn("acceptance_missing", acceptance[0].get("invisible"))
        consent = arch.xpath("//button[@name='action_open_consent_wizard']")
        self.assertIn("consent_missing", consent[0].get("invisible"))
        wizard_arch = etree.fromstring(
            self.env["repair.order.signature.wizard"].get_view(view_type="form")["arch"]
        )
        self.assertTrue(arch.xpath("//div[@name='acceptance_missing_alert']"))
        self.assertTrue(arch.xpath("//div[@name='consent_missing_alert']"))
        confirm = wizard_arch.xpath("//button[@name='action_confirm']")[0]
        self.assertEqual(confirm.get("invisible"), "missing")
        # the form reads the list as the technician sees it
        job = self._order()
        self._diagnose(job)
        job.action_record_consent("Readiness customer", "phone")
        job.action_repair_start()
        values = job.web_read({"acceptance_missing": {}, "consent_missing": {}})[0]
        self.assertIn("pass the full-function test", values["acceptance_missing"])
        self.assertFalse(values["consent_missing"])
