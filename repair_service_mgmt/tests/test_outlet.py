# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from PyPDF2 import PdfReader

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.misc import format_date

from .common import OutletCase, OutletHttpCase


@tagged("post_install", "-at_install")
class TestOutlet(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet_a = cls._approved_outlet(
            "Outlet A",
            technicians=cls.tech_a,
            staff=cls.staff_a,
            manager_id=cls.staff_a.id,
        )
        cls.outlet_b = cls._approved_outlet(
            "Outlet B", region=cls.north, technicians=cls.tech_b
        )

    # R-44 -------------------------------------------------------------
    def test_outlet_users_see_only_their_outlet(self):
        """R-44: outlet A's users neither read nor write outlet B."""
        Outlet = self.env["repair.service.outlet"]
        for user in (self.tech_a, self.staff_a):
            self.assertEqual(Outlet.with_user(user).search([]), self.outlet_a)
            with self.assertRaises(AccessError):
                self.outlet_b.with_user(user).read(["name"])
        self.assertEqual(Outlet.with_user(self.tech_b).search([]), self.outlet_b)
        with self.assertRaises(AccessError):
            self.outlet_b.with_user(self.staff_a).write(
                {"technician_ids": [(4, self.staff_a.id)]}
            )
        Violation = self.env["repair.service.violation"]
        violation_b = Violation.create(
            {
                "outlet_id": self.outlet_b.id,
                "violation_type": "overcharge",
                "description": "Charged 200 above the price list",
            }
        )
        self.assertNotIn(violation_b, Violation.with_user(self.tech_a).search([]))
        self.assertIn(violation_b, Violation.with_user(self.tech_b).search([]))

    def test_regional_supervisor_sees_their_region(self):
        """R-44: a regional CS supervisor sees exactly their region; the CS
        centre everything."""
        Outlet = self.env["repair.service.outlet"]
        Application = self.env["repair.service.application"]
        east = Outlet.with_user(self.supervisor).search([])
        self.assertIn(self.outlet_a, east)
        self.assertEqual(east.region_id, self.east)
        north = Outlet.with_user(self.supervisor_north).search([])
        self.assertIn(self.outlet_b, north)
        self.assertEqual(north.region_id, self.north)
        with self.assertRaises(AccessError):
            self.outlet_b.with_user(self.supervisor).read(["name"])
        self.assertEqual(
            Application.with_user(self.supervisor).search([]).region_id, self.east
        )
        everything = Outlet.with_user(self.manager).search([])
        self.assertGreaterEqual(everything, self.outlet_a | self.outlet_b)
        self.assertEqual(Outlet.with_user(self.agent).search([]), Outlet.search([]))

    def test_multi_company(self):
        """R-44: another company's outlets are invisible."""
        other = self.env["res.company"].create({"name": "Other Brand Co."})
        region = self.env["repair.service.region"].create(
            {"name": "Other", "code": "OT", "company_id": other.id}
        )
        outlet = self.env["repair.service.outlet"].create(
            {
                "name": "Other brand outlet",
                "company_id": other.id,
                "region_id": region.id,
                "partner_id": self.env["res.partner"]
                .create({"name": "Other brand outlet", "company_id": other.id})
                .id,
            }
        )
        Outlet = self.env["repair.service.outlet"]
        self.assertNotIn(outlet, Outlet.with_user(self.manager).search([]))
        with self.assertRaises(AccessError):
            outlet.with_user(self.manager).read(["name"])
        self.manager.company_ids = [(4, other.id)]
        visible = Outlet.with_user(self.manager).with_context(
            allowed_company_ids=[other.id]
        )
        self.assertEqual(visible.search([("id", "=", outlet.id)]), outlet)

    # R-45 -------------------------------------------------------------
    def _violation(self, penalty, amount=0.0, outlet=None):
        return (
            self.env["repair.service.violation"]
            .with_user(self.supervisor)
            .create(
                {
                    "outlet_id": (outlet or self.outlet_a).id,
                    "violation_type": "missed_appointment",
                    "description": "Did not come to the agreed visit",
                    "penalty": penalty,
                    "fine_amount": amount,
                }
            )
        )

    def test_fine_becomes_invoice(self):
        """R-45: a fine is a real customer invoice to the outlet's partner."""
        violation = self._violation("fine", 300)
        violation.with_user(self.manager).action_confirm()
        invoice = violation.invoice_id
        self.assertEqual(violation.state, "confirmed")
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.outlet_a.partner_id)
        self.assertEqual(invoice.amount_total, 300)
        invoice.sudo().action_post()
        self.assertEqual(invoice.state, "posted")
        with self.assertRaisesRegex(UserError, "credit note"):
            violation.with_user(self.manager).action_cancel()

    def test_fine_needs_amount(self):
        """R-45: a fine without an amount is refused."""
        violation = self._violation("fine", 0)
        with self.assertRaisesRegex(UserError, "fine amount"):
            violation.with_user(self.manager).action_confirm()
        self.assertEqual(violation.state, "draft")

    def test_suspension_blocks_new_orders(self):
        """R-45: a suspension stops new dispatch (server check)."""
        self.outlet_a._check_can_receive_orders()
        violation = self._violation("suspension")
        with self.assertRaises(AccessError):
            violation.with_user(self.supervisor).action_confirm()
        violation.with_user(self.manager).action_confirm()
        self.assertEqual(self.outlet_a.state, "suspended")
        self.assertIn(violation.name, self.outlet_a.suspension_reason)
        with self.assertRaisesRegex(UserError, "cannot receive new orders"):
            self.outlet_a._check_can_receive_orders()
        self.outlet_a.with_user(self.manager).action_reactivate()
        self.assertEqual(self.outlet_a.state, "active")

    def test_warning_changes_nothing_and_is_kept(self):
        """R-45: a warning is recorded; confirmed violations are not deleted."""
        violation = self._violation("warning")
        violation.with_user(self.manager).action_confirm()
        self.assertEqual(self.outlet_a.state, "active")
        self.assertFalse(violation.invoice_id)
        with self.assertRaisesRegex(UserError, "kept for the audit trail"):
            violation.with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, "kept as recorded"):
            violation.with_user(self.manager).write({"penalty": "fine"})

    def test_outlet_manager_edits_only_their_data(self):
        """R-44: an outlet manager updates contacts, area and people, never the
        region, kind or partner (server check, as over RPC)."""
        manager = self.env["res.users"].create(
            {
                "name": "Outlet A manager",
                "login": "t_outlet_mgr_a",
                "groups_id": [
                    (6, 0, self.env.ref("repair_service_mgmt.group_outlet_manager").ids)
                ],
            }
        )
        self.outlet_a.sudo().staff_ids = [(4, manager.id)]
        outlet = self.outlet_a.with_user(manager)
        outlet.write({"technician_ids": [(4, self.tech_b.id)]})
        self.assertIn(self.tech_b, self.outlet_a.technician_ids)
        with self.assertRaisesRegex(UserError, "may change Region of Service Outlet"):
            outlet.write({"region_id": self.north.id})
        with self.assertRaisesRegex(UserError, "may change Kind of Service Outlet"):
            outlet.write({"kind": "brand_owned"})
        with self.assertRaisesRegex(UserError, "may change Phone of Service Outlet"):
            outlet.write({"phone": "+86 21 5555 0199"})
        self.assertEqual(self.outlet_a.region_id, self.east)

    def test_outlet_state_only_by_workflow(self):
        """R-45: an RPC-style write of the state is refused."""
        with self.assertRaisesRegex(UserError, "State of Service Outlet change only"):
            self.outlet_a.with_user(self.manager).write({"state": "active"})
        with self.assertRaisesRegex(UserError, "Certificate Valid Until of Service"):
            self.outlet_a.with_user(self.manager).write(
                {"certificate_date_end": "2099-01-01"}
            )
        with self.assertRaises(AccessError):
            self.outlet_a.with_user(self.agent).action_suspend()

    # Certificate expiry ------------------------------------------------
    def test_cron_warns_then_suspends(self):
        """R-42: N days before expiry the manager and the CS centre get one
        activity; at expiry the outlet is suspended; a renewal reactivates."""
        end = self.outlet_a.certificate_date_end
        activity_type = self.env.ref(
            "repair_service_mgmt.mail_activity_certificate_expiry"
        )
        Outlet = self.env["repair.service.outlet"]
        with freeze_time(end - relativedelta(days=10)):
            Outlet._cron_check_certificates()
            Outlet._cron_check_certificates()
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "repair.service.outlet"),
                ("res_id", "=", self.outlet_a.id),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        self.assertIn(self.staff_a, activities.user_id)
        self.assertIn(self.manager, activities.user_id)
        self.assertEqual(len(activities), len(activities.user_id))
        self.assertEqual(self.outlet_a.state, "active")
        with freeze_time(end + relativedelta(days=1)):
            Outlet._cron_check_certificates()
            self.assertEqual(self.outlet_a.state, "suspended")
            with self.assertRaisesRegex(UserError, "certificate of .* has expired"):
                self.outlet_a.with_user(self.manager).action_reactivate()
            action = self.outlet_a.with_user(self.agent).action_renew()
            renewal = self.env["repair.service.application"].browse(action["res_id"])
            self.assertTrue(renewal.is_renewal)
            self._attach_documents(renewal)
            self._to_state(renewal, "approved")
            self.assertEqual(self.outlet_a.state, "active")
            self.assertEqual(
                self.outlet_a.certificate_number, renewal.certificate_number
            )
            self.assertGreater(self.outlet_a.certificate_date_end, end)
        self.assertEqual(
            self.env["repair.service.outlet"].search_count(
                [("partner_id.name", "=", "Outlet A")]
            ),
            1,
        )

    # R-43 spare parts ---------------------------------------------------
    def test_parts_below_minimum(self):
        """R-43: outlets whose parts are below the reorder minimum."""
        Outlet = self.env["repair.service.outlet"]
        below = Outlet.search([("parts_below_minimum", "=", True)])
        self.assertIn(self.outlet_a, below)
        self.env["stock.quant"]._update_available_quantity(
            self.part, self.outlet_a.location_id, 5
        )
        self.outlet_a.invalidate_recordset(["parts_below_minimum"])
        self.assertFalse(self.outlet_a.parts_below_minimum)
        below = Outlet.search([("parts_below_minimum", "=", True)])
        self.assertNotIn(self.outlet_a, below)
        self.assertIn(self.outlet_b, below)
        self.assertEqual(self.outlet_a.orderpoint_count, 1)

    def test_service_area(self):
        """R-43: the service area decides whether an address is covered."""
        partner = self.env["res.partner"].create(
            {
                "name": "Customer",
                "city": "shanghai ",
                "country_id": self.outlet_a.area_ids.country_id.id,
            }
        )
        self.assertTrue(self.outlet_a._covers_address(partner))
        partner.city = "Suzhou"
        self.assertFalse(self.outlet_a._covers_address(partner))


@tagged("post_install", "-at_install")
class TestOutletCertificatePdf(OutletHttpCase):
    """wkhtmltopdf fetches the report assets over HTTP: an HttpCase serves
    them from the test transaction."""

    def test_certificate_pdf(self):
        """R-42: the printable certificate (wkhtmltopdf) shows number and validity."""
        outlet = self._to_state(
            self._application(name="Outlet A"), "approved"
        ).outlet_id
        report = self.env.ref("repair_service_mgmt.action_report_outlet_certificate")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, outlet.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        # the report uses an installed font so that its text is real text
        text = " ".join(
            " ".join(page.extract_text().split())
            for page in PdfReader(io.BytesIO(pdf)).pages
        )
        self.assertIn(outlet.certificate_number, text)
        self.assertIn(format_date(self.env, outlet.certificate_date_start), text)
        self.assertIn(format_date(self.env, outlet.certificate_date_end), text)
        self.assertIn("Outlet A", text)
