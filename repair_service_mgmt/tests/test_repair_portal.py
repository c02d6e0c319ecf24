# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OutletHttpCase

# a 1×1 PNG, base64 as the portal's signature widget sends it
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGA"
    "WjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestRepairPortal(OutletHttpCase):
    """R-09: customers follow their repairs on the portal and sign the
    consent there; R-44: they see only their own orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env, "portal_cust", groups="base.group_portal", name="Liu Yang"
        )
        cls.other_user = new_test_user(
            cls.env, "portal_other", groups="base.group_portal", name="Wu Lei"
        )
        cls.customer = cls.portal_user.partner_id
        cls.outlet = cls._approved_outlet("Portal Outlet", technicians=cls.tech_a)
        cls.product = cls.env["product.product"].create(
            {"name": "Portal range hood", "type": "consu"}
        )
        cls.order = cls._new_order(cls.customer)
        cls.order.with_user(cls.agent)._dispatch(cls.outlet, cls.tech_a)
        cls.order.with_user(cls.tech_a).action_customer_contacted()
        cls.order.with_user(cls.tech_a).write(
            {
                "symptom_id": cls.env.ref("repair_service_mgmt.fault_symptom_noise").id,
                "cause_id": cls.env.ref("repair_service_mgmt.fault_cause_fan_motor").id,
                "repair_plan": "Replace the worn fan motor",
                "estimated_cost": 150.0,
            }
        )
        cls.other_order = cls._new_order(cls.other_user.partner_id)

    @classmethod
    def _new_order(cls, partner):
        return (
            cls.env["repair.order"]
            .with_user(cls.agent)
            .create(
                {
                    "partner_id": partner.id,
                    "product_id": cls.product.id,
                    "fault_description": "Loud noise",
                }
            )
        )

    def _consent_values(self, order):
        order.invalidate_recordset()
        return order.read(
            ["consent_state", "consent_method", "consent_by", "consent_signature"]
        )[0]

    def _post_consent(self, order, query="", **params):
        return self.make_jsonrpc_request(
            f"/my/repairs/{order.id}/consent{query}", params
        )

    def test_list_and_home_counter(self):
        """R-09: the customer's repairs are listed with their status and
        counted on the portal home; other customers' orders are not."""
        self.authenticate("portal_cust", "portal_cust")
        response = self.url_open("/my/repairs")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.order.name, response.text)
        self.assertIn("Diagnosed: waiting for your consent", response.text)
        self.assertIn("Your consent is needed", response.text)
        self.assertNotIn(self.other_order.name, response.text)
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        self.assertIn('data-placeholder_count="repair_count"', home.text)
        self.assertIn('href="/my/repairs"', home.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["repair_count"]}
        )
        self.assertEqual(counters["repair_count"], 1)

    def test_portal_user_sees_only_own_orders(self):
        """R-44: portal users read no order record (not even their own one's
        internal fields); the portal's pages show their own orders only; the
        customer cannot write."""
        Repair = self.env["repair.order"].with_user(self.portal_user)
        with self.assertRaises(AccessError):
            Repair.search([])
        with self.assertRaises(AccessError):
            self.order.with_user(self.portal_user).read(["internal_notes"])
        with self.assertRaises(AccessError):
            self.other_order.with_user(self.portal_user).check_access("read")
        with self.assertRaises(AccessError):
            self.order.with_user(self.portal_user).write({"fault_description": "x"})
        self.authenticate("portal_cust", "portal_cust")
        response = self.url_open(f"/my/repairs/{self.other_order.id}")
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn(self.other_order.name, response.text)
        before = self._consent_values(self.other_order)
        result = self._post_consent(
            self.other_order, name="Liu Yang", signature=SIGNATURE
        )
        self.assertRegex(result["error"], "not found")
        self.assertEqual(self._consent_values(self.other_order), before)

    def test_detail_page(self):
        """R-09: the detail page shows status, outlet, technician, the plan,
        the cost, the consent status, the record PDF and the sign button."""
        self.authenticate("portal_cust", "portal_cust")
        response = self.url_open(f"/my/repairs/{self.order.id}")
        self.assertEqual(response.status_code, 200)
        text = response.text
        for expected in (
            self.order.name,
            "Replace the worn fan motor",
            "Portal Outlet",
            self.tech_a.name,
            "Not asked",
            "o_repair_portal_sign",
            "Sign to agree",
            f"/my/repairs/{self.order.id}/consent",
            "report_type=pdf",
        ):
            self.assertIn(expected, text)
        pdf = self.url_open(f"/my/repairs/{self.order.id}?report_type=pdf")
        self.assertEqual(pdf.status_code, 200)
        self.assertIn(self.order.name, pdf.text)

    def test_r24_warranty_decision_on_the_page(self):
        """R-24: the customer reads the decision, its reason, the days left
        and the 三包 options on the page; without evidence, "Charged"."""
        self.env["repair.warranty.policy"].create(
            {
                "name": "Portal range hoods",
                "product_tmpl_id": self.product.product_tmpl_id.id,
                "unit_months": 12,
            }
        )
        bought = fields.Date.context_today(self.order) - timedelta(days=5)
        covered = self._new_order(self.customer)
        covered.with_user(self.agent).write(
            {
                "warranty_card_number": "WC-PORTAL-1",
                "purchase_invoice_number": "INV-PORTAL-1",
                "purchase_invoice_date": bought,
            }
        )
        uncovered = self._new_order(self.customer)
        self.assertTrue(covered.under_warranty)
        self.assertFalse(uncovered.under_warranty)
        self.authenticate("portal_cust", "portal_cust")
        page = self.url_open(f"/my/repairs/{covered.id}").text
        self.assertIn("repair_portal_warranty", page)
        self.assertIn("In warranty: free", page)
        self.assertIn(f"Warranty left: {covered.warranty_days_left} days", page)
        self.assertIn("Open to you: repair, exchange, refund", page)
        self.assertIn("In warranty until", page)
        page = self.url_open(f"/my/repairs/{uncovered.id}").text
        self.assertIn("Charged", page)
        self.assertIn("Neither a warranty card", page)
        self.assertNotIn("Open to you", page)

    def test_no_sign_button_before_diagnosis(self):
        """R-09: an order not diagnosed yet offers no signature, and a
        consent posted anyway is refused with the reason."""
        order = self._new_order(self.customer)
        order.with_user(self.agent)._dispatch(self.outlet, self.tech_a)
        self.authenticate("portal_cust", "portal_cust")
        response = self.url_open(f"/my/repairs/{order.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("has not diagnosed the fault yet", response.text)
        self.assertNotIn("o_repair_portal_sign", response.text)
        result = self._post_consent(order, name="Liu Yang", signature=SIGNATURE)
        self.assertRegex(result["error"], "not waiting for your consent")
        self.assertEqual(self._consent_values(order)["consent_state"], "none")

    def test_sign_consent(self):
        """R-09: signing on the portal records the consent as given, signed
        on the portal, with the signature; the button is gone afterwards."""
        self.authenticate("portal_cust", "portal_cust")
        result = self._post_consent(self.order, name="Liu Yang", signature=SIGNATURE)
        self.assertTrue(result.get("force_refresh"), result)
        self.assertIn(f"/my/repairs/{self.order.id}", result["redirect_url"])
        values = self._consent_values(self.order)
        self.assertEqual(values["consent_state"], "given")
        self.assertEqual(values["consent_method"], "portal")
        self.assertEqual(values["consent_by"], "Liu Yang")
        self.assertTrue(values["consent_signature"])
        self.assertTrue(base64.b64decode(values["consent_signature"]))
        response = self.url_open(f"/my/repairs/{self.order.id}?message=sign_ok")
        self.assertIn("You agreed to the repair", response.text)
        self.assertNotIn("o_repair_portal_sign", response.text)
        again = self._post_consent(self.order, name="Liu Yang", signature=SIGNATURE)
        self.assertRegex(again["error"], "not waiting for your consent")

    def test_sign_refused_without_signature_or_name(self):
        """R-09: no signature, or no name, is an error on the page and
        changes nothing."""
        self.authenticate("portal_cust", "portal_cust")
        before = self._consent_values(self.order)
        result = self._post_consent(self.order, name="Liu Yang", signature="")
        self.assertRegex(result["error"], "signature is missing")
        self.assertEqual(self._consent_values(self.order), before)
        result = self._post_consent(self.order, name="  ", signature=SIGNATURE)
        self.assertRegex(result["error"], "Enter who agreed for the customer")
        self.assertEqual(self._consent_values(self.order), before)
        self.assertEqual(before["consent_state"], "none")

    def test_access_token(self):
        """R-09: a logged-out customer with the link (access token) sees the
        order and signs; a wrong token shows nothing."""
        token = self.order._portal_ensure_token()
        self.authenticate(None, None)
        wrong = self.url_open(f"/my/repairs/{self.order.id}?access_token=wrong")
        self.assertIn(wrong.status_code, (403, 404))
        refused = self._post_consent(
            self.order, query="?access_token=wrong", name="x", signature=SIGNATURE
        )
        self.assertRegex(refused["error"], "not found")
        self.assertEqual(self._consent_values(self.order)["consent_state"], "none")
        page = self.url_open(f"/my/repairs/{self.order.id}?access_token={token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Replace the worn fan motor", page.text)
        self.assertIn("Sign to agree", page.text)
        result = self._post_consent(
            self.order,
            query=f"?access_token={token}",
            name="Liu Yang",
            signature=SIGNATURE,
        )
        self.assertTrue(result.get("force_refresh"), result)
        values = self._consent_values(self.order)
        self.assertEqual(values["consent_state"], "given")
        self.assertEqual(values["consent_method"], "portal")
