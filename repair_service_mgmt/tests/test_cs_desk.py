# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The CS agent's call in a real browser, in Chinese (R-01…R-07)."""

from odoo.tests import new_test_user, tagged

from .common import OutletHttpCase

M = "repair_service_mgmt"


@tagged("post_install", "-at_install")
class TestCsDeskTour(OutletHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        lang = (
            cls.env["res.lang"]
            .with_context(active_test=False)
            .search([("code", "=", "zh_CN")])
        )
        if not lang.active:
            cls.env["base.language.install"].create(
                {"lang_ids": [(6, 0, lang.ids)], "overwrite": False}
            ).lang_install()
        cls.desk_agent = new_test_user(
            cls.env,
            "t_desk_agent",
            groups=f"{M}.group_cs_agent",
            email="t_desk_agent@example.com",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        cls.desk_tech = new_test_user(
            cls.env,
            "t_desk_tech",
            name="Desk Tour Tech",
            groups=f"{M}.group_technician",
            email="t_desk_tech@example.com",
        )
        china = cls.env.ref("base.cn")
        shanghai = cls.env.ref("base.state_cn_SH")
        cls.outlet = cls._approved_outlet("Desk Tour Outlet", technicians=cls.desk_tech)
        cls.outlet.area_ids.sudo().unlink()
        cls.env["repair.service.outlet.area"].sudo().create(
            {
                "outlet_id": cls.outlet.id,
                "country_id": china.id,
                "state_id": shanghai.id,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Desk Tour Customer",
                "phone": "+86 21 5033 7788",
                "street": "1 Old Street",
                "city": "Minhang",
                "state_id": shanghai.id,
                "country_id": china.id,
            }
        )
        washer = cls.env["product.product"].create({"name": "Desk tour washer"})
        cls.previous = cls.env["repair.order"].create(
            {"partner_id": cls.customer.id, "product_id": washer.id}
        )
        cls.fridge = cls.env["product.product"].create({"name": "Desk tour fridge"})

    def test_cs_agent_call_to_dispatch(self):
        """R-01…R-07: call → intake (the phone finds the customer, the
        address) → save → dispatch to the suggested outlet → dispatched."""
        self.start_tour(
            f"/odoo/action-{M}.repair_order_action_intake",
            "repair_service_mgmt_cs_desk_tour",
            login="t_desk_agent",
        )
        order = self.env["repair.order"].search(
            [("partner_id", "=", self.customer.id), ("id", "!=", self.previous.id)]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.customer_phone, "+862150337788")
        self.assertEqual(order.product_id, self.fridge)
        self.assertEqual(order.fault_description, "Freezer compartment is warm")
        self.assertEqual(self.customer.street, "18 Xinzhen Road")
        self.assertEqual(order.outlet_id, self.outlet)
        self.assertEqual(order.technician_id, self.desk_tech)
        self.assertEqual(order.dispatch_state, "dispatched")
        self.assertEqual(order.dispatcher_id, self.desk_agent)
