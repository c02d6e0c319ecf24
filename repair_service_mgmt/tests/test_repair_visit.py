# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OutletCase

# visits are planned after the order was taken
START = (datetime.now() + timedelta(days=1)).replace(
    hour=9, minute=0, second=0, microsecond=0
)


@tagged("post_install", "-at_install")
class TestRepairVisit(OutletCase):
    """R-05, R-08: visits planned, re-confirmed, checked in and out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet(
            "Visit Outlet", technicians=cls.tech_a | cls.tech_b
        )
        cls.order = (
            cls.env["repair.order"]
            .with_user(cls.agent)
            .create(
                {
                    "partner_id": cls.env["res.partner"].create({"name": "V"}).id,
                    "product_id": cls.env["product.product"].create({"name": "TV"}).id,
                }
            )
        )
        cls.order._dispatch(cls.outlet, cls.tech_a)

    def _visit(self, user=None):
        return (
            self.env["repair.service.visit"]
            .with_user(user or self.agent)
            .create(
                {
                    "repair_id": self.order.id,
                    "planned_start": START,
                    "planned_stop": START + timedelta(hours=2),
                }
            )
        )

    def test_visit_cycle(self):
        """R-05: re-confirmed before the visit; R-08: check-in, check-out."""
        visit = self._visit()
        self.assertEqual(visit.technician_id, self.tech_a)
        self.assertEqual(self.order.visit_count, 1)
        visit.with_user(self.agent).action_confirm_appointment()
        self.assertEqual(visit.state, "confirmed")
        self.assertTrue(visit.confirmed_at)
        with self.assertRaisesRegex(AccessError, "who makes this visit, can check in"):
            visit.with_user(self.tech_b).action_check_in()
        visit.with_user(self.tech_a).action_check_in()
        with self.assertRaisesRegex(UserError, "whether the work is finished"):
            visit.with_user(self.tech_a).action_check_out()
        visit.with_user(self.tech_a).write({"result": "finished", "report": "Fixed"})
        visit.with_user(self.tech_a).action_check_out()
        self.assertEqual(visit.state, "done")
        self.assertGreaterEqual(visit.check_out, visit.check_in)
        with self.assertRaisesRegex(UserError, "kept as recorded"):
            visit.with_user(self.tech_a).write({"report": "Rewritten later"})

    def test_unfinished_needs_next_visit(self):
        """R-08: unfinished work is checked out only with the next visit
        agreed with the customer."""
        visit = self._visit(self.tech_a)
        visit.with_user(self.tech_a).action_check_in()
        visit.with_user(self.tech_a).result = "unfinished"
        with self.assertRaisesRegex(UserError, "next visit"):
            visit.with_user(self.tech_a).action_check_out()
        with self.assertRaisesRegex(UserError, "next visit's window agreed"):
            visit.with_user(self.tech_a).action_plan_next_visit()
        visit.with_user(self.tech_a).write(
            {
                "next_planned_start": START + timedelta(days=2),
                "next_planned_stop": START + timedelta(days=2, hours=1),
            }
        )
        visit.with_user(self.tech_a).action_plan_next_visit()
        visit.with_user(self.tech_a).action_check_out()
        self.assertEqual(visit.next_visit_id.state, "planned")
        self.assertEqual(self.order.visit_count, 2)

    def test_refusals(self):
        """Visits: state only by the buttons, window checked, other outlets'
        technicians kept out."""
        visit = self._visit()
        with self.assertRaisesRegex(UserError, "State of Repair Visit change only"):
            visit.with_user(self.tech_a).write({"state": "done"})
        with self.assertRaisesRegex(ValidationError, "must end after"):
            visit.with_user(self.agent).planned_stop = START - timedelta(hours=1)
        with self.assertRaisesRegex(AccessError, "Only a dispatcher of the CS centre"):
            self._visit(self.tech_b)
        outsider = self.env["res.users"].create(
            {
                "name": "Other outlet tech",
                "login": "t_other_tech",
                "groups_id": [
                    (6, 0, self.env.ref("repair_service_mgmt.group_technician").ids)
                ],
            }
        )
        with self.assertRaises(AccessError):
            visit.with_user(outsider).read(["name"])
