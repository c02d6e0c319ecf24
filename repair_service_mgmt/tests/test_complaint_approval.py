# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import M
from .test_complaint import T0, ComplaintCase

CHAIN = "tier_definition_complaint_"


@tagged("post_install", "-at_install")
class TestComplaintApproval(ComplaintCase):
    """R-33 (S1 第十条 2): the approval chains of complaints, step by step."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = lambda login, group: new_test_user(
            cls.env, login, groups=f"{M}.{group}", email=f"{login}@example.com"
        )
        cls.commercial = user("t_commercial", "group_commercial_office")
        cls.quality = user("t_quality", "group_quality")
        cls.factory = user("t_factory", "group_factory")
        cls.dealer = cls.env["res.partner"].create(
            {"name": "Dealer Huadong Electric", "is_company": True}
        )
        cls.gift = cls.env["product.product"].create(
            {"name": "Compensation kettle", "type": "consu", "is_storable": True}
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.gift, warehouse.lot_stock_id, 10
        )
        cls.rejected_type = cls.env.ref(
            f"{M}.mail_activity_complaint_approval_rejected"
        )
        cls.crisis_type = cls.env.ref(f"{M}.mail_activity_complaint_crisis_alert")

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _analysed(self, **values):
        complaint = self._complaint(**values)
        complaint.write({"cause": "Fee misread", "responsibility": "Outlet staff"})
        complaint.action_analyse()
        complaint.resolution = "Apology and compensation"
        return complaint

    def _submitted(self, **values):
        complaint = self._analysed(**values)
        complaint.action_submit_approval()
        self.assertEqual(complaint.state, "to_approve")
        return complaint

    def _answer(self, complaint, user, verdict="validate", comment="Agreed"):
        """A reviewer answers with the buttons and the comment wizard."""
        record = complaint.with_user(user)
        method = record.validate_tier if verdict == "validate" else record.reject_tier
        action = method()
        self.assertEqual(action["res_model"], "comment.wizard")
        wizard = (
            self.env["comment.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": comment})
        )
        wizard.add_comment()
        complaint.invalidate_recordset()
        return complaint

    def _steps(self, complaint):
        return [
            (review.definition_id, review.status)
            for review in complaint.review_ids.sorted("sequence")
        ]

    def _defs(self, *names):
        return [self.env.ref(f"{M}.{CHAIN}{name}") for name in names]

    # ------------------------------------------------------------------
    # the need
    # ------------------------------------------------------------------
    def test_r33_no_compensation_no_attitude_resolves_as_before(self):
        complaint = self._analysed()
        self.assertFalse(complaint.approval_needed)
        self.assertEqual(complaint.next_action, "action_resolve")
        with self._refused(UserError, "needs no approval"):
            complaint.action_submit_approval()
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertFalse(complaint.review_ids)

    def test_r33_compensation_or_attitude_needs_the_chain(self):
        complaint = self._analysed(compensation_kind="credit_note")
        self.assertTrue(complaint.approval_needed)
        self.assertEqual(complaint.next_action, "action_submit_approval")
        with self._refused(UserError, "submit it for approval first"):
            complaint.action_resolve()
        with self._refused(UserError, "amount"):
            complaint.action_submit_approval()
        attitude = self._analysed(about_attitude=True)
        self.assertTrue(attitude.approval_needed)
        with self._refused(UserError, "submit it for approval first"):
            attitude.action_resolve()

    # ------------------------------------------------------------------
    # customer complaint: regional supervisor → CS-centre manager
    # ------------------------------------------------------------------
    def test_r33_customer_chain_in_order_by_the_right_reviewers(self):
        complaint = self._submitted(
            compensation_kind="credit_note", compensation_amount=200.0
        )
        supervisor_step, manager_step = self._defs(
            "customer_supervisor", "customer_cs_manager"
        )
        self.assertEqual(
            self._steps(complaint),
            [(supervisor_step, "pending"), (manager_step, "waiting")],
        )
        self.assertEqual(complaint.review_ids[0].reviewer_ids, self.supervisor)
        self.assertEqual(complaint.approval_proposer_id, self.agent)
        # out of order: the CS-centre manager before the supervisor
        with self._refused(AccessError, "step due"):
            complaint.with_user(self.manager).validate_tier()
        # wrong users: another region's supervisor, the outlet, the proposer
        # (another region's supervisor does not even read the complaint)
        for user in (self.supervisor_north, self.tech_a, self.agent):
            with self._refused(AccessError, "step due|'read' access|proposed"):
                complaint.with_user(user).validate_tier()
            with self._refused(AccessError, "step due|'read' access|proposed"):
                complaint.with_user(user).reject_tier()
        # no compensation before the chain approved it
        with self._refused(UserError, "not approved yet"):
            complaint.action_pay_compensation()
        self._answer(complaint, self.supervisor, comment="Fee rules broken: agreed")
        self.assertEqual(
            self._steps(complaint),
            [(supervisor_step, "approved"), (manager_step, "pending")],
        )
        self.assertEqual(complaint.state, "to_approve")
        self.assertEqual(complaint.review_ids[0].done_by, self.supervisor)
        self.assertEqual(complaint.review_ids[0].comment, "Fee rules broken: agreed")
        # the supervisor cannot answer twice
        with self._refused(UserError, "already answered"):
            complaint.with_user(self.supervisor).validate_tier()
        self._answer(complaint, self.manager2, comment="Approved: 200")
        self.assertEqual(complaint.state, "approved")
        self.assertEqual(complaint.validation_status, "validated")
        self.assertEqual(complaint.next_action, "action_pay_compensation")
        # the comments are kept in the chatter too
        bodies = " ".join(complaint.message_ids.mapped("body"))
        self.assertIn("Fee rules broken: agreed", bodies)
        self.assertIn("Approved: 200", bodies)
        # resolving skips no payment
        with self._refused(UserError, "pay the compensation"):
            complaint.action_resolve()
        complaint.action_pay_compensation()
        move = complaint.compensation_move_id
        self.assertEqual(
            (move.move_type, move.state, move.partner_id, move.amount_total),
            ("out_refund", "posted", self.customer, 200.0),
        )
        self.assertEqual(complaint.state, "resolved")
        self.assertEqual(complaint.compensation_count, 1)
        with self._refused(UserError, "paid once"):
            complaint.action_pay_compensation()
        self.assertEqual(
            self.env["account.move"].search_count(
                [("invoice_origin", "=", complaint.name)]
            ),
            1,
        )

    def test_r33_customer_chain_needs_a_supervisor(self):
        complaint = self._analysed(
            outlet_id=False, compensation_kind="payment", compensation_amount=50.0
        )
        with self._refused(UserError, "nobody can approve"):
            complaint.action_submit_approval()
        self.assertEqual(complaint.state, "analysed")

    def test_r33_rejection_returns_to_the_proposer_who_resubmits(self):
        complaint = self._submitted(about_attitude=True)
        self._answer(
            complaint, self.supervisor, "reject", comment="Hear the technician"
        )
        self.assertEqual(complaint.state, "analysed")
        self.assertEqual(complaint.validation_status, "rejected")
        activity = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.rejected_type
        )
        self.assertEqual(activity.user_id, self.agent)
        self.assertIn(
            "Hear the technician", " ".join(complaint.message_ids.mapped("body"))
        )
        # later steps are not asked any more
        with self._refused(AccessError, "step due"):
            complaint.with_user(self.manager).validate_tier()
        with self._refused(UserError, "submit it for approval first"):
            complaint.action_resolve()
        first_round = self._line(
            complaint, "sla_policy_complaint_step_customer_supervisor"
        )
        self.assertEqual(first_round.state, "met")
        complaint.resolution = "Apology after hearing the technician"
        complaint.action_submit_approval()
        self.assertEqual(complaint.state, "to_approve")
        # the first round's step deadline is kept, archived, beside the new
        # round's
        self.assertFalse(first_round.active)
        self.assertEqual(first_round.state, "met")
        second_round = self._line(
            complaint, "sla_policy_complaint_step_customer_supervisor"
        )
        self.assertNotEqual(second_round, first_round)
        self.assertEqual(second_round.state, "running")
        self.assertEqual(
            [status for _step, status in self._steps(complaint)],
            ["pending", "waiting"],
        )
        self.assertFalse(activity.exists() and activity.active)
        self._answer(complaint, self.supervisor)
        self._answer(complaint, self.manager)
        self.assertEqual(complaint.state, "approved")
        self.assertEqual(complaint.next_action, "action_resolve")
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")

    # ------------------------------------------------------------------
    # agent/dealer: commercial office → CS centre → vice-president
    # ------------------------------------------------------------------
    def test_r33_dealer_chain_three_steps_then_payment(self):
        complaint = self._submitted(
            complainant_type="dealer",
            partner_id=self.dealer.id,
            kind="dealer",
            compensation_kind="payment",
            compensation_amount=500.0,
        )
        self.assertEqual(
            [step for step, _status in self._steps(complaint)],
            self._defs("dealer_commercial", "dealer_cs_manager", "dealer_vp"),
        )
        for wrong in (self.manager, self.vp, self.supervisor):
            with self._refused(AccessError, "step due"):
                complaint.with_user(wrong).validate_tier()
        self._answer(complaint, self.commercial)
        with self._refused(AccessError, "step due"):
            complaint.with_user(self.vp).validate_tier()
        self._answer(complaint, self.manager)
        self.assertEqual(complaint.state, "to_approve")
        self._answer(complaint, self.vp)
        self.assertEqual(complaint.state, "approved")
        complaint.with_user(self.agent).action_pay_compensation()
        payment = complaint.compensation_payment_id
        self.assertEqual(
            (payment.payment_type, payment.partner_id, payment.amount),
            ("outbound", self.dealer, 500.0),
        )
        self.assertIn(payment.state, ("in_process", "paid"))
        self.assertEqual(complaint.state, "resolved")

    def test_r33_dealer_return_has_its_own_chain_and_delivers_goods(self):
        complaint = self._submitted(
            complainant_type="dealer",
            partner_id=self.dealer.id,
            kind="dealer",
            compensation_kind="goods",
            compensation_product_id=self.gift.id,
            compensation_qty=2,
        )
        self.assertEqual(
            [step for step, _status in self._steps(complaint)],
            self._defs("dealer_return_commercial", "dealer_return_cs_manager"),
        )
        self._answer(complaint, self.commercial)
        self._answer(complaint, self.manager)
        self.assertEqual(complaint.state, "approved")
        complaint.action_pay_compensation()
        picking = complaint.compensation_picking_id
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.partner_id, self.dealer)
        self.assertEqual(picking.move_ids.product_id, self.gift)
        self.assertEqual(picking.move_ids.quantity, 2)
        self.assertEqual(self.gift.qty_available, 8)

    # ------------------------------------------------------------------
    # batch quality accident: quality → CS centre → factory → production VP
    # ------------------------------------------------------------------
    def test_r33_batch_accident_chain_four_steps(self):
        complaint = self._submitted(
            kind="batch_quality", compensation_kind="payment", compensation_amount=80.0
        )
        self.assertEqual(
            [step for step, _status in self._steps(complaint)],
            self._defs(
                "batch_quality", "batch_cs_manager", "batch_factory", "batch_vp"
            ),
        )
        order = (self.quality, self.manager, self.factory, self.vp)
        for index, reviewer in enumerate(order):
            for later in order[index + 1 :]:
                with self._refused(AccessError, "step due"):
                    complaint.with_user(later).validate_tier()
            self.assertEqual(complaint.state, "to_approve")
            self._answer(complaint, reviewer)
        self.assertEqual(complaint.state, "approved")
        self.assertEqual(
            complaint.review_ids.sorted("sequence").mapped("done_by"),
            self.quality | self.manager | self.factory | self.vp,
        )

    # ------------------------------------------------------------------
    # crisis event: an alert to every CS-centre manager, one approval
    # ------------------------------------------------------------------
    def test_r33_crisis_alerts_every_cs_manager_at_once(self):
        complaint = self._complaint(kind="crisis")
        alerts = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.crisis_type
        )
        self.assertTrue({self.manager, self.manager2} <= set(alerts.user_id))
        # a complaint that becomes a crisis event alerts too
        later = self._complaint()
        self.assertFalse(
            later.activity_ids.filtered(
                lambda a: a.activity_type_id == self.crisis_type
            )
        )
        later.kind = "crisis"
        self.assertTrue(
            later.activity_ids.filtered(
                lambda a: a.activity_type_id == self.crisis_type
            )
        )
        complaint.write({"cause": "Fire", "responsibility": "Product"})
        complaint.action_analyse()
        self.assertFalse(
            complaint.activity_ids.filtered(
                lambda a: a.activity_type_id == self.crisis_type
            )
        )
        complaint.write(
            {
                "resolution": "Settlement",
                "compensation_kind": "payment",
                "compensation_amount": 3000.0,
            }
        )
        complaint.action_submit_approval()
        self.assertEqual(
            [step for step, _status in self._steps(complaint)],
            self._defs("crisis_cs_manager"),
        )
        self._answer(complaint, self.manager2, comment="Crisis form approved")
        self.assertEqual(complaint.state, "approved")

    def test_r33_single_return_uses_its_request(self):
        """R-33 (S1 第十条 2(5)): a single unit's return or exchange is
        approved on its return/exchange request, not by a second chain."""
        lot = self.env["stock.lot"].create(
            {"name": "CMP-RX-001", "product_id": self.product.id}
        )
        complaint = self._analysed(
            kind="single_return", compensation_kind="goods", lot_id=lot.id
        )
        self.assertFalse(complaint.approval_needed)
        with self._refused(UserError, "return/exchange request"):
            complaint.action_submit_approval()
        complaint.action_open_warranty_request()
        request = complaint.warranty_request_id
        self.assertEqual(
            (request.state, request.partner_id, request.lot_id),
            ("draft", self.customer, lot),
        )
        # opened once: the button opens the same request
        action = complaint.action_open_warranty_request()
        self.assertEqual(action["res_id"], request.id)
        with self._refused(UserError, "waits for its return/exchange request"):
            complaint.action_resolve()
        with self._refused(UserError, "workflow buttons"):
            complaint.write({"warranty_request_id": False})
        request.with_user(self.agent).action_cancel()
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")

    # ------------------------------------------------------------------
    # forged writes
    # ------------------------------------------------------------------
    def test_r33_state_and_reviews_written_only_by_the_steps(self):
        complaint = self._submitted(
            compensation_kind="credit_note", compensation_amount=10.0
        )
        for values in ({"state": "approved"}, {"approved_at": "2026-11-23 10:00:00"}):
            with self._refused(UserError, "workflow buttons"):
                complaint.write(values)
        # the proposal is frozen under review, also with the base's context key
        with self._refused(UserError, "kept as recorded|not allowed"):
            complaint.with_context(skip_validation_check=True).write(
                {"compensation_amount": 10000.0}
            )
        # and so is what the chain does not freeze itself (the base's)
        with self.assertRaisesRegex(ValidationError, "under validation"):
            complaint.with_user(self.agent).with_context(
                skip_validation_check=True
            ).write({"description": "Rewritten under review"})
        review = complaint.review_ids.sorted("sequence")[0]
        # even the right reviewer answers with the buttons, not by a write
        for user in (self.supervisor, self.agent, self.manager):
            with self._refused(AccessError, "reviewers"):
                review.with_user(user).write({"status": "approved", "done_by": user.id})
            with self._refused(AccessError, "reviewers"):
                review.with_user(user).write({"comment": "forged"})
            with self._refused(AccessError, "reviewers"):
                review.with_user(user).unlink()
        with self._refused(AccessError, "reviewers"):
            self.env["tier.review"].with_user(self.agent).create(
                {
                    "model": complaint._name,
                    "res_id": complaint.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                    "sequence": 9,
                }
            )
        with self._refused(UserError, "Submit for Approval"):
            complaint.with_context(skip_check_state_condition=True).request_validation()
        with self._refused(UserError, "rejected by its reviewers"):
            complaint.restart_validation()
        # a forged comment wizard answers nothing out of turn
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "res_model": complaint._name,
                    "res_id": complaint.id,
                    "validate_reject": "validate",
                    "review_ids": [(6, 0, complaint.review_ids.ids)],
                    "comment": "forged",
                }
            )
        )
        with self._refused(AccessError, "step due"):
            wizard.add_comment()
        self.assertEqual(
            [status for _step, status in self._steps(complaint)],
            ["pending", "waiting"],
        )

    # ------------------------------------------------------------------
    # step deadlines on the deadline engine
    # ------------------------------------------------------------------
    def test_r33_each_step_has_its_deadline_and_escalation(self):
        supervisor_policy = self.env.ref(
            f"{M}.sla_policy_complaint_step_customer_supervisor"
        )
        manager_policy = self.env.ref(
            f"{M}.sla_policy_complaint_step_customer_cs_manager"
        )
        self.assertEqual((supervisor_policy.hours, manager_policy.hours), (24, 24))
        with freeze_time(T0):
            complaint = self._submitted(about_attitude=True)
            line = self._line(
                complaint, "sla_policy_complaint_step_customer_supervisor"
            )
            self.assertEqual(line.state, "running")
            self.assertEqual(line.deadline, T0 + timedelta(hours=24))
            self.assertFalse(
                self._line(complaint, "sla_policy_complaint_step_customer_cs_manager")
            )
        with freeze_time(T0 + timedelta(hours=30)):
            self.env["repair.service.sla.line"]._cron_check_deadlines()
            self.assertEqual(line.state, "breached")
            escalation = self.env["mail.activity"].search(
                [("repair_sla_line_id", "=", line.id)]
            )
            self.assertTrue(escalation)
            self.assertIn(self.manager, escalation.user_id)
            self.assertTrue(
                all(u.has_group(f"{M}.group_cs_manager") for u in escalation.user_id)
            )
            self._answer(complaint, self.supervisor)
            manager_line = self._line(
                complaint, "sla_policy_complaint_step_customer_cs_manager"
            )
            self.assertEqual(manager_line.state, "running")
            self.assertEqual(manager_line.deadline, T0 + timedelta(hours=54))
        with freeze_time(T0 + timedelta(hours=40)):
            self._answer(complaint, self.manager)
            self.assertEqual(manager_line.state, "met")

    def test_r33_reopened_complaint_is_approved_again_and_paid_once(self):
        """A follow-up that finds a problem reopens the complaint: its new
        handling goes through the chain again; the compensation stays the
        one paid."""
        complaint = self._submitted(
            compensation_kind="credit_note", compensation_amount=30.0
        )
        self._answer(complaint, self.supervisor)
        self._answer(complaint, self.manager)
        complaint.action_pay_compensation()
        complaint.write(
            {"followup_problem": True, "followup_satisfaction": "dissatisfied"}
        )
        complaint.action_record_followup()
        self.assertEqual(complaint.state, "analysed")
        complaint.resolution = "A second visit of the outlet manager"
        with self._refused(UserError, "kept as recorded"):
            complaint.compensation_amount = 60.0
        self.assertEqual(complaint.next_action, "action_submit_approval")
        complaint.action_submit_approval()
        self.assertEqual(
            [status for _step, status in self._steps(complaint)],
            ["pending", "waiting"],
        )
        self._answer(complaint, self.supervisor)
        self._answer(complaint, self.manager)
        self.assertEqual(complaint.next_action, "action_resolve")
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertEqual(
            self.env["account.move"].search_count(
                [("invoice_origin", "=", complaint.name)]
            ),
            1,
        )

    def test_r33_demo_shows_the_chains_at_work(self):
        """The demo: a customer complaint at the CS-centre manager's step, a
        batch quality accident in its chain, a dealer complaint compensated
        by a credit note."""
        customer = self.env.ref(f"{M}.complaint_chain_customer_demo")
        self.assertEqual(customer.state, "to_approve")
        self.assertEqual(
            [status for _step, status in self._steps(customer)],
            ["approved", "pending"],
        )
        self.assertEqual(
            customer.review_ids.sorted("sequence")[1].definition_id,
            self.env.ref(f"{M}.{CHAIN}customer_cs_manager"),
        )
        batch = self.env.ref(f"{M}.complaint_chain_batch_demo")
        self.assertEqual(batch.state, "to_approve")
        self.assertEqual(
            [status for _step, status in self._steps(batch)],
            ["approved", "pending", "waiting", "waiting"],
        )
        dealer = self.env.ref(f"{M}.complaint_chain_dealer_demo")
        self.assertEqual(dealer.state, "resolved")
        self.assertEqual(
            (dealer.compensation_move_id.move_type, dealer.compensation_move_id.state),
            ("out_refund", "posted"),
        )
        self.assertEqual(dealer.compensation_move_id.amount_total, 350.0)

    # ------------------------------------------------------------------
    # what a hostile caller tries around the chain
    # ------------------------------------------------------------------
    def test_r33_no_review_made_or_moved_by_hand(self):
        """A review is asked for by Submit only: one created on the
        complaint, or moved onto it from another document, is refused."""
        complaint = self._submitted(about_attitude=True)
        Review = self.env["tier.review"].with_user(self.tech_a)
        with self._refused(AccessError, "reviewers"):
            Review.create(
                {
                    "model": complaint._name,
                    "res_id": complaint.id,
                    "status": "pending",
                    "sequence": 0,
                    "reviewer_ids": [(6, 0, [self.tech_a.id])],
                }
            )
        elsewhere = (
            self.env["tier.review"]
            .sudo()
            .create({"model": "res.partner", "res_id": self.customer.id})
        )
        with self._refused(AccessError, "reviewers"):
            elsewhere.with_user(self.tech_a).write(
                {"model": complaint._name, "res_id": complaint.id}
            )
        due = complaint.review_ids.filtered(lambda r: r.status == "pending")
        with self._refused(AccessError, "reviewers"):
            due.with_user(self.supervisor).write(
                {"reviewer_ids": [(4, self.tech_a.id)]}
            )
        self.assertEqual(complaint.state, "to_approve")
        self.assertEqual(
            [status for _step, status in self._steps(complaint)],
            ["pending", "waiting"],
        )

    def test_r33_the_proposer_does_not_approve_their_own_proposal(self):
        """Four eyes: a CS-centre manager who proposed the handling cannot
        approve its last step."""
        complaint = self._complaint(user=self.manager, about_attitude=True)
        complaint.write({"cause": "Fee misread", "responsibility": "Outlet staff"})
        complaint.with_user(self.manager).action_analyse()
        complaint.resolution = "Apology"
        complaint.with_user(self.manager).action_submit_approval()
        self.assertEqual(complaint.approval_proposer_id, self.manager)
        self._answer(complaint, self.supervisor)
        with self._refused(AccessError, "proposed"):
            complaint.with_user(self.manager).validate_tier()
        self.assertEqual(complaint.state, "to_approve")

    def test_r33_empty_comment_wizard_answers_nothing(self):
        complaint = self._submitted(about_attitude=True)
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.supervisor)
            .create(
                {
                    "res_model": complaint._name,
                    "res_id": complaint.id,
                    "validate_reject": "validate",
                    "comment": "x",
                }
            )
        )
        with self._refused(UserError, "step due"):
            wizard.add_comment()
        self.assertEqual(
            [status for _step, status in self._steps(complaint)],
            ["pending", "waiting"],
        )

    def test_r33_approved_proposal_keeps_its_company(self):
        complaint = self._submitted(
            compensation_kind="credit_note", compensation_amount=120.0
        )
        self._answer(complaint, self.supervisor)
        self._answer(complaint, self.manager)
        self.assertEqual(complaint.state, "approved")
        other = self.env["res.company"].create({"name": "Other service company"})
        with self._refused(UserError, "Company"):
            complaint.with_user(self.agent).write({"company_id": other.id})

    def test_r33_outlets_and_customers_read_no_complaint_review(self):
        complaint = self._submitted(about_attitude=True)
        domain = [("model", "=", complaint._name), ("res_id", "=", complaint.id)]
        self.assertTrue(self.env["tier.review"].with_user(self.manager).search(domain))
        self.assertFalse(self.env["tier.review"].with_user(self.tech_a).search(domain))
        portal = new_test_user(self.env, "t_portal_reviews", groups="base.group_portal")
        self.assertFalse(self.env["tier.review"].with_user(portal).search(domain))
