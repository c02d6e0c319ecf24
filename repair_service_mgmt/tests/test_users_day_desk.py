# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The CS agent's desk: intake found by phone with the customer's address
and last orders (R-01…R-03), dispatch help (R-04, R-07) and the service
history on the customer's contact."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import OutletCase

M = "repair_service_mgmt"


@tagged("post_install", "-at_install")
class TestUsersDayDesk(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.china = cls.env.ref("base.cn")
        cls.shanghai = cls.env.ref("base.state_cn_SH")
        cls.beijing = cls.env.ref("base.state_cn_BJ")
        cls.outlet_a = cls._approved_outlet(
            "Desk Outlet Pudong", technicians=cls.tech_a, staff=cls.staff_a
        )
        cls.outlet_a.area_ids.sudo().unlink()
        cls.outlet_b = cls._approved_outlet(
            "Desk Outlet Haidian", region=cls.north, technicians=cls.tech_b
        )
        cls.outlet_b.area_ids.sudo().unlink()
        Area = cls.env["repair.service.outlet.area"].sudo()
        Area.create(
            {
                "outlet_id": cls.outlet_a.id,
                "country_id": cls.china.id,
                "state_id": cls.shanghai.id,
            }
        )
        Area.create(
            {
                "outlet_id": cls.outlet_b.id,
                "country_id": cls.china.id,
                "state_id": cls.beijing.id,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Desk customer Zhao",
                "phone": "+86 21 5033 7788",
                "street": "88 Century Avenue",
                "city": "Minhang",
                "state_id": cls.shanghai.id,
                "country_id": cls.china.id,
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Desk refrigerator", "type": "consu"}
        )

    def _order(self, **values):
        vals = {
            "partner_id": self.customer.id,
            "product_id": self.product.id,
            "fault_description": "Not cooling",
        }
        vals.update(values)
        return self.env["repair.order"].with_user(self.agent).create(vals)

    def _intake(self):
        return Form(
            self.env["repair.order"].with_user(self.agent),
            view=f"{M}.repair_order_view_form_intake",
        )

    def _wizard(self, orders):
        action = orders.with_user(self.agent).action_open_dispatch_wizard()
        return Form(
            self.env[action["res_model"]]
            .with_user(self.agent)
            .with_context(**action["context"])
        )

    # intake ------------------------------------------------------------
    def test_phone_onchange_finds_customer(self):
        """R-01: the caller is found as the number is typed; an incomplete
        number is no error while typing."""
        with self._intake() as form:
            form.customer_phone = "021 50"
            self.assertFalse(form.partner_id)
            form.customer_phone = "+86 21 5033 7788"
            self.assertEqual(form.partner_id, self.customer)
            # the customer's address is on the intake
            self.assertEqual(form.customer_street, "88 Century Avenue")
            self.assertEqual(form.customer_state_id, self.shanghai)
            form.product_id = self.product
        order = form.save()
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.customer_phone, "+862150337788")

    def test_intake_last_orders(self):
        """R-01: the caller's last five orders show as soon as the phone
        matches, newest first."""
        old = self.env["repair.order"]
        for _i in range(6):
            old |= self._order()
        with self._intake() as form:
            self.assertFalse(form.customer_recent_order_ids)
            form.customer_phone = "+86 21 5033 7788"
            self.assertEqual(
                form.customer_recent_order_ids.ids, sorted(old.ids, reverse=True)[:5]
            )
            form.product_id = self.product
        order = form.save()
        self.assertNotIn(order, order.customer_recent_order_ids)
        self.assertEqual(len(order.customer_recent_order_ids), 5)

    def test_intake_address_written_to_customer(self):
        """R-01: the address typed on the intake is the customer's; a new
        caller's number is kept on the contact, to be found at the next call."""
        caller = self.env["res.partner"].with_user(self.agent).create({"name": "Qian"})
        with self._intake() as form:
            form.customer_phone = "+86 20 3999 1234"
            self.assertFalse(form.partner_id)
            form.partner_id = caller
            form.customer_street = "1 Nanjing Road"
            form.customer_city = "Shanghai"
            form.customer_country_id = self.china
            form.customer_state_id = self.shanghai
            form.customer_zip = "200001"
            form.product_id = self.product
        order = form.save()
        self.assertEqual(caller.street, "1 Nanjing Road")
        self.assertEqual(caller.city, "Shanghai")
        self.assertEqual(caller.state_id, self.shanghai)
        self.assertEqual(caller.zip, "200001")
        self.assertEqual(caller.repair_phone_e164, order.customer_phone)
        self.assertEqual(
            self.env["repair.order"]._find_customer(order.customer_phone), caller
        )

    def test_saving_opens_full_order(self):
        """The saved request opens in the order form of the repair orders."""
        order = self._order(customer_phone="+86 21 5033 7788")
        action = order.with_user(self.agent).action_open_service_order()
        self.assertEqual(
            action["url"], f"/odoo/action-{M}.repair_order_action/{order.id}"
        )

    # dispatch ----------------------------------------------------------
    def test_dispatch_suggests_covering_outlet(self):
        """R-04, R-07: the outlet serving the customer's address is suggested."""
        order = self._order(service_mode="on_site")
        wizard = self._wizard(order)
        self.assertEqual(wizard.outlet_id, self.outlet_a)
        self.assertEqual(wizard.covering_outlet_ids[:], self.outlet_a)
        self.assertFalse(wizard.outside_area)
        self.assertEqual(wizard.allowed_technician_ids[:], self.tech_a)
        beijing = self.env["res.partner"].create(
            {
                "name": "Desk customer Beijing",
                "city": "Beijing",
                "state_id": self.beijing.id,
                "country_id": self.china.id,
            }
        )
        self.assertEqual(
            self._wizard(self._order(partner_id=beijing.id)).outlet_id, self.outlet_b
        )

    def test_technician_workload(self):
        """R-07: the outlet's technicians with their open jobs and today's
        visits, counted for all of them at once."""
        for _i in range(2):
            self._order()._dispatch(self.outlet_a, self.tech_a)
        done = self._order()
        done._dispatch(self.outlet_a, self.tech_a)
        done._workflow_step().write({"state": "cancel"})
        visited = self._order()
        visited.with_user(self.agent)._dispatch(self.outlet_a, self.tech_a)
        # now, counted in UTC: today whatever the hour the suite runs at, and
        # not before the order's creation (the visit window refuses that)
        start = fields.Datetime.now()
        self.env["repair.service.visit"].with_user(self.agent).create(
            {
                "repair_id": visited.id,
                "technician_id": self.tech_a.id,
                "planned_start": start,
                "planned_stop": start + timedelta(hours=1),
            }
        )
        technicians = (
            (self.tech_a | self.tech_b).with_user(self.agent).with_context(tz="UTC")
        )

        def queries(users):
            users.invalidate_recordset(["repair_open_job_count"])
            users.env.flush_all()
            before = self.cr.sql_log_count
            users.mapped("repair_open_job_count")
            return self.cr.sql_log_count - before

        queries(technicians)  # caches warmed (access rules, groups)
        self.assertEqual(queries(technicians), queries(technicians[:1]))
        self.assertEqual(technicians.mapped("repair_open_job_count"), [3, 0])
        self.assertEqual(technicians.mapped("repair_visit_today_count"), [1, 0])
        wizard = self._wizard(self._order())
        self.assertEqual(wizard.allowed_technician_ids[0].repair_open_job_count, 3)

    def test_technician_required_on_site(self):
        """R-04, R-07: an on-site job is dispatched with its technician."""
        order = self._order(service_mode="on_site")
        with self._refused(UserError, "Choose the technician who goes"):
            order.with_user(self.agent)._dispatch(self.outlet_a, self.env["res.users"])
        self.assertEqual(order.dispatch_state, "to_dispatch")
        self.assertFalse(order.outlet_id)
        carry_in = self._order()
        carry_in.with_user(self.agent)._dispatch(self.outlet_a, self.env["res.users"])
        self.assertEqual(carry_in.outlet_id, self.outlet_a)
        wizard = self._wizard(order)
        self.assertTrue(wizard.on_site)
        wizard.technician_id = self.tech_a
        wizard.save().action_dispatch()
        self.assertEqual(order.technician_id, self.tech_a)

    def test_outside_area_warning(self):
        """R-04: another outlet than the one serving the address shows a
        warning that asks for the CS centre's authorisation."""
        order = self._order(service_mode="on_site")
        wizard = self._wizard(order)
        wizard.outlet_id = self.outlet_b
        self.assertTrue(wizard.outside_area)
        self.assertIn("does not serve Minhang on site", wizard.outside_area_warning)
        self.assertIn("authorisation", wizard.outside_area_warning)
        wizard.technician_id = self.tech_b
        wizard.outside_area_reason = "Key account, agreed by the CS centre"
        wizard.save().action_dispatch()
        self.assertEqual(order.outlet_id, self.outlet_b)
        self.assertIn("Key account", order.outside_area_reason)

    # the customer's contact ----------------------------------------------
    def test_contact_service_history(self):
        """The customer's contact counts their orders, visits and follow-up
        calls as the user may see them: an outlet's users see their own."""
        order_a = self._order()
        order_a._dispatch(self.outlet_a, self.tech_a)
        order_b = self._order()
        order_b._dispatch(self.outlet_b, self.tech_b)
        start = fields.Datetime.now()
        self.env["repair.service.visit"].with_user(self.agent).create(
            {
                "repair_id": order_a.id,
                "technician_id": self.tech_a.id,
                "planned_start": start,
                "planned_stop": start + timedelta(hours=1),
            }
        )
        customer = self.customer.with_user(self.agent)
        self.assertEqual(customer.repair_service_order_count, 2)
        self.assertEqual(customer.repair_service_visit_count, 1)
        self.assertEqual(customer.repair_service_followup_count, 0)
        seen_by_outlet = self.customer.with_user(self.tech_a)
        self.assertEqual(seen_by_outlet.repair_service_order_count, 1)
        action = seen_by_outlet.action_view_repair_service_orders()
        self.assertEqual(
            self.env["repair.order"].with_user(self.tech_a).search(action["domain"]),
            order_a,
        )
        # a company's count holds its contacts'
        company = self.env["res.partner"].create(
            {"name": "Desk company", "is_company": True}
        )
        self.customer.parent_id = company
        self.assertEqual(company.with_user(self.agent).repair_service_order_count, 2)
