# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OutletCase

T0 = datetime(2026, 11, 23, 9, 0, 0)  # a Monday


@tagged("post_install", "-at_install")
class TestSla(OutletCase):
    """The one SLA engine, configured for R-07 (contact within 2 hours)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet_manager = cls.staff_a
        cls.outlet = cls._approved_outlet(
            "SLA Outlet",
            technicians=cls.tech_a | cls.tech_b,
            manager_id=cls.outlet_manager.id,
        )
        cls.policy = cls.env.ref("repair_service_mgmt.sla_policy_contact_customer")
        cls.customer = cls.env["res.partner"].create({"name": "SLA customer"})
        cls.product = cls.env["product.product"].create({"name": "SLA fridge"})
        cls.breach_type = cls.env.ref("repair_service_mgmt.mail_activity_sla_breach")

    def _dispatched_order(self, technician=None):
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id})
        )
        order._dispatch(self.outlet, technician or self.tech_a)
        return order

    def _line(self, order):
        return order.sla_line_ids.filtered(lambda line: line.policy_id == self.policy)

    def _breach_activities(self, order):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "repair.order"),
                ("res_id", "=", order.id),
                ("activity_type_id", "=", self.breach_type.id),
            ]
        )

    def test_met_in_time(self):
        """R-07: contacting the customer within 2 hours meets the deadline."""
        with freeze_time(T0):
            order = self._dispatched_order()
        line = self._line(order)
        self.assertEqual(line.state, "running")
        self.assertEqual(line.deadline, T0 + timedelta(hours=2))
        self.assertEqual(line.responsible_id, self.tech_a)
        self.assertEqual(order.sla_status, "running")
        with freeze_time(T0 + timedelta(minutes=90)):
            order.with_user(self.tech_a).action_customer_contacted()
        self.assertEqual(line.state, "met")
        self.assertEqual(order.dispatch_state, "accepted")
        self.assertEqual(order.sla_status, "met")
        with freeze_time(T0 + timedelta(hours=5)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
        self.assertEqual(line.state, "met")
        self.assertFalse(self._breach_activities(order))

    def test_breach_escalated_exactly_once(self):
        """R-07: a missed deadline is breached and escalated once, to the
        outlet manager (the technician's manager)."""
        with freeze_time(T0):
            order = self._dispatched_order()
        with freeze_time(T0 + timedelta(hours=1, minutes=59)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
        self.assertEqual(self._line(order).state, "running")
        with freeze_time(T0 + timedelta(hours=2, minutes=1)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
            self.env["repair.service.sla.line"]._cron_check_deadlines()
        self.assertEqual(self._line(order).state, "breached")
        activities = self._breach_activities(order)
        self.assertEqual(activities.user_id, self.outlet_manager)
        self.assertEqual(len(activities), 1)
        breached = self.env["repair.order"].search([("sla_status", "=", "breached")])
        self.assertIn(order, breached)
        # contacting late keeps the breach on record
        with freeze_time(T0 + timedelta(hours=3)):
            order.with_user(self.tech_a).action_customer_contacted()
        self.assertEqual(self._line(order).state, "breached")
        self.assertTrue(self._line(order).done_date)

    def test_paused_while_waiting_for_dispatch(self):
        """R-07: while a declined job waits for the dispatcher the clock stops."""
        with freeze_time(T0):
            order = self._dispatched_order()
        with freeze_time(T0 + timedelta(minutes=30)):
            order.with_user(self.tech_a).action_decline_job()
        self.assertEqual(self._line(order).state, "paused")
        with freeze_time(T0 + timedelta(hours=3, minutes=30)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
            self.assertEqual(self._line(order).state, "paused")
            order.with_user(self.agent)._dispatch(self.outlet, self.tech_b)
        line = self._line(order)
        self.assertEqual(line.state, "running")
        self.assertEqual(line.deadline, T0 + timedelta(hours=5))

    def test_only_the_technician_records_the_call(self):
        """R-07: the call is recorded by the job's technician, not by a write."""
        order = self._dispatched_order()
        with self.assertRaisesRegex(AccessError, "can record the call to the customer"):
            order.with_user(self.tech_b).action_customer_contacted()
        with self.assertRaisesRegex(UserError, "workflow buttons"):
            order.with_user(self.tech_a).write(
                {"customer_contacted_at": "2026-01-01 00:00:00"}
            )

    def test_working_hours(self):
        """The clock can count working hours only (a calendar on the policy)."""
        calendar = self.env.ref("resource.resource_calendar_std")
        policy = self.policy.copy({"calendar_id": calendar.id, "hours": 4})
        friday_afternoon = datetime(2026, 11, 27, 15, 0)
        deadline = policy._deadline(friday_afternoon)
        self.assertGreater(deadline, friday_afternoon + timedelta(days=2))
        self.assertEqual(deadline.weekday(), 0)

    def test_policy_checked(self):
        """Policies are data, checked when saved."""
        with self.assertRaisesRegex(ValidationError, "not a valid domain"):
            self.policy.copy({"target_domain": "[('no_such_field', '=', 1)]"})
        with self.assertRaisesRegex(ValidationError, "not a field path"):
            self.policy.copy({"escalation_field": "outlet_id.nobody"})
        with self.assertRaisesRegex(ValidationError, "more than zero"):
            self.policy.copy({"hours": 0})

    def test_cron_queries_do_not_grow(self):
        """The scheduled action costs the same few queries whatever the number
        of running deadlines that are not due."""
        for _i in range(3):
            self._dispatched_order()
        Line = self.env["repair.service.sla.line"]
        Line._cron_check_deadlines()
        with self.assertQueryCount(2):
            Line._cron_check_deadlines()
        for _i in range(10):
            self._dispatched_order()
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            Line._cron_check_deadlines()

    def test_status_search(self):
        """The deadline status is found with =, !=, in and not in, each value
        meaning what the order shows (met: no deadline open or missed)."""
        Order = self.env["repair.order"]
        orders = {}
        for status in ("none", "running", "met", "breached", "mixed"):
            orders[status] = Order.create(
                {"partner_id": self.customer.id, "product_id": self.product.id}
            )
        other = self.policy.copy({"name": "Second deadline"})
        now = datetime.now()
        lines = [
            ("running", self.policy, "running"),
            ("met", self.policy, "met"),
            ("met", other, "met"),
            ("breached", self.policy, "breached"),
            ("mixed", self.policy, "running"),
            ("mixed", other, "breached"),
        ]
        self.env["repair.service.sla.line"].create(
            [
                {
                    "policy_id": policy.id,
                    "res_model": "repair.order",
                    "res_id": orders[key].id,
                    "start_date": now,
                    "deadline": now + timedelta(hours=1),
                    "state": state,
                }
                for key, policy, state in lines
            ]
        )
        ids = Order.browse([order.id for order in orders.values()])
        ids.invalidate_recordset()

        def found(operator, value):
            result = Order.search(
                [("id", "in", ids.ids), ("sla_status", operator, value)]
            )
            return {key for key, order in orders.items() if order in result}

        self.assertEqual(found("=", "none"), {"none"})
        self.assertEqual(found("=", "running"), {"running"})
        self.assertEqual(found("=", "met"), {"met"})
        self.assertEqual(found("=", "breached"), {"breached", "mixed"})
        self.assertEqual(found("!=", "met"), {"none", "running", "breached", "mixed"})
        self.assertEqual(found("in", ["met", "none"]), {"met", "none"})
        self.assertEqual(found("not in", ["breached", "none"]), {"running", "met"})
        for key, order in orders.items():
            expected = "breached" if key == "mixed" else key
            self.assertEqual(order.sla_status, expected)
            self.assertIn(key, found("=", order.sla_status))

    def test_backlog_drains_in_batches(self):
        """A backlog of breaches larger than a batch is escalated batch by
        batch, the progress telling the scheduler what remains; a record that
        cannot be escalated does not stop the others."""
        with freeze_time(T0):
            orders = [self._dispatched_order() for _i in range(5)]
        Line = self.env["repair.service.sla.line"]
        cron = self.env.ref("repair_service_mgmt.ir_cron_sla_deadlines")
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
        Line = Line.with_context(ir_cron_progress_id=progress.id)
        self.patch(type(Line), "_escalation_batch", 2)
        # one order cannot be escalated: its escalation path is broken
        broken = self._line(orders[0])
        original = type(Line)._escalate

        def escalate(lines):
            if broken in lines:
                raise ValueError("broken escalation path")
            return original(lines)

        self.patch(type(Line), "_escalate", escalate)
        with freeze_time(T0 + timedelta(hours=3)):
            Line._cron_check_deadlines()
            self.assertEqual((progress.done, progress.remaining), (2, 3))
            Line._cron_check_deadlines()
            self.assertEqual((progress.done, progress.remaining), (2, 1))
            Line._cron_check_deadlines()
            self.assertEqual((progress.done, progress.remaining), (1, 0))
        lines = Line.browse([self._line(order).id for order in orders])
        self.assertEqual(set(lines.mapped("escalated")), {True})
        self.assertFalse(self._breach_activities(orders[0]))
        for order in orders[1:]:
            self.assertEqual(len(self._breach_activities(order)), 1)
