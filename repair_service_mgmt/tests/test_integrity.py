# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one workflow guard and the rules that hold at every entry point:
core's own step methods, plain writes, forged contexts, later changes of
the same facts, numbers out of bounds."""

import base64
from datetime import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OutletCase

SIGNATURE = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
FORGED_CONTEXTS = (
    {"repair_service_workflow_step": True},
    {"repair_service_workflow_step": "1", "bypass": True, "force": True},
)


@tagged("post_install", "-at_install")
class TestIntegrity(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet = cls._approved_outlet(
            "Integrity Outlet",
            technicians=cls.tech_a,
            staff=cls.staff_a,
            area_ids=[(0, 0, {"city": "Shanghai"})],
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Inside Customer", "city": "Shanghai"}
        )
        cls.far_customer = cls.env["res.partner"].create(
            {"name": "Far Customer", "city": "Lhasa"}
        )
        cls.product = cls.env["product.product"].create({"name": "Integrity fridge"})
        cls.part = cls.env["product.product"].create(
            {"name": "Integrity relay", "type": "consu", "is_storable": True}
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.part, cls.outlet.location_id, 10
        )

    def _order(self, **values):
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    **values,
                }
            )
        )
        order._dispatch(self.outlet, self.tech_a)
        order.with_user(self.tech_a).action_customer_contacted()
        return order.with_user(self.tech_a)

    def _diagnosed(self, consent=True):
        order = self._order()
        order.write(
            {
                "symptom_id": self.env.ref(
                    "repair_service_mgmt.fault_symptom_noise"
                ).id,
                "cause_id": self.env.ref(
                    "repair_service_mgmt.fault_cause_fan_motor"
                ).id,
                "repair_plan": "Replace the relay",
            }
        )
        self.env["stock.move"].create(
            {
                "repair_id": order.id,
                "repair_line_type": "add",
                "product_id": self.part.id,
                "product_uom_qty": 1,
            }
        )
        if consent:
            order.action_record_consent("Inside Customer", "phone")
        return order

    # the guard -----------------------------------------------------------
    def test_forged_context_does_not_open_the_guard(self):
        """R-07, R-09: a context key sent by a caller opens nothing."""
        order = self._order()
        for context in FORGED_CONTEXTS:
            for values in (
                {"consent_state": "given"},
                {"dispatch_state": "to_dispatch"},
                {"customer_contacted_at": "2020-01-01 00:00:00"},
                {"state": "done"},
                {"under_warranty": True},
            ):
                with self._refused(
                    UserError, "change only through the workflow buttons"
                ):
                    order.with_context(**context).write(values)
        self.assertEqual(order.consent_state, "none")
        self.assertEqual(order.dispatch_state, "accepted")
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.under_warranty)

    def test_numbers_come_from_the_sequence(self):
        """A numbered record takes the sequence's number, never a chosen one."""
        with self._refused(UserError, "Reference of Outlet Violation"):
            self.env["repair.service.violation"].with_user(self.manager).create(
                {
                    "name": "FORGED-NUMBER",
                    "outlet_id": self.outlet.id,
                    "violation_type": "other",
                    "description": "Forged",
                }
            )
        violation = (
            self.env["repair.service.violation"]
            .with_user(self.manager)
            .create(
                {
                    "outlet_id": self.outlet.id,
                    "violation_type": "other",
                    "description": "Late",
                }
            )
        )
        self.assertNotEqual(violation.name, "FORGED-NUMBER")
        with self._refused(UserError, "Reference of Outlet Violation"):
            violation.name = "FORGED-NUMBER"

    # core's entry points on service orders --------------------------------
    def test_core_done_needs_consent_and_acceptance(self):
        """R-09, R-12: action_repair_done, action_repair_end and a state
        write refuse a service order without the signed acceptance."""
        order = self._diagnosed()
        order.action_repair_start()
        with self._refused(UserError, "when the customer accepts it"):
            order.action_repair_done()
        with self._refused(UserError, "when the customer accepts it"):
            order.action_repair_end()
        order.action_record_acceptance("Inside Customer", False, opinion="Noisy")
        self.assertEqual(order.acceptance_state, "disputed")
        with self._refused(UserError, "when the customer accepts it"):
            order.action_repair_done()
        with self._refused(UserError, "Status of Repair Order change only"):
            order.write({"state": "done"})
        self.assertEqual(order.state, "under_repair")
        self.assertFalse(order.completed_at)

    def test_core_start_needs_consent(self):
        """R-09: neither action_repair_start nor a state write starts an
        order without the customer's consent."""
        order = self._diagnosed(consent=False)
        with self._refused(UserError, "has not agreed to the repair plan"):
            order.action_repair_start()
        with self._refused(UserError, "Status of Repair Order change only"):
            order.write({"state": "under_repair"})
        with self._refused(UserError, "Status of Repair Order change only"):
            order.write({"state": "confirmed"})
        self.assertEqual(order.state, "draft")

    def test_core_cancel_is_the_dispatchers(self):
        """A technician cannot cancel or reopen a service order through core."""
        order = self._order()
        with self._refused(AccessError, "cancel a service order"):
            order.action_repair_cancel()
        self.assertEqual(order.state, "draft")
        order.with_user(self.agent).action_repair_cancel()
        self.assertEqual(order.state, "cancel")
        with self._refused(AccessError, "reopen a cancelled service order"):
            order.action_repair_cancel_draft()
        order.with_user(self.agent).action_repair_cancel_draft()
        self.assertEqual(order.state, "draft")

    def test_plain_order_keeps_core_behaviour(self):
        """An order without an outlet follows core: start, end, done."""
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id})
        )
        order.action_validate()
        order.action_repair_start()
        order.action_repair_end()
        self.assertEqual(order.state, "done")
        self.assertTrue(order.completed_at, "every done order can be followed up")
        plain = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id})
        )
        plain.write({"state": "confirmed"})
        self.assertEqual(plain.state, "confirmed")

    def test_done_service_order_is_frozen(self):
        """A done service order keeps everything, its signed record too."""
        order = self._diagnosed()
        order.action_repair_start()
        photo = self.env["ir.attachment"].create({"name": "p.png", "datas": SIGNATURE})
        order.write(
            {
                "function_test_done": True,
                "serial_scanned": "SN-1",
                "completion_photo_ids": [(4, photo.id)],
            }
        )
        order.action_record_acceptance("Inside Customer", signature=SIGNATURE)
        self.assertEqual(order.state, "done")
        for values in (
            {"internal_notes": "<p>changed</p>"},
            {"diagnosis": "other"},
            {"completion_photo_ids": [(5, 0, 0)]},
        ):
            with self._refused(UserError, "can no longer change"):
                order.with_user(self.agent).write(values)
        self.assertEqual(order.completion_photo_ids, photo)

    # later changes of the same facts ------------------------------------
    def test_area_rechecked_on_later_changes(self):
        """R-04: mode, customer and address changes of a dispatched order
        keep the area rule."""
        far = self._order(partner_id=self.far_customer.id)
        with self._refused(ValidationError, "does not serve Lhasa on site"):
            far.write({"service_mode": "on_site"})
        far.invalidate_recordset()
        self.assertEqual(far.service_mode, "carry_in")
        on_site = self._order(service_mode="on_site")
        with self._refused(ValidationError, "does not serve Lhasa on site"):
            on_site.with_user(self.agent).write({"partner_id": self.far_customer.id})
        with self._refused(ValidationError, "does not serve Lhasa on site"):
            self.customer.write({"city": "Lhasa"})
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.city, "Shanghai")
        with self._refused(AccessError, "CS Agent"):
            far.write({"outside_area_reason": "I say so"})
        # the CS centre's authorisation makes it possible
        far.with_user(self.agent).write({"outside_area_reason": "Hospital, agreed"})
        far.write({"service_mode": "on_site"})
        self.assertEqual(far.service_mode, "on_site")

    def test_consent_renewed_on_any_part_change(self):
        """R-10: less, more, another product, another kind: a new consent."""
        order = self._diagnosed()
        move = order.move_ids
        for values in (
            {"product_uom_qty": 2},
            {"product_uom_qty": 0.5},
            {"product_id": self.env["product.product"].create({"name": "x"}).id},
        ):
            order.action_record_consent("Inside Customer", "phone")
            self.assertEqual(order.consent_state, "given")
            move.write(values)
            self.assertEqual(order.consent_state, "renew", values)
            with self._refused(UserError, "its parts yet"):
                order.action_repair_start()
        with self._refused(ValidationError, "Demand"):
            move.write({"product_uom_qty": -2})

    def test_warranty_status_is_a_managers_step(self):
        """R-14, R-24: only a CS-centre manager, with a reason; the quotation
        of a repair taken into warranty is repriced to zero."""
        order = self._order()
        labour = self.env["product.product"].create(
            {"name": "Labour", "type": "service", "list_price": 150}
        )
        order.with_user(self.agent).action_create_sale_order()
        sale = order.sudo().sale_order_id
        self.env["sale.order.line"].create(
            {"order_id": sale.id, "product_id": labour.id, "price_unit": 150}
        )
        with self._refused(UserError, "Under Warranty of Repair Order"):
            order.write({"under_warranty": True})
        with self._refused(AccessError, "CS-Centre Manager"):
            order.action_set_warranty(True, "card")
        with self._refused(UserError, "reason"):
            order.with_user(self.manager).action_set_warranty(True, " ")
        # the manager's button opens the wizard, which asks the reason
        action = order.with_user(self.manager).action_open_warranty_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Card and invoice"})
        )
        self.assertTrue(wizard.under_warranty, "the button proposes the other status")
        wizard.action_confirm()
        self.assertTrue(order.under_warranty)
        self.assertEqual(sale.amount_total, 0.0)
        self.assertEqual(order.billing_state, "free")
        self.assertIn("Card and invoice", order.message_ids[:1].body)

    # numbers ---------------------------------------------------------------
    def test_numbers_out_of_bounds(self):
        """Quantities, hours, costs and visit dates are checked."""
        order = self._order()
        for values in (
            {"estimated_hours": -1},
            {"estimated_hours": float("nan")},
            {"estimated_hours": 1e18},
            {"estimated_cost": -100},
        ):
            with self._refused(ValidationError, "must be a number from"):
                order.write(values)
        with self._refused(ValidationError, "must be a number from"):
            self.env["stock.move"].create(
                {
                    "repair_id": order.id,
                    "repair_line_type": "add",
                    "product_id": self.part.id,
                    "product_uom_qty": 1e18,
                }
            )
        with self._refused(ValidationError, "must lie between"):
            self.env["repair.service.visit"].with_user(self.tech_a).create(
                {
                    "repair_id": order.id,
                    "planned_start": datetime(1900, 1, 1, 9),
                    "planned_stop": datetime(1900, 1, 1, 11),
                }
            )

    def test_application_phone_is_e164(self):
        """R-03: every phone the module stores is valid and in E.164."""
        application = self._application(name="Phone Outlet")
        self.assertEqual(application.phone, "+862155550101")
        for phone in ("abc", "+86 123"):
            with self._refused(UserError, "is not valid"):
                application.write({"phone": phone})
        self.assertEqual(application.phone, "+862155550101")

    def test_application_name_must_be_free(self):
        """An application named like an existing outlet is refused when it is
        submitted, not at the decision."""
        application = self._application(name="integrity outlet")
        with self._refused(UserError, "already exists"):
            application.with_user(self.agent).action_submit()
        self.assertEqual(application.state, "draft")

    def test_copy_is_a_new_request(self):
        """A copy of a dispatched service order is a new request to dispatch:
        nothing the steps own comes with it."""
        order = self._diagnosed()
        copy = order.with_user(self.agent).copy()
        self.assertFalse(copy.outlet_id or copy.technician_id)
        self.assertEqual(copy.dispatch_state, "to_dispatch")
        self.assertEqual(copy.consent_state, "none")

    def test_notifications_leave_the_customer_row_alone(self):
        """A customer's signup is prepared once; later notifications do not
        write their row again (orders of one customer would contend on it)."""
        self.customer.signup_prepare()
        self.env.flush_all()
        with self.assertQueryCount(0):
            self.customer.signup_prepare()
