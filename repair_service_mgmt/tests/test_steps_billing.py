# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-14: the quotation starts from the diagnosis — the parts with their
prices and the labour of the estimated hours, zero in warranty; the customer
sees the invoices and their payment on the repair's portal page."""

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import OutletCase, OutletHttpCase

M = "repair_service_mgmt"


@tagged("post_install", "-at_install")
class TestStepsBilling(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet("Billing Outlet", technicians=cls.tech_a)
        cls.customer = cls.env["res.partner"].create({"name": "Billing customer"})
        cls.appliance = cls.env["product.product"].create(
            {"name": "Billing washer", "type": "consu"}
        )
        cls.pump = cls.env["product.product"].create(
            {
                "name": "Billing drain pump",
                "type": "consu",
                "is_storable": True,
                "list_price": 120.0,
                "invoice_policy": "order",
            }
        )
        cls.labour = cls.env.ref(f"{M}.product_repair_labour")

    def _diagnosed(self, under_warranty=False, hours=2.5):
        """A service order diagnosed by its technician: one pump, the
        estimated hours."""
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create(
                dict(
                    {
                        "partner_id": self.customer.id,
                        "product_id": self.appliance.id,
                    },
                    # in warranty from the evidence, as decided
                    **(
                        {
                            "warranty_card_number": "WC-1",
                            "purchase_invoice_number": "INV-1",
                            "purchase_invoice_date": fields.Date.today(),
                        }
                        if under_warranty
                        else {}
                    ),
                )
            )
        )
        order._dispatch(self.outlet, self.tech_a)
        job = order.with_user(self.tech_a)
        job.action_customer_contacted()
        job.write(
            {
                "symptom_id": self.env.ref(f"{M}.fault_symptom_noise").id,
                "cause_id": self.env.ref(f"{M}.fault_cause_fan_motor").id,
                "repair_plan": "Replace the drain pump",
                "estimated_hours": hours,
                "estimated_cost": 320.0,
            }
        )
        self.env["stock.move"].with_user(self.tech_a).create(
            {
                "repair_id": order.id,
                "repair_line_type": "add",
                "product_id": self.pump.id,
                "product_uom_qty": 1,
            }
        )
        return job

    def _lines(self, sale):
        return {
            line.product_id: (
                line.product_uom_qty,
                line.price_unit,
                line.price_subtotal,
            )
            for line in sale.order_line
        }

    def test_defaults(self):
        company = self.env.company
        self.assertEqual(company.repair_labour_hourly_rate, 80.0)
        self.assertEqual(company._repair_labour_product(), self.labour)
        self.assertEqual(self.labour.type, "service")
        self.assertEqual(self.labour.uom_id, self.env.ref("uom.product_uom_hour"))

    def test_quotation_from_the_diagnosis(self):
        """The technician's Create Quotation: the pump at its price, 2.5 h of
        labour at 80: 120 + 200."""
        job = self._diagnosed()
        job.action_create_sale_order()
        sale = job.sudo().sale_order_id
        self.assertEqual(
            self._lines(sale),
            {
                self.pump: (1.0, 120.0, 120.0),
                self.labour: (2.5, 80.0, 200.0),
            },
        )
        self.assertEqual(sale.amount_untaxed, 320.0)
        self.assertEqual(job.billing_state, "quoted")

    def test_quotation_in_warranty_is_free(self):
        job = self._diagnosed(under_warranty=True)
        job.action_create_sale_order()
        sale = job.sudo().sale_order_id
        self.assertEqual(
            self._lines(sale),
            {self.pump: (1.0, 0.0, 0.0), self.labour: (2.5, 0.0, 0.0)},
        )
        self.assertEqual(sale.amount_total, 0.0)

    def test_company_labour_settings(self):
        """The settings choose the labour product and rate; no estimate, no
        labour line."""
        product = self.env["product.product"].create(
            {"name": "Site labour", "type": "service", "invoice_policy": "order"}
        )
        settings = self.env["res.config.settings"].create(
            {"repair_labour_product_id": product.id, "repair_labour_hourly_rate": 100}
        )
        settings.execute()
        job = self._diagnosed(hours=1.5)
        job.action_create_sale_order()
        sale = job.sudo().sale_order_id
        self.assertEqual(self._lines(sale)[product], (1.5, 100.0, 150.0))
        # the fee check expects the same rate: nothing to explain
        self.assertEqual(sale._repair_fee_deviations(), [])
        no_estimate = self._diagnosed(hours=0.0)
        no_estimate.action_create_sale_order()
        self.assertEqual(
            no_estimate.sudo().sale_order_id.order_line.product_id, self.pump
        )


@tagged("post_install", "-at_install")
class TestStepsPortalInvoice(OutletHttpCase):
    """The customer's repair page lists its invoices with Odoo's invoice page,
    PDF download and the payment state."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env, "portal_steps", groups="base.group_portal", name="Qian Hua"
        )
        cls.labour = cls.env.ref(f"{M}.product_repair_labour")
        cls.outlet = cls._approved_outlet("Invoice Outlet", technicians=cls.tech_a)
        cls.heater = cls.env["product.product"].create(
            {"name": "Portal steps heater", "type": "consu"}
        )
        cls.order = cls._service_order()
        cls.invoice = cls._invoice(cls.order, cls.labour, 322.0)

    @classmethod
    def _service_order(cls):
        order = (
            cls.env["repair.order"]
            .with_user(cls.agent)
            .create(
                {
                    "partner_id": cls.portal_user.partner_id.id,
                    "product_id": cls.heater.id,
                }
            )
        )
        order._dispatch(cls.outlet, cls.tech_a)
        return order.with_env(cls.env)

    def _page(self):
        self.authenticate("portal_steps", "portal_steps")
        response = self.url_open(f"/my/repairs/{self.order.id}")
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_invoice_posted_then_paid(self):
        text = self._page()
        self.assertIn('id="repair_portal_invoices"', text)
        self.assertIn(self.invoice.name, text)
        self.assertIn(f"/my/invoices/{self.invoice.id}?access_token=", text)
        self.assertIn("report_type=pdf&amp;download=true", text)
        self.assertIn("Not Paid", text)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.invoice.ids
        ).create({})._create_payments()
        self.assertEqual(self.invoice.payment_state, "paid")
        text = self._page()
        self.assertIn(self.invoice.name, text)
        self.assertIn("Paid", text)
        self.assertNotIn("Not Paid", text)
        # Odoo's own invoice page opens with the link's token
        self.authenticate(None, None)
        page = self.url_open(self.invoice.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.invoice.name, page.text)

    def test_no_invoice_section_without_invoices(self):
        order = self._service_order()
        self.authenticate("portal_steps", "portal_steps")
        text = self.url_open(f"/my/repairs/{order.id}").text
        self.assertNotIn('id="repair_portal_invoices"', text)
