# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import OutletCase

# a 1×1 PNG: the customer's signature in the tests
SIGNATURE = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
)
# the frozen moments come after the orders were created (visits are planned
# after their order)
T0 = (datetime.now() + timedelta(days=2)).replace(
    hour=9, minute=0, second=0, microsecond=0
)


@tagged("post_install", "-at_install")
class TestRepairDiagnosisCompletion(OutletCase):
    """R-09…R-13: diagnosis, consent, parts, completion and acceptance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a second technician of the same outlet: sees the order, may not act
        cls.tech_c = new_test_user(
            cls.env, "t_tech_c", groups="repair_service_mgmt.group_technician"
        )
        cls.outlet = cls._approved_outlet(
            "Repair Outlet",
            technicians=cls.tech_a | cls.tech_c,
            staff=cls.staff_a,
            manager_id=cls.staff_a.id,
        )
        cls.other_outlet = cls._approved_outlet(
            "Other Outlet", region=cls.north, technicians=cls.tech_b
        )
        cls.customer = cls.env["res.partner"].create({"name": "Zhao Min"})
        cls.product = cls.env["product.product"].create(
            {"name": "Split air conditioner", "type": "consu"}
        )
        cls.fan = cls.env["product.product"].create(
            {"name": "Fan motor", "type": "consu", "is_storable": True}
        )
        cls.sensor = cls.env["product.product"].create(
            {"name": "Sensor", "type": "consu", "is_storable": True}
        )
        Quant = cls.env["stock.quant"]
        for part in cls.fan | cls.sensor:
            Quant._update_available_quantity(part, cls.outlet.location_id, 10)
        ref = cls.env.ref
        cls.symptom = ref("repair_service_mgmt.fault_symptom_noise")
        cls.cause = ref("repair_service_mgmt.fault_cause_fan_motor")
        cls.complex_cause = ref("repair_service_mgmt.fault_cause_compressor")

    def _order(self, **values):
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "fault_description": "Rattles",
                    **values,
                }
            )
        )
        order._dispatch(self.outlet, self.tech_a)
        order.with_user(self.tech_a).action_customer_contacted()
        return order.with_user(self.tech_a)

    def _add_part(self, order, part, qty=1):
        return self.env["stock.move"].create(
            {
                "repair_id": order.id,
                "repair_line_type": "add",
                "product_id": part.id,
                "product_uom_qty": qty,
            }
        )

    def _diagnose(self, order, cause=None):
        order.write(
            {
                "symptom_id": self.symptom.id,
                "cause_id": (cause or self.cause).id,
                "diagnosis": "Fan bearing worn",
                "repair_plan": "Replace the fan motor",
                "estimated_hours": 1.5,
                "estimated_cost": 180.0,
            }
        )

    def _consent(self, order, **kwargs):
        values = {"signature": SIGNATURE}
        values.update(kwargs)
        return order.action_record_consent("Zhao Min", "signature", **values)

    def _ready(self, order):
        photo = self.env["ir.attachment"].create(
            {"name": "after.png", "datas": SIGNATURE, "res_model": "repair.order"}
        )
        order.write(
            {
                "function_test_done": True,
                "serial_scanned": "SN-0001",
                "completion_photo_ids": [(4, photo.id)],
            }
        )

    # R-09 ----------------------------------------------------------------
    def test_consent_then_repair_then_acceptance(self):
        """R-09…R-12: diagnosed, agreed, repaired with the outlet's parts,
        tested, photographed, scanned, accepted with a signature: done."""
        order = self._order()
        self._diagnose(order)
        move = self._add_part(order, self.fan)
        self.assertEqual(move.location_id, self.outlet.location_id, "R-11")
        self._consent(order)
        self.assertEqual(order.consent_state, "given")
        self.assertEqual(order.consent_by, "Zhao Min")
        self.assertTrue(order.consent_signature)
        self.assertEqual(move.repair_consent_qty, 1)
        order.action_validate()
        order.action_repair_start()
        self.assertEqual(order.state, "under_repair")
        self.assertTrue(order.repair_started_at)
        self._ready(order)
        stock_before = self.fan.with_context(
            location=self.outlet.location_id.id
        ).qty_available
        order.action_record_acceptance(
            "Zhao Min", signature=SIGNATURE, opinion="Quiet again"
        )
        self.assertEqual(order.state, "done")
        self.assertEqual(order.acceptance_state, "accepted")
        self.assertTrue(order.completed_at)
        self.assertEqual(move.state, "done")
        stock_after = self.fan.with_context(
            location=self.outlet.location_id.id
        ).qty_available
        self.assertEqual(stock_before - stock_after, 1, "R-11: a real stock move")
        with self.assertRaisesRegex(UserError, "signed by the customer"):
            order.write({"diagnosis": "changed afterwards"})

    def test_no_repair_or_part_before_consent(self):
        """R-09: no repair starts and no part is used before the consent."""
        order = self._order()
        self._add_part(order, self.fan)
        order.action_validate()
        with self.assertRaisesRegex(UserError, "complete the diagnosis"):
            order.action_repair_start()
        self._diagnose(order)
        with self.assertRaisesRegex(UserError, "has not agreed"):
            order.action_repair_start()
        self.assertEqual(order.state, "confirmed")
        with self.assertRaisesRegex(UserError, "has not agreed to Fan motor"):
            order.move_ids.sudo()._action_done()
        self.assertEqual(order.move_ids.state, "assigned")

    def test_part_added_after_consent_needs_new_consent(self):
        """R-10: a part added or increased after the consent needs a new one."""
        order = self._order()
        self._diagnose(order)
        fan = self._add_part(order, self.fan)
        self._consent(order)
        order.action_validate()
        order.action_repair_start()
        self._add_part(order, self.sensor)
        self.assertEqual(order.consent_state, "renew")
        self.assertTrue(
            order.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref(
                        "repair_service_mgmt.mail_activity_customer_consent"
                    )
                )
            )
        )
        self._ready(order)
        with self.assertRaisesRegex(UserError, "and its parts"):
            order.action_record_acceptance("Zhao Min", signature=SIGNATURE)
        self.assertEqual(order.state, "under_repair")
        order.action_record_consent("Zhao Min", "phone")
        self.assertEqual(order.consent_state, "given")
        fan.product_uom_qty = 2
        self.assertEqual(order.consent_state, "renew", "more of a part: new consent")
        self._consent(order)
        order.action_record_acceptance("Zhao Min", signature=SIGNATURE)
        self.assertEqual(order.state, "done")

    def test_refusal_closes_as_declined(self):
        """R-09: a customer who refuses the plan closes the order as declined."""
        order = self._order()
        self._diagnose(order)
        with self.assertRaisesRegex(UserError, "why the customer refused"):
            self._consent(order, agree=False)
        self.assertEqual(order.state, "draft")
        self._consent(order, agree=False, note="Too expensive")
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.close_reason, "declined")
        self.assertEqual(order.consent_state, "refused")

    def test_consent_refusals(self):
        """R-09: who may record a consent, and what it needs."""
        order = self._order()
        self._diagnose(order)
        with self.assertRaisesRegex(UserError, "signature is missing"):
            order.action_record_consent("Zhao Min", "signature")
        with self.assertRaises(AccessError):  # another outlet's order is hidden
            order.with_user(self.tech_b).action_record_consent("Zhao Min", "phone")
        with self.assertRaisesRegex(UserError, "Only .* can record the customer"):
            order.with_user(self.tech_c).action_record_consent("Zhao Min", "phone")
        with self.assertRaisesRegex(UserError, "workflow buttons"):
            order.write({"consent_state": "given"})
        self.assertEqual(order.consent_state, "none")
        # the outlet's staff and the CS centre (by phone) may record it
        order.with_user(self.staff_a).action_record_consent("Zhao Min", "phone")
        self.assertEqual(order.consent_state, "given")

    def test_consent_wizard(self):
        """R-09: the consent signed in the form's signature wizard."""
        order = self._order()
        self._diagnose(order)
        action = order.action_open_consent_wizard()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.tech_a)
            .with_context(**action["context"])
        )
        wizard.signature = SIGNATURE
        wizard.save().action_confirm()
        self.assertEqual(order.consent_state, "given")
        self.assertEqual(order.consent_method, "signature")
        self.assertEqual(order.consent_by, "Zhao Min")

    # R-12 ----------------------------------------------------------------
    def test_acceptance_needs_test_photos_serial_signature(self):
        """R-12: the test, photos, scan and signature come before acceptance;
        the core End Repair is refused for service orders."""
        order = self._order()
        self._diagnose(order)
        self._consent(order)
        order.action_repair_start()
        with self.assertRaisesRegex(
            UserError, "full-function test.*photos.*serial number"
        ):
            order.action_record_acceptance("Zhao Min", signature=SIGNATURE)
        with self.assertRaisesRegex(UserError, "finished when the customer accepts"):
            order.action_repair_end()
        self._ready(order)
        with self.assertRaisesRegex(UserError, "signature is missing"):
            order.action_record_acceptance("Zhao Min")
        self.assertEqual(order.state, "under_repair")
        self.assertEqual(order.acceptance_state, "none")

    def test_serial_must_match(self):
        """R-12: the scanned serial is the order's serial."""
        tracked = self.env["product.product"].create(
            {"name": "Tracked unit", "type": "consu", "tracking": "serial"}
        )
        lot = self.env["stock.lot"].create(
            {"name": "SN-REAL", "product_id": tracked.id}
        )
        order = self._order(product_id=tracked.id, lot_id=lot.id)
        self._diagnose(order)
        self._consent(order)
        order.action_repair_start()
        self._ready(order)
        with self.assertRaisesRegex(UserError, "SN-0001 is not the serial SN-REAL"):
            order.action_record_acceptance("Zhao Min", signature=SIGNATURE)
        order.serial_scanned = "SN-REAL"
        order.action_record_acceptance("Zhao Min", signature=SIGNATURE)
        self.assertEqual(order.state, "done")

    def test_dispute_is_rework(self):
        """R-12: a disputed result goes back to repair and counts as rework."""
        order = self._order()
        self._diagnose(order)
        self._consent(order)
        order.action_repair_start()
        self._ready(order)
        with self.assertRaisesRegex(UserError, "what the customer disputes"):
            order.action_record_acceptance("Zhao Min", accepted=False)
        order.action_record_acceptance(
            "Zhao Min", accepted=False, opinion="Still noisy"
        )
        self.assertEqual(order.state, "under_repair")
        self.assertEqual(order.acceptance_state, "disputed")
        self.assertEqual(order.rework_count, 1)
        self.assertFalse(order.function_test_done, "tested again after rework")
        self.assertIn(self.tech_a, order.activity_ids.user_id)
        with self.assertRaisesRegex(UserError, "workflow buttons"):
            order.write({"rework_count": 0})
        self._ready(order)
        order.action_record_acceptance("Zhao Min", signature=SIGNATURE)
        self.assertEqual(order.state, "done")
        self.assertEqual(order.rework_count, 1)

    def test_other_technician_cannot_complete(self):
        """R-12: only the order's technician or outlet records acceptance."""
        order = self._order()
        self._diagnose(order)
        self._consent(order)
        order.action_repair_start()
        self._ready(order)
        with self.assertRaisesRegex(UserError, "Only .* can record the customer"):
            order.with_user(self.tech_c).action_record_acceptance(
                "Zhao Min", signature=SIGNATURE
            )
        self.assertEqual(order.state, "under_repair")

    def test_plain_repair_untouched(self):
        """Orders outside the service network keep the core repair flow."""
        order = self.env["repair.order"].create(
            {"partner_id": self.customer.id, "product_id": self.product.id}
        )
        self._add_part(order, self.fan)
        order.action_validate()
        order.action_repair_start()
        order.action_repair_end()
        self.assertEqual(order.state, "done")
        self.assertTrue(order.completed_at)

    # R-02 consultation -----------------------------------------------------
    def test_consultation_answered_and_closed(self):
        """R-02: a consultation is answered and closed without a repair."""
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "request_type": "consultation"})
        )
        with self.assertRaisesRegex(UserError, "Write the answer"):
            order.action_close_consultation()
        order.consultation_answer = "Clean the filter every month."
        with self.assertRaisesRegex(AccessError, "CS Agent. may close a consultation"):
            order.with_user(self.tech_a).action_close_consultation()
        order.action_close_consultation()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.close_reason, "answered")
        with self.assertRaisesRegex(UserError, "answer is kept as given"):
            order.write({"consultation_answer": "Something else"})
        self.assertEqual(order.consultation_answer, "Clean the filter every month.")
        repair = self._order()
        with self.assertRaisesRegex(UserError, "not an open consultation"):
            repair.with_user(self.agent).action_close_consultation()

    # deadlines -------------------------------------------
    def _policy_line(self, record, xmlid):
        policy = self.env.ref(f"repair_service_mgmt.{xmlid}")
        return record.sla_line_ids.filtered(lambda line: line.policy_id == policy)

    def test_repair_time_targets(self):
        """R-13: simple faults within 24 h, complex ones within 72 h of the
        start of the repair; met when the customer accepts in time."""
        with freeze_time(T0):
            simple = self._order()
            self._diagnose(simple)
            self._consent(simple)
            simple.action_repair_start()
            complex_ = self._order()
            self._diagnose(complex_, cause=self.complex_cause)
            self._consent(complex_)
            complex_.action_repair_start()
        line = self._policy_line(simple, "sla_policy_repair_simple")
        self.assertEqual(line.deadline, T0 + timedelta(hours=24))
        line_c = self._policy_line(complex_, "sla_policy_repair_complex")
        self.assertEqual(line_c.deadline, T0 + timedelta(hours=72))
        self.assertFalse(self._policy_line(complex_, "sla_policy_repair_simple"))
        with freeze_time(T0 + timedelta(hours=30)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
            self._ready(complex_)
            complex_.action_record_acceptance("Zhao Min", signature=SIGNATURE)
        self.assertEqual(line.state, "breached")
        self.assertEqual(line_c.state, "met")

    def test_emergency_deadlines(self):
        """R-06: an emergency on site is accepted within 10 minutes and the
        technician checks in within 15 minutes of the call."""
        with freeze_time(T0):
            order = (
                self.env["repair.order"]
                .with_user(self.agent)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "priority": "1",
                        "service_mode": "on_site",
                        "outside_area_reason": "Hospital, authorised",
                    }
                )
            )
            order._dispatch(self.outlet, self.tech_a)
        accepted = self._policy_line(order, "sla_policy_emergency_accepted")
        on_site = self._policy_line(order, "sla_policy_emergency_on_site")
        self.assertEqual(accepted.deadline, T0 + timedelta(minutes=10))
        self.assertEqual(on_site.deadline, T0 + timedelta(minutes=15))
        with freeze_time(T0 + timedelta(minutes=5)):
            order.with_user(self.tech_a).action_accept_job()
        with freeze_time(T0 + timedelta(minutes=12)):
            visit = (
                self.env["repair.service.visit"]
                .with_user(self.tech_a)
                .create(
                    {
                        "repair_id": order.id,
                        "technician_id": self.tech_a.id,
                        "planned_start": T0 + timedelta(minutes=12),
                        "planned_stop": T0 + timedelta(hours=1),
                    }
                )
            )
            visit.action_check_in()
        self.assertEqual(accepted.state, "met")
        self.assertEqual(on_site.state, "met")
        self.assertEqual(order.first_arrival_at, T0 + timedelta(minutes=12))

    def test_visit_reconfirmed_before_start(self):
        """R-05: a visit not re-confirmed by its planned start is breached and
        escalated once; moving the visit moves the deadline."""
        order = self._order()
        start = T0 + timedelta(days=1)
        with freeze_time(T0):
            visit = (
                self.env["repair.service.visit"]
                .with_user(self.tech_a)
                .create(
                    {
                        "repair_id": order.id,
                        "technician_id": self.tech_a.id,
                        "planned_start": start,
                        "planned_stop": start + timedelta(hours=2),
                    }
                )
            )
        line = self._policy_line(visit, "sla_policy_visit_reconfirmed")
        self.assertEqual(line.deadline, start)
        later = start + timedelta(hours=3)
        visit.write(
            {"planned_start": later, "planned_stop": later + timedelta(hours=1)}
        )
        self.assertEqual(line.deadline, later, "the deadline follows the visit")
        with freeze_time(later + timedelta(minutes=1)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
            self.env["repair.service.sla.line"]._cron_check_deadlines()
        self.assertEqual(line.state, "breached")
        breach = self.env.ref("repair_service_mgmt.mail_activity_sla_breach")
        activities = visit.activity_ids.filtered(lambda a: a.activity_type_id == breach)
        self.assertEqual(len(activities), 1, "escalated exactly once")
        self.assertEqual(activities.user_id, self.staff_a, "the outlet's manager")
