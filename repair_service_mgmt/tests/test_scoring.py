# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-46: outlet scoring — every metric on hand-built records whose expected
value is worked out by hand below, the close (idempotent), the ranking and
grades, who may confirm, and who sees which sheet."""

from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import M, OutletCase

# a quarter no demo record falls in: only the records below count
BASE = datetime(2031, 2, 1, 8, 0, 0)


class ScoringCase(OutletCase):
    """The records of the quarter scored by the tests below."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outlet_manager = new_test_user(
            cls.env,
            "t_scoring_om",
            groups=f"{M}.group_outlet_manager",
            email="t_scoring_om@example.com",
        )
        cls.outlet_a = cls._approved_outlet(
            "Scoring Outlet A",
            technicians=cls.tech_a,
            staff=cls.staff_a | cls.outlet_manager,
            manager_id=cls.outlet_manager.id,
        )
        cls.outlet_b = cls._approved_outlet(
            "Scoring Outlet B", region=cls.north, technicians=cls.tech_b
        )
        cls.outlet_c = cls._approved_outlet("Scoring Outlet C")
        cls.scheme = cls.env.ref(f"{M}.scoring_scheme_default")
        cls.contact = cls.env.ref(f"{M}.sla_policy_contact_customer")
        cls.product = cls.env["product.product"].create(
            {"name": "Scoring fridge", "is_storable": True, "tracking": "serial"}
        )
        cls.lot1, cls.lot2 = cls.env["stock.lot"].create(
            [
                {"name": "SC-LOT-1", "product_id": cls.product.id},
                {"name": "SC-LOT-2", "product_id": cls.product.id},
            ]
        )
        cls.customer = cls.env["res.partner"].create({"name": "Scoring customer"})

        minutes = lambda m: BASE + timedelta(minutes=m)
        # outlet A: four orders dispatched in the period
        cls.a1 = cls._order(
            cls.outlet_a, minutes(30), BASE + timedelta(days=2), 0, cls.lot1
        )
        cls.a2 = cls._order(
            cls.outlet_a, minutes(150), BASE + timedelta(days=3), 1, cls.lot2
        )
        cls.a3 = cls._order(cls.outlet_a, minutes(200))
        cls.a4 = cls._order(cls.outlet_a, None)
        # the serial of a1 comes back 10 days after a1's completion (at
        # another outlet, not dispatched yet): a repeat repair of a1
        cls.a5 = cls._order(cls.outlet_b, None, lot=cls.lot1, dispatched=False)
        cls.env.cr.execute(
            "UPDATE repair_order SET create_date = %s WHERE id = %s",
            (BASE + timedelta(days=12), cls.a5.id),
        )
        cls.a5.invalidate_recordset(["create_date"])
        # outlet B: one order, perfect
        cls.b1 = cls._order(cls.outlet_b, minutes(60), BASE + timedelta(days=1), 0)
        # outlet A: one valid complaint about the staff's attitude
        cls.complaint_a = cls._attitude_complaint(
            cls.outlet_a, BASE + timedelta(days=1)
        )
        # deadlines: a1, a2 met, a3 missed, a4 still running (not concluded)
        for order, state in (
            (cls.a1, "met"),
            (cls.a2, "met"),
            (cls.a3, "breached"),
            (cls.a4, "running"),
            (cls.b1, "met"),
        ):
            cls._deadline(order, state)
        # follow-up calls: a1 scored 4, a2 scored 2 with a checklist "No",
        # b1 scored 5
        cls._followup(cls.a1, "4")
        cls._followup(cls.a2, "2", failed=True)
        cls._followup(cls.b1, "5")
        # violations: one confirmed in the period (counted), a draft one and
        # one confirmed before the period (not counted)
        Violation = cls.env["repair.service.violation"].sudo()
        cls.violations = Violation.create(
            [
                {
                    "outlet_id": cls.outlet_a.id,
                    "violation_type": "overcharge",
                    "description": "Charged a visit twice",
                    "date": date(2031, 2, 10),
                    "penalty": "fine",
                    "fine_amount": 300.0,
                    "state": "confirmed",
                },
                {
                    "outlet_id": cls.outlet_a.id,
                    "violation_type": "missed_appointment",
                    "description": "Came late",
                    "date": date(2031, 2, 11),
                },
                {
                    "outlet_id": cls.outlet_a.id,
                    "violation_type": "missed_appointment",
                    "description": "Came late, last year",
                    "date": date(2030, 12, 20),
                    "state": "confirmed",
                },
            ]
        )
        cls.period = cls.env["repair.service.scoring.period"].create(
            {
                "kind": "quarter",
                "date_from": date(2031, 1, 1),
                "date_to": date(2031, 3, 31),
                "scheme_id": cls.scheme.id,
            }
        )

    @classmethod
    def _order(
        cls, outlet, contacted, completed=None, reworks=0, lot=None, dispatched=True
    ):
        order = (
            cls.env["repair.order"]
            .sudo()
            .create(
                {
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "fault_description": "Does not cool",
                }
            )
        )
        values = {"outlet_id": outlet.id, "lot_id": lot.id if lot else False}
        if dispatched:
            values["dispatched_at"] = BASE
        if contacted:
            values["customer_contacted_at"] = contacted
        if completed:
            values.update(
                {"completed_at": completed, "rework_count": reworks, "state": "done"}
            )
        order.write(values)
        return order.with_env(cls.env)

    @classmethod
    def _deadline(cls, order, state):
        cls.env["repair.service.sla.line"].sudo().create(
            {
                "policy_id": cls.contact.id,
                "res_model": "repair.order",
                "res_id": order.id,
                "start_date": BASE,
                "deadline": BASE + timedelta(hours=2),
                "state": state,
            }
        )

    @classmethod
    def _followup(cls, order, score, failed=False):
        followup = (
            cls.env["repair.service.followup"].sudo().create({"repair_id": order.id})
        )
        followup.write(
            {
                "state": "done",
                "satisfaction": score,
                "call_date": BASE + timedelta(days=5),
            }
        )
        followup.answer_ids.write({"answer": "yes"})
        if failed:
            followup.answer_ids[:1].write({"answer": "no"})
        return followup

    @classmethod
    def _attitude_complaint(cls, outlet, when, **vals):
        return cls.env["repair.service.complaint"].create(
            dict(
                {
                    "partner_id": cls.a1.partner_id.id,
                    "outlet_id": outlet.id,
                    "company_id": outlet.company_id.id,
                    "description": "The technician was rude.",
                    "about_attitude": True,
                    "validity": "valid",
                    "date": when,
                },
                **vals,
            )
        )

    def _close(self, period=None):
        (period or self.period).with_user(self.manager).action_close()

    def _sheet(self, outlet, period=None):
        return (period or self.period).sheet_ids.filtered(
            lambda s: s.outlet_id == outlet
        )

    def _line(self, sheet, indicator, metric=None):
        return sheet.line_ids.filtered(
            lambda line: (
                line.indicator == indicator
                and (not metric or line.metric_code == metric)
            )
        )


@tagged("post_install", "-at_install")
class TestScoring(ScoringCase):
    # ------------------------------------------------------------------
    # Metrics
    # ------------------------------------------------------------------
    def test_r46_response_speed(self):
        """Deadlines met: a1, a2 met, a3 missed, a4 running → 2 of 3.
        Median minutes to contact of 30, 150, 200 → 150; target 120:
        100 × (240 − 150) / 120 = 75. Response = (66.67 + 75) / 2."""
        self._close()
        sheet = self._sheet(self.outlet_a)
        deadlines = self._line(sheet, "deadlines_met")
        self.assertEqual((deadlines.numerator, deadlines.denominator), (2, 3))
        self.assertAlmostEqual(deadlines.points, 66.67, places=2)
        median = self._line(sheet, "contact_median")
        self.assertAlmostEqual(median.value, 150.0, places=2)
        self.assertEqual(median.denominator, 3)
        self.assertAlmostEqual(median.points, 75.0, places=2)
        self.assertAlmostEqual(sheet.response_score, (200 / 3 + 75) / 2, places=2)
        self.assertIn("120", median.definition)
        self.assertEqual(sheet.order_count, 4)

    def test_r46_service_quality(self):
        """Completed in the period: a1 (first time, serial back within 30
        days) and a2 (reworked). First-time fix 1/2 → 50; reworks 1/2 →
        50; repeat repairs 1 of 2 with a serial → 50. Quality 50."""
        self._close()
        sheet = self._sheet(self.outlet_a)
        first = self._line(sheet, "first_time_fix")
        self.assertEqual((first.numerator, first.denominator), (1, 2))
        self.assertAlmostEqual(first.points, 50.0)
        rework = self._line(sheet, "rework")
        self.assertEqual((rework.numerator, rework.denominator), (1, 2))
        self.assertAlmostEqual(rework.points, 50.0)
        repeat = self._line(sheet, "repeat_repair")
        self.assertEqual((repeat.numerator, repeat.denominator), (1, 2))
        self.assertAlmostEqual(repeat.points, 50.0)
        self.assertAlmostEqual(sheet.quality_score, 50.0)
        # outlet B: one completed order without serial: repeat not scored
        sheet_b = self._sheet(self.outlet_b)
        self.assertFalse(self._line(sheet_b, "repeat_repair").scored)
        self.assertAlmostEqual(sheet_b.quality_score, 100.0)

    def test_r46_first_time_fix_counts_visits(self):
        """An order of outlet B completed at the second visit is not fixed
        the first time: B's first-time fix becomes 1 of 2 → 50, its reworks
        stay 0 of 2 → 100."""
        b2 = self._order(
            self.outlet_b, None, BASE + timedelta(days=4), dispatched=False
        )
        b2.sudo().write({"technician_id": self.tech_b.id})
        start = datetime.now().replace(microsecond=0) + timedelta(days=1)
        visits = (
            self.env["repair.service.visit"]
            .sudo()
            .create(
                [
                    {
                        "repair_id": b2.id,
                        "planned_start": start + timedelta(days=day),
                        "planned_stop": start + timedelta(days=day, hours=2),
                    }
                    for day in (0, 1)
                ]
            )
        )
        visits.write({"state": "done"})
        self._close()
        sheet = self._sheet(self.outlet_b)
        first = self._line(sheet, "first_time_fix")
        self.assertEqual((first.numerator, first.denominator), (1, 2))
        self.assertAlmostEqual(first.points, 50.0)
        rework = self._line(sheet, "rework")
        self.assertEqual((rework.numerator, rework.denominator), (0, 2))
        self.assertAlmostEqual(rework.points, 100.0)
        self.assertAlmostEqual(sheet.quality_score, 75.0)

    def test_r46_figures_are_set_based(self):
        """One query per metric, whatever the number of outlets."""
        period = self.period.sudo()
        outlets = (self.outlet_a | self.outlet_b | self.outlet_c).ids
        methods = (
            period._figures_response,
            period._figures_quality,
            period._figures_attitude,
            period._figures_satisfaction,
            period._figures_violations,
        )
        for method in methods:
            method(outlets)  # warm the caches
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            method(outlets[:1])
            one = self.env.cr.sql_log_count - before
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            method(outlets)
            self.assertEqual(self.env.cr.sql_log_count - before, one, method)

    def test_r46_attitude_complaints(self):
        """Valid attitude complaints received in the period per 100 orders
        dispatched: A has 1 (an invalid one, one about something else and
        one after the period do not count) for 4 orders → 25 per 100 →
        100 − 50 × 25 < 0 → 0 points; B has none → 100 points."""
        in_period = BASE + timedelta(days=1)
        # the valid one: cls.complaint_a
        self._attitude_complaint(self.outlet_a, in_period, validity="invalid")
        self._attitude_complaint(self.outlet_a, in_period, about_attitude=False)
        self._attitude_complaint(self.outlet_a, BASE + timedelta(days=200))
        self._close()
        sheet = self._sheet(self.outlet_a)
        line = self._line(sheet, "attitude_complaints")
        self.assertEqual((line.numerator, line.denominator), (1, 4))
        self.assertAlmostEqual(line.value, 25.0)
        self.assertTrue(line.scored)
        self.assertAlmostEqual(line.points, 0.0)
        self.assertTrue(self._line(sheet, "metric", "attitude").scored)
        self.assertAlmostEqual(sheet.attitude_score, 0.0)
        self.assertIn("per 100 orders dispatched", line.definition)
        line_b = self._line(self._sheet(self.outlet_b), "attitude_complaints")
        self.assertEqual(line_b.numerator, 0)
        self.assertTrue(line_b.scored)
        self.assertAlmostEqual(line_b.points, 100.0)

    def test_r46_customer_satisfaction(self):
        """Scores 4 and 2 → mean 3 → 100 × (3 − 1) / 4 = 50; one of two
        calls with a checklist "No" → 50. Satisfaction 50."""
        self._close()
        sheet = self._sheet(self.outlet_a)
        mean = self._line(sheet, "mean_satisfaction")
        self.assertEqual((mean.numerator, mean.denominator), (6, 2))
        self.assertAlmostEqual(mean.value, 3.0)
        self.assertAlmostEqual(mean.points, 50.0)
        failed = self._line(sheet, "failed_checklist")
        self.assertEqual((failed.numerator, failed.denominator), (1, 2))
        self.assertAlmostEqual(failed.points, 50.0)
        self.assertAlmostEqual(sheet.satisfaction_score, 50.0)

    def test_r46_violations_and_score(self):
        """One confirmed violation in the period (fine 300): 5 points off;
        one valid attitude complaint for 4 orders: attitude 0.
        Score A = (30 × 70.83 + 30 × 50 + 20 × 0 + 20 × 50) / 100 − 5 =
        41.25; B = 100: rank 1 Excellent, A rank 2 Fail, C (no orders) not
        scored, ranked or graded."""
        self._close()
        sheet_a, sheet_b = self._sheet(self.outlet_a), self._sheet(self.outlet_b)
        sheet_c = self._sheet(self.outlet_c)
        self.assertEqual(sheet_a.violation_count, 1)
        self.assertAlmostEqual(sheet_a.fine_amount, 300.0)
        self.assertAlmostEqual(sheet_a.violation_deduction, 5.0)
        response = (200 / 3 + 75) / 2
        expected = (30 * response + 30 * 50 + 20 * 0 + 20 * 50) / 100 - 5
        self.assertAlmostEqual(sheet_a.score, round(expected, 2), places=2)
        self.assertAlmostEqual(sheet_b.score, 100.0)
        self.assertEqual((sheet_b.rank, sheet_a.rank), (1, 2))
        self.assertEqual(sheet_b.band_id, self.env.ref(f"{M}.scoring_band_excellent"))
        self.assertEqual(sheet_a.band_id, self.env.ref(f"{M}.scoring_band_fail"))
        self.assertEqual(
            sorted(sheet_b.measure_ids.mapped("kind")), ["bonus", "recognition"]
        )
        self.assertEqual(
            sheet_b.measure_ids.filtered(lambda m: m.kind == "bonus").amount, 2000.0
        )
        self.assertEqual(
            sorted(sheet_a.measure_ids.mapped("kind")),
            ["training", "violation_review"],
        )
        self.assertFalse(sheet_c.scored)
        self.assertEqual((sheet_c.rank, sheet_c.score), (0, 0.0))
        self.assertFalse(sheet_c.band_id)
        self.assertFalse(sheet_c.measure_ids)
        self.assertEqual(sheet_b.ranked_count, sheet_a.ranked_count)
        self.assertEqual(self.period.state, "closed")

    def test_r46_empty_period(self):
        """A period without any record: every outlet has a sheet, none is
        scored, ranked or graded, and no measure is proposed."""
        period = self.env["repair.service.scoring.period"].create(
            {
                "kind": "quarter",
                "date_from": date(2032, 1, 1),
                "date_to": date(2032, 3, 31),
                "scheme_id": self.scheme.id,
            }
        )
        self._close(period)
        self.assertEqual(period.state, "closed")
        self.assertIn(self.outlet_a, period.sheet_ids.outlet_id)
        self.assertFalse(any(period.sheet_ids.mapped("scored")))
        self.assertFalse(any(period.sheet_ids.mapped("rank")))
        self.assertFalse(period.sheet_ids.measure_ids)
        self.assertFalse(period.sheet_ids.band_id)

    # ------------------------------------------------------------------
    # The scheme
    # ------------------------------------------------------------------
    def test_r46_weights_must_sum_to_100(self):
        with self.assertRaisesRegex(ValidationError, "must add up to 100"):
            self.env["repair.service.scoring.scheme"].create(
                {
                    "name": "Lopsided",
                    "metric_ids": [
                        Command.create(
                            {"code": "response", "name": "Speed", "weight": 30}
                        ),
                        Command.create(
                            {"code": "quality", "name": "Quality", "weight": 30}
                        ),
                    ],
                }
            )
        metric = self.scheme.metric_ids[:1]
        with self.assertRaisesRegex(ValidationError, "add up to 90"):
            self.scheme.with_user(self.manager).write(
                {
                    "metric_ids": [
                        Command.update(metric.id, {"weight": metric.weight - 10})
                    ]
                }
            )

    # ------------------------------------------------------------------
    # The close
    # ------------------------------------------------------------------
    def _snapshot(self):
        period = [("period_id", "=", self.period.id)]
        # in id order: the same records, whatever order the sheets list in
        sheets = self.env["repair.service.scoring.sheet"].search(period, order="id")
        return (
            self.env["repair.service.scoring.sheet.line"].search_count(period),
            self.env["repair.service.scoring.measure"].search_count(period),
            sheets.read(["score", "rank", "band_id", "scored", "violation_count"]),
            sheets.line_ids.sorted("id").read(
                ["numerator", "denominator", "value", "points"]
            ),
            sheets.measure_ids.sorted("id").read(["kind", "amount", "state"]),
        )

    def test_r46_close_twice_changes_nothing(self):
        """Re-running the close: the same sheets, figures and measures (same
        ids, same values), no new record."""
        self._close()
        before = self._snapshot()
        self._close()
        self.assertEqual(self._snapshot(), before)
        # the scheduled action, once the period ended, scores it again (it
        # was closed before its end): the close really re-runs
        first_close = self.period.closed_at
        with freeze_time(datetime(2031, 4, 2, 6, 0, 0)):
            self.env["repair.service.scoring.period"]._cron_close_periods()
        self.assertEqual(self.period.closed_at, datetime(2031, 4, 2, 6, 0, 0))
        self.assertNotEqual(self.period.closed_at, first_close)
        self.assertEqual(self._snapshot(), before)

    def test_r46_cron_closes_ended_periods(self):
        """The scheduled action creates this year's periods and closes the
        open ones that ended."""
        ended = self.env["repair.service.scoring.period"].create(
            {
                "kind": "half",
                "date_from": date(2020, 1, 1),
                "date_to": date(2020, 6, 30),
                "scheme_id": self.scheme.id,
            }
        )
        self.env["repair.service.scoring.period"]._cron_close_periods()
        self.assertEqual(ended.state, "closed")
        self.assertTrue(ended.sheet_ids)
        # a period closed before its end is scored again once it ended
        early = self.env["repair.service.scoring.period"].create(
            {
                "kind": "quarter",
                "date_from": date(2020, 1, 1),
                "date_to": date(2020, 3, 31),
                "scheme_id": self.scheme.id,
            }
        )
        early.with_user(self.manager).action_close()
        sheet = self._sheet(self.outlet_a, early)
        self.assertEqual(self._line(sheet, "contact_median").denominator, 0)
        self.assertEqual(self._line(sheet, "attitude_complaints").numerator, 0)
        # its last days bring an order contacted after 45 minutes and a
        # valid attitude complaint, after the early close
        late_order = self._order(self.outlet_a, datetime(2020, 3, 20, 8, 45))
        late_order.sudo().write({"dispatched_at": datetime(2020, 3, 20, 8, 0)})
        self._attitude_complaint(self.outlet_a, datetime(2020, 3, 21, 9, 0))
        early.sudo().write({"closed_at": datetime(2020, 3, 15)})
        self.env["repair.service.scoring.period"]._cron_close_periods()
        self.assertGreater(early.closed_at, datetime(2020, 4, 1))
        # the same sheet, with the new figures
        self.assertEqual(self._sheet(self.outlet_a, early), sheet)
        median = self._line(sheet, "contact_median")
        self.assertEqual((median.numerator, median.denominator), (45.0, 1.0))
        self.assertAlmostEqual(median.value, 45.0)
        attitude = self._line(sheet, "attitude_complaints")
        self.assertEqual((attitude.numerator, attitude.denominator), (1.0, 1.0))
        self.assertAlmostEqual(attitude.value, 100.0)
        self.assertEqual(self.period.state, "open")  # not ended yet
        year = date.today().year
        kinds = self.env["repair.service.scoring.period"].search(
            [
                ("company_id", "=", self.env.company.id),
                ("date_from", ">=", date(year, 1, 1)),
                ("date_from", "<=", date(year, 12, 31)),
            ]
        )
        self.assertEqual(len(kinds), 7)  # 4 quarters, 2 half-years, the year

    # ------------------------------------------------------------------
    # Confirmation and access
    # ------------------------------------------------------------------
    def test_r46_only_the_cs_manager_confirms(self):
        self._close()
        for user in (self.outlet_manager, self.agent, self.supervisor):
            with self.assertRaises(AccessError):
                self.period.with_user(user).action_confirm()
            with self.assertRaises(AccessError):
                self.period.with_user(user).action_close()
        sheet = self._sheet(self.outlet_a)
        with self.assertRaises(AccessError):
            sheet.with_user(self.outlet_manager).action_confirm()
        self.assertEqual(self.period.state, "closed")
        self.period.with_user(self.manager).action_confirm()
        self.assertEqual(self.period.state, "confirmed")
        self.assertEqual(set(self.period.sheet_ids.mapped("state")), {"confirmed"})
        # a recognition is done at once (a message on the outlet)
        self.assertLessEqual(
            set(self.period.sheet_ids.measure_ids.mapped("state")),
            {"confirmed", "done"},
        )
        self.assertNotIn("proposed", self.period.sheet_ids.measure_ids.mapped("state"))
        # confirmed sheets are frozen
        with self.assertRaises(UserError):
            self._close()
        with self.assertRaises(UserError):
            sheet.with_user(self.manager).write({"score": 99.0})

    def test_r46_nobody_types_a_score(self):
        self._close()
        sheet = self._sheet(self.outlet_a)
        with self.assertRaises(UserError):
            sheet.with_user(self.manager).write({"score": 99.0})
        outlet_sheet = sheet.with_user(self.outlet_manager)
        self.assertFalse(outlet_sheet.has_access("write"))
        with self.assertRaises(UserError):
            outlet_sheet.write({"score": 99.0})

    def test_r46_outlet_manager_sees_own_sheet_only(self):
        self._close()
        sheet_a, sheet_b = self._sheet(self.outlet_a), self._sheet(self.outlet_b)
        Sheet = self.env["repair.service.scoring.sheet"].with_user(self.outlet_manager)
        found = Sheet.search([("period_id", "=", self.period.id)])
        self.assertEqual(found, sheet_a)
        self.assertEqual(found.rank, 2)
        with self.assertRaises(AccessError):
            sheet_b.with_user(self.outlet_manager).read(["score"])
        lines = self.env["repair.service.scoring.sheet.line"].with_user(
            self.outlet_manager
        )
        self.assertEqual(
            lines.search([("period_id", "=", self.period.id)]).sheet_id, sheet_a
        )
        # a regional supervisor: the sheets of their region only
        found = (
            self.env["repair.service.scoring.sheet"]
            .with_user(self.supervisor_north)
            .search([("period_id", "=", self.period.id)])
        )
        self.assertIn(sheet_b, found)
        self.assertNotIn(sheet_a, found)

    def test_r46_scoring_creates_no_penalty(self):
        """A failing grade proposes a violation review; scoring itself never
        creates a confirmed violation, a fine or a suspension (R-45): the
        review is a draft violation the CS centre decides."""
        Violation = self.env["repair.service.violation"]
        Move = self.env["account.move"]
        violations = Violation.search([])
        invoices = Move.search([])
        self._close()
        self.period.with_user(self.manager).action_confirm()
        new_violations = Violation.search([]) - violations
        self.assertEqual(set(new_violations.mapped("state")), {"draft"})
        self.assertFalse(any(new_violations.mapped("fine_amount")))
        self.assertFalse(new_violations.invoice_id)
        self.assertEqual(new_violations.outlet_id, self.outlet_a)
        new_moves = Move.search([]) - invoices
        self.assertEqual(set(new_moves.mapped("move_type")) - {"in_invoice"}, set())
        self.assertEqual(self.outlet_a.state, "active")
        self.assertIn(
            "violation_review", self._sheet(self.outlet_a).measure_ids.mapped("kind")
        )

    def test_r46_demo_quarter_is_ranked(self):
        """The demo's quarter, closed from the demo's orders and violations:
        Pudong (every deadline met) ahead of Nanjing (confirmed violations:
        5 points off each)."""
        period = self.env.ref(f"{M}.scoring_period_quarter_demo")
        self.assertEqual(period.state, "closed")
        sheets = period.sheet_ids
        pudong = sheets.filtered(
            lambda s: s.outlet_id == self.env.ref(f"{M}.outlet_pudong_demo")
        )
        nanjing = sheets.filtered(
            lambda s: s.outlet_id == self.env.ref(f"{M}.outlet_nanjing_demo")
        )
        self.assertTrue(pudong.scored and nanjing.scored)
        self.assertGreaterEqual(nanjing.violation_count, 1)
        self.assertAlmostEqual(
            nanjing.violation_deduction, 5.0 * nanjing.violation_count
        )
        self.assertLess(pudong.rank, nanjing.rank)
        self.assertTrue(pudong.measure_ids)
        # the demo's valid complaint about the Nanjing staff's attitude
        # costs it the service-attitude points Pudong keeps
        attitude = self._line(nanjing, "attitude_complaints")
        self.assertGreaterEqual(attitude.numerator, 1)
        self.assertLess(attitude.points, 100.0)
        self.assertLess(nanjing.attitude_score, pudong.attitude_score)
        self.assertEqual(self._line(pudong, "attitude_complaints").numerator, 0)
