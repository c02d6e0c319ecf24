# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OutletCase


@tagged("post_install", "-at_install")
class TestRepairPhone(OutletCase):
    """R-03: phone numbers read in the customer's country, then the outlet's,
    then the company's; stored in E.164 and shown as dialled in their
    country."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cn = cls.env.ref("base.cn")
        cls.us = cls.env.ref("base.us")
        cls.de = cls.env.ref("base.de")
        cls.env.company.country_id = cls.cn
        cls.outlet = cls._approved_outlet("Phone Outlet", technicians=cls.tech_a)
        cls.outlet.partner_id.sudo().country_id = cls.cn
        cls.customer = cls.env["res.partner"].create({"name": "Zhou Min"})
        cls.product = cls.env["product.product"].create(
            {"name": "Air conditioner KF-35", "type": "consu"}
        )

    def _order(self, phone, partner=None):
        return (
            self.env["repair.order"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": (partner or self.customer).id,
                    "product_id": self.product.id,
                    "customer_phone": phone,
                }
            )
        )

    def test_national_display(self):
        """Chinese numbers in the national format of China; a foreign number
        with its country code; what is not a number as it is."""
        national = self.env["res.partner"]._repair_phone_national
        self.assertEqual(national("+862150337788"), "021 5033 7788")
        self.assertEqual(national("+8613800138000"), "138 0013 8000")
        self.assertEqual(national("+14155550101"), "+1 415-555-0101")
        self.assertEqual(national("ask the front desk"), "ask the front desk")
        self.assertEqual(national(False), "")

    def test_stored_e164_shown_national(self):
        """The intake's number is stored in E.164, displayed nationally."""
        order = self._order("021 5033 7788")
        self.assertEqual(order.customer_phone, "+862150337788")
        self.assertEqual(order.customer_phone_display, "021 5033 7788")
        order.with_user(self.agent).customer_phone = "13800138000"
        self.assertEqual(order.customer_phone, "+8613800138000")
        self.assertEqual(order.customer_phone_display, "138 0013 8000")
        # without a number on the order, the customer's own
        self.customer.phone = "+86 21 6888 1234"
        order.sudo().customer_phone = False
        self.assertEqual(order.customer_phone_display, "021 6888 1234")
        followup = self.env["repair.service.followup"].new(
            {"repair_id": order.id, "partner_id": self.customer.id}
        )
        self.assertEqual(followup.customer_phone_display, "021 6888 1234")

    def test_search_as_dialled(self):
        """The dispatcher finds an order by the number as it is dialled,
        whole or in part."""
        order = self._order("021 5033 7788")
        other = self._order("138 0013 8000")
        Order = self.env["repair.order"].with_user(self.agent)
        for typed in ("021 5033 7788", "021-50337788", "+86 21 5033 7788", "5033 7788"):
            found = Order.search([("customer_phone_display", "ilike", typed)])
            self.assertIn(order, found, typed)
            self.assertNotIn(other, found, typed)
        found = Order.search([("customer_phone_display", "ilike", "138 0013")])
        self.assertIn(other, found)
        self.assertNotIn(order, found)

    def test_country_order(self):
        """The customer's country first, then the outlet's, then the
        company's."""
        berlin = self.env["res.partner"].create(
            {"name": "Anna Weber", "country_id": self.de.id}
        )
        order = self._order("030 1234567", partner=berlin)
        self.assertEqual(order.customer_phone, "+49301234567")
        self.assertEqual(order.customer_phone_display, "+49 30 1234567")
        # a company in the United States, an outlet in China: the outlet's
        self.env.company.country_id = self.us
        with self._refused(UserError, r"not valid \(United States\)"):
            self._order("021 5033 7788")
        order = self._order("+86 21 5033 7788")
        order.with_user(self.agent)._dispatch(self.outlet, self.tech_a)
        order.with_user(self.agent).customer_phone = "021 6123 4567"
        self.assertEqual(order.customer_phone, "+862161234567")
        # the outlet given with the number counts too
        order = self._order("+86 21 5033 7788")
        order.sudo().write(
            {"outlet_id": self.outlet.id, "customer_phone": "138 0013 8000"}
        )
        self.assertEqual(order.customer_phone, "+8613800138000")

    def test_views_and_record(self):
        """The lists, kanbans, My Jobs, follow-ups and the printed record
        show the national number; the order form keeps the editable one."""
        Order = self.env["repair.order"]
        views = Order.get_views([(False, "list"), (False, "kanban"), (False, "form")])
        self.assertIn('name="customer_phone_display"', views["views"]["list"]["arch"])
        self.assertIn('name="customer_phone_display"', views["views"]["kanban"]["arch"])
        self.assertIn('name="customer_phone"', views["views"]["form"]["arch"])
        my_jobs = self.env.ref("repair_service_mgmt.repair_order_view_kanban_my_jobs")
        arch = Order.with_user(self.tech_a).get_views([(my_jobs.id, "kanban")])
        self.assertIn('name="customer_phone_display"', arch["views"]["kanban"]["arch"])
        followups = self.env["repair.service.followup"].get_views(
            [(False, "list"), (False, "kanban"), (False, "form")]
        )["views"]
        for kind in ("list", "kanban", "form"):
            self.assertIn('name="customer_phone_display"', followups[kind]["arch"])
            self.assertRegex(
                followups[kind]["arch"], r'name="customer_phone"[^>]*invisible="1"'
            )
        order = self._order("021 5033 7788")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "repair_service_mgmt.action_report_repair_record", order.ids
            )[0]
            .decode()
        )
        self.assertIn("021 5033 7788", html)
        self.assertNotIn("+862150337788", html)
