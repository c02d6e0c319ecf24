# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import OutletCase


@tagged("post_install", "-at_install")
class TestRepairIntakeDispatch(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.china = cls.env.ref("base.cn")
        cls.outlet_a = cls._approved_outlet(
            "Outlet A", technicians=cls.tech_a, staff=cls.staff_a
        )
        cls.outlet_a.area_ids.sudo().country_id = cls.china
        cls.outlet_b = cls._approved_outlet(
            "Outlet B", region=cls.north, technicians=cls.tech_b
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Wang Lei",
                "phone": "+86 21 6123 4567",
                "city": "Shanghai",
                "country_id": cls.china.id,
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Air conditioner KF-35", "type": "consu", "is_storable": True}
        )

    def _order(self, **values):
        vals = {
            "partner_id": self.customer.id,
            "product_id": self.product.id,
            "fault_description": "Does not cool",
        }
        vals.update(values)
        return self.env["repair.order"].with_user(self.agent).create(vals)

    # R-01…R-03 ----------------------------------------------------------
    def test_phone_stored_e164_and_caller_found(self):
        """R-03: the number is stored in E.164; R-01: the caller is found by it."""
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create(
                {
                    "customer_phone": "+86 (21) 6123-4567",
                    "product_id": self.product.id,
                    "intake_channel": "phone",
                    "request_type": "repair",
                }
            )
        )
        self.assertEqual(order.customer_phone, "+862161234567")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(self.customer.repair_phone_e164, "+862161234567")

    def test_invalid_phone_refused(self):
        """R-03: an invalid number is a clear error and nothing is stored."""
        count = self.env["repair.order"].search_count([])
        with self.assertRaisesRegex(UserError, "is not valid"):
            self._order(customer_phone="12")
        self.assertEqual(self.env["repair.order"].search_count([]), count)
        order = self._order()
        with self.assertRaisesRegex(UserError, "is not valid"):
            order.write({"customer_phone": "abc"})
        self.assertFalse(order.customer_phone)

    # R-06, R-07 ----------------------------------------------------------
    def test_dispatch_accept(self):
        """R-07: the dispatcher assigns an outlet and a technician, who accepts."""
        order = self._order(priority="1")
        order.with_user(self.agent)._dispatch(self.outlet_a, self.tech_a)
        self.assertEqual(order.dispatch_state, "dispatched")
        self.assertEqual(order.dispatcher_id, self.agent)
        self.assertIn(self.tech_a, order.activity_ids.user_id)
        with self.assertRaisesRegex(AccessError, "the technician of .*, can accept"):
            order.with_user(self.staff_a).action_accept_job()
        order.with_user(self.tech_a).action_accept_job()
        self.assertEqual(order.dispatch_state, "accepted")
        self.assertTrue(order.accepted_at)

    def test_dispatch_wizard(self):
        """R-07: the dispatch wizard offers the outlet's technicians."""
        order = self._order()
        action = order.with_user(self.agent).action_open_dispatch_wizard()
        with Form(
            self.env[action["res_model"]]
            .with_user(self.agent)
            .with_context(**action["context"])
        ) as wizard:
            wizard.outlet_id = self.outlet_a
            wizard.technician_id = self.tech_a
        record = wizard.save()
        self.assertEqual(record.allowed_technician_ids, self.tech_a)
        self.assertFalse(record.outside_area)
        record.action_dispatch()
        self.assertEqual(order.technician_id, self.tech_a)

    def test_emergency_first(self):
        """R-06: emergency requests come first in every queue."""
        normal = self._order()
        emergency = self._order(priority="1")
        orders = self.env["repair.order"].search(
            [("id", "in", (normal | emergency).ids)]
        )
        self.assertEqual(orders[0], emergency)

    def test_suspended_outlet_refused(self):
        """R-45, R-07: a suspended outlet receives no new order."""
        self.outlet_b.sudo()._suspend("Test suspension")
        order = self._order()
        with self.assertRaisesRegex(UserError, "cannot receive new orders"):
            order.with_user(self.agent)._dispatch(self.outlet_b, self.tech_b)
        self.assertFalse(order.outlet_id)

    def test_on_site_outside_area_needs_authorisation(self):
        """R-04: on site outside the service area only with a reason."""
        far = self.env["res.partner"].create(
            {"name": "Far customer", "city": "Urumqi", "country_id": self.china.id}
        )
        order = self._order(partner_id=far.id, service_mode="on_site")
        with self._refused(UserError, "does not serve Urumqi on site"):
            order.with_user(self.agent)._dispatch(self.outlet_a, self.tech_a)
        order.invalidate_recordset()
        self.assertFalse(order.outlet_id, "the refused dispatch left no trace")
        order.with_user(self.agent)._dispatch(
            self.outlet_a, self.tech_a, "Key account, approved by the CS centre"
        )
        self.assertEqual(order.outlet_id, self.outlet_a)
        self.assertIn("Key account", order.outside_area_reason)
        inside = self._order(service_mode="on_site")
        inside.with_user(self.agent)._dispatch(self.outlet_a, self.tech_a)
        self.assertFalse(inside.outside_area_reason)

    def test_only_dispatcher_reassigns(self):
        """R-07: a technician cannot pass a job on; the dispatcher can."""
        order = self._order()
        order.with_user(self.agent)._dispatch(self.outlet_a, self.tech_a)
        with self.assertRaisesRegex(UserError, "Technician of Repair Order"):
            order.with_user(self.tech_a).write({"technician_id": self.staff_a.id})
        with self.assertRaisesRegex(
            AccessError, "CS Agent. may dispatch a repair order"
        ):
            order.with_user(self.tech_a)._dispatch(self.outlet_a, self.tech_a)
        with self.assertRaisesRegex(UserError, "not a technician of"):
            order.with_user(self.agent)._dispatch(self.outlet_a, self.tech_b)
        order.with_user(self.tech_a).action_decline_job()
        self.assertEqual(order.dispatch_state, "to_dispatch")
        self.assertFalse(order.technician_id)
        self.assertIn(self.agent, order.activity_ids.user_id)

    def test_outlet_users_see_their_orders_only(self):
        """R-44: outlet A's users do not see outlet B's orders."""
        order_a = self._order()
        order_b = self._order()
        order_a.with_user(self.agent)._dispatch(self.outlet_a, self.tech_a)
        order_b.with_user(self.agent)._dispatch(self.outlet_b, self.tech_b)
        Repair = self.env["repair.order"]
        self.assertEqual(
            Repair.with_user(self.tech_a).search(
                [("id", "in", (order_a | order_b).ids)]
            ),
            order_a,
        )
        with self.assertRaises(AccessError):
            order_b.with_user(self.tech_a).read(["name"])
        east = Repair.with_user(self.supervisor).search(
            [("id", "in", (order_a | order_b).ids)]
        )
        self.assertEqual(east, order_a)
