# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-46: the confirmed measures become documents — vendor bills for the
bonuses, activities for training and coaching closed by their Done step,
draft violations for the reviews — once each, never twice."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_scoring import ScoringCase


@tagged("post_install", "-at_install")
class TestScoringDocuments(ScoringCase):
    def _confirm(self):
        self._close()
        self.period.with_user(self.manager).action_confirm()

    def _measures(self, kind, outlet=None):
        measures = self.period.sheet_ids.measure_ids.filtered(lambda m: m.kind == kind)
        if outlet:
            measures = measures.filtered(lambda m: m.outlet_id == outlet)
        return measures

    def _counts(self):
        return (
            self.env["account.move"].search_count([]),
            self.env["repair.service.violation"].search_count([]),
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search_count([("res_model", "=", "repair.service.scoring.sheet")]),
            self.env["mail.message"].search_count(
                [("model", "=", "repair.service.outlet")]
            ),
        )

    def test_r46_bonus_bills_match_the_sheets(self):
        # outlet B, every figure perfect, earns the best grade's bonus
        self._close()
        self.assertEqual(self._sheet(self.outlet_b).band_id.name, "Excellent")
        self.period.with_user(self.manager).action_confirm()
        bonuses = self._measures("bonus")
        self.assertTrue(bonuses)
        for measure in bonuses:
            bill = measure.move_id
            self.assertEqual(bill.move_type, "in_invoice")
            self.assertEqual(bill.state, "draft")
            self.assertEqual(
                bill.partner_id, measure.outlet_id.partner_id.commercial_partner_id
            )
            self.assertEqual(len(bill.invoice_line_ids), 1)
            self.assertEqual(
                bill.invoice_line_ids.name, f"Scoring bonus {self.period.name}"
            )
            self.assertAlmostEqual(bill.amount_total, measure.amount)
            self.assertAlmostEqual(measure.amount, 2000.0)
            self.assertEqual(measure.sheet_id.bill_ids, bill)
            self.assertEqual(measure.sheet_id.bill_count, 1)
            self.assertTrue(bill.invoice_line_ids.account_id)
        self.assertAlmostEqual(
            sum(self.period.sheet_ids.bill_ids.mapped("amount_total")),
            sum(bonuses.mapped("amount")),
        )
        # the recognition is a message on the outlet, done at once
        recognition = self._measures("recognition", self.outlet_b)
        self.assertEqual(recognition.state, "done")
        self.assertIn(
            self.period.name,
            "".join(self.outlet_b.message_ids.mapped("body")),
        )
        action = self._sheet(self.outlet_b).action_view_bills()
        self.assertEqual(action["res_id"], bonuses.move_id.id)

    def test_r46_confirming_twice_makes_nothing_twice(self):
        self._confirm()
        counts = self._counts()
        documents = [
            (m.move_id, m.violation_id, m.activity_id)
            for m in self.period.sheet_ids.measure_ids
        ]
        with self.assertRaises(UserError):
            self.period.with_user(self.manager).action_confirm()
        # the documents step run again (as the confirm would) makes nothing
        self.period.sudo().sheet_ids._confirm()
        self.period.sheet_ids.measure_ids.sudo()._make_documents()
        self.assertEqual(self._counts(), counts)
        self.assertEqual(
            [
                (m.move_id, m.violation_id, m.activity_id)
                for m in self.period.sheet_ids.measure_ids
            ],
            documents,
        )

    def test_r46_violation_review_is_a_draft_violation(self):
        self._confirm()
        review = self._measures("violation_review", self.outlet_a)
        violation = review.violation_id
        self.assertEqual(violation.state, "draft")
        self.assertEqual(violation.outlet_id, self.outlet_a)
        self.assertFalse(violation.fine_amount)
        self.assertFalse(violation.invoice_id)
        self.assertEqual(self.outlet_a.state, "active")
        # scoring confirmed no violation: the period's confirmed ones are
        # those recorded by the CS centre before
        self.assertEqual(
            self.env["repair.service.violation"].search_count(
                [("outlet_id", "=", self.outlet_a.id), ("state", "=", "confirmed")]
            ),
            2,
        )

    def test_r46_training_activity_closed_by_done(self):
        self._confirm()
        training = self._measures("training", self.outlet_a)
        self.assertEqual(training.state, "confirmed")
        activity = training.activity_id
        self.assertTrue(activity)
        self.assertEqual(activity.user_id, self.outlet_manager)
        self.assertEqual(activity.res_model, "repair.service.scoring.sheet")
        self.assertEqual(activity.res_id, training.sheet_id.id)
        # another outlet's user or a CS agent may not mark it done
        with self.assertRaises(AccessError):
            training.with_user(self.agent).action_done()
        # a bonus or a review has no Done step
        with self.assertRaises(UserError):
            self._measures("violation_review", self.outlet_a).with_user(
                self.manager
            ).action_done()
        training.with_user(self.outlet_manager).action_done()
        self.assertEqual(training.state, "done")
        self.assertEqual(training.done_by_id, self.outlet_manager)
        self.assertFalse(activity.active)
        self.assertTrue(activity.date_done)
        with self.assertRaises(UserError):
            training.with_user(self.outlet_manager).action_done()

    def test_r46_activity_done_marks_the_measure_done(self):
        """R-46: the outlet manager marking the measure's activity done from
        their activity list (or the chatter) marks the measure done, as its
        Done step; one done message, the activity kept as done."""
        self._confirm()
        training = self._measures("training", self.outlet_a)
        activity = training.activity_id
        # a user who may not mark the measure done cannot by its activity
        with self.assertRaises(AccessError):
            activity.with_user(self.staff_a).action_feedback(feedback="Not mine")
        self.assertEqual(training.state, "confirmed")
        self.assertTrue(activity.active)
        activity.with_user(self.outlet_manager).action_feedback(
            feedback="Training held on Monday"
        )
        self.assertEqual(training.state, "done")
        self.assertEqual(training.done_by_id, self.outlet_manager)
        self.assertTrue(training.done_at)
        self.assertFalse(activity.active)
        self.assertEqual(
            self.env["mail.message"].search_count(
                [
                    ("model", "=", "repair.service.scoring.sheet"),
                    ("res_id", "=", training.sheet_id.id),
                    ("mail_activity_type_id", "=", activity.activity_type_id.id),
                ]
            ),
            1,
        )
        # its Done step has nothing left to do
        with self.assertRaises(UserError):
            training.with_user(self.outlet_manager).action_done()
