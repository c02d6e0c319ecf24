# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup
from psycopg2.errors import LockNotAvailable

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .repair_service_complaint import OPEN_STATES
from .repair_service_workflow_mixin import in_workflow_step

MODULE = "repair_service_mgmt"
# what the company pays, proposed with the handling
COMPENSATION_KINDS = [
    ("none", "No Compensation"),
    ("credit_note", "Credit Note"),
    ("payment", "Payment"),
    ("goods", "Goods"),
]
# the proposal the chain approves: kept as it is while it is reviewed and
# once approved
PROPOSAL_FIELDS = (
    "company_id",
    "kind",
    "partner_id",
    "outlet_id",
    "about_attitude",
    "resolution",
    "compensation_kind",
    "compensation_amount",
    "compensation_product_id",
    "compensation_qty",
    "compensation_partner_id",
)
COMPENSATION_FIELDS = PROPOSAL_FIELDS[-5:]
# what the steps of the approval write
APPROVAL_FIELDS = (
    "approval_proposer_id",
    "approval_submitted_at",
    "approved_at",
    "compensation_move_id",
    "compensation_payment_id",
    "compensation_picking_id",
    "compensated_at",
    "compensated_by_id",
)
# still written while the chain reviews the complaint (by their own steps:
# progress reports, escalation, insurer)
UNDER_REVIEW_OPEN_FIELDS = (
    "state",
    "progress_note",
    "progress_reported_at",
    "complainant_contacted_at",
    "escalated_at",
    "escalated_by_id",
    "insurer_notified_at",
    "insurer_notified_by_id",
    "evidence_ids",
    "crisis_agreement_ids",
    "crisis_receipt_ids",
    "approved_at",
)
REJECTED_ACTIVITY = "mail_activity_complaint_approval_rejected"
COMPENSATION_ACTIVITY = "mail_activity_complaint_compensation"
CRISIS_ACTIVITY = "mail_activity_complaint_crisis_alert"
# the technical reference of the step deadlines (one policy per step)
STEP_RULE = "R-33"


class RepairServiceComplaint(models.Model):
    """R-33 (S1 第十条 2): the approval chains of complaints, on
    ``base_tier_validation``. A complaint whose handling pays money or goods,
    or which is about the staff's attitude, is submitted for approval by its
    proposer once analysed; the chain of its kind (tier definitions shipped
    as data, chosen by their domains, in order) approves or rejects it; only
    then is the compensation paid, as a real document, and the complaint
    resolved."""

    _name = "repair.service.complaint"
    _inherit = ["repair.service.complaint", "tier.validation"]
    # base_tier_validation: to approve → approved needs the chain
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    # the form shows the reviews in its own approval tab
    _tier_validation_manual_config = True

    compensation_kind = fields.Selection(
        COMPENSATION_KINDS,
        string="Compensation",
        required=True,
        default="none",
        tracking=True,
        help="What the company pays the complainant: a credit note, a "
        "payment or goods. Any compensation needs the approval chain of the "
        "complaint's kind.",
    )
    compensation_amount = fields.Monetary(
        currency_field="currency_id",
        tracking=True,
        help="The amount of the credit note or payment, in the company currency.",
    )
    compensation_product_id = fields.Many2one(
        "product.product",
        check_company=True,
        tracking=True,
        help="The goods delivered to the complainant.",
    )
    compensation_qty = fields.Float(
        string="Compensation Quantity",
        default=1.0,
        digits="Product Unit of Measure",
        tracking=True,
    )
    compensation_partner_id = fields.Many2one(
        "res.partner",
        string="Compensated Partner",
        compute="_compute_compensation_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Who receives the compensation: the customer or the dealer.",
    )
    approval_needed = fields.Boolean(
        compute="_compute_approval_needed",
        help="The company pays money or goods, or the complaint is about the "
        "staff's attitude: the approval chain of its kind approves the "
        "handling first.",
    )
    approval_proposer_id = fields.Many2one(
        "res.users", string="Proposed By", readonly=True, copy=False, tracking=True
    )
    approval_submitted_at = fields.Datetime(
        string="Submitted for Approval", readonly=True, copy=False
    )
    approved_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    compensation_move_id = fields.Many2one(
        "account.move", string="Compensation Credit Note", readonly=True, copy=False
    )
    compensation_payment_id = fields.Many2one(
        "account.payment", readonly=True, copy=False
    )
    compensation_picking_id = fields.Many2one(
        "stock.picking", string="Compensation Delivery", readonly=True, copy=False
    )
    compensated_at = fields.Datetime(
        string="Compensation Paid On", readonly=True, copy=False, tracking=True
    )
    compensated_by_id = fields.Many2one(
        "res.users", string="Compensation Paid By", readonly=True, copy=False
    )
    outlet_supervisor_ids = fields.Many2many(
        "res.users",
        string="Outlet's Regional CS Supervisors",
        compute="_compute_outlet_supervisor_ids",
        help="The regional CS supervisors of the complaint's outlet: the "
        "first reviewers of a customer complaint.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("partner_id")
    def _compute_compensation_partner_id(self):
        # (once paid, the compensated partner stays as it was)
        for complaint in self.filtered(lambda c: not c.compensated_at):
            complaint.compensation_partner_id = complaint.partner_id

    @api.depends("compensation_kind", "about_attitude", "kind")
    def _compute_approval_needed(self):
        for complaint in self:
            complaint.approval_needed = complaint._needs_approval()

    def _needs_approval(self):
        self.ensure_one()
        # a single unit's return or exchange has its own request and chain
        if self.kind == "single_return":
            return False
        return self.compensation_kind != "none" or self.about_attitude

    @api.depends("outlet_id")
    def _compute_outlet_supervisor_ids(self):
        for complaint in self:
            complaint.outlet_supervisor_ids = complaint.sudo().outlet_id.supervisor_ids

    def _compute_hide_reviews(self):
        # the reviews stay visible once asked for (history of the chain)
        for complaint in self:
            complaint.hide_reviews = not complaint.review_ids

    # ------------------------------------------------------------------
    # The guard: what the steps own, what the chain freezes
    # ------------------------------------------------------------------
    def _workflow_guarded_fields(self):
        return super()._workflow_guarded_fields() | set(APPROVAL_FIELDS)

    def _check_workflow_write(self, vals):
        super()._check_workflow_write(vals)
        if self._in_workflow_step():
            return
        for complaint in self:
            if complaint.state in ("to_approve", "approved"):
                # the proposal the chain reviews, or approved
                locked = set(vals) & set(PROPOSAL_FIELDS)
            elif complaint.compensated_at:
                # the compensation is paid once, as it was approved
                locked = set(vals) & set(COMPENSATION_FIELDS)
            else:
                continue
            if locked:
                raise UserError(
                    self.env._(
                        "%(record)s is kept as recorded at this stage: "
                        "%(fields)s can no longer change.",
                        record=complaint.display_name,
                        fields=complaint._field_labels(locked),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        complaints = super().create(vals_list)
        complaints.filtered(lambda c: c.kind == "crisis")._crisis_alert()
        return complaints

    def write(self, vals):
        # the chain's freeze ignores a request's context: tier_review.py
        crisis_before = set(self.filtered(lambda c: c.kind == "crisis").ids)
        result = super().write(vals)
        if vals.get("kind") == "crisis":
            self.filtered(
                lambda c: c.id not in crisis_before and c.state in OPEN_STATES
            )._crisis_alert()
        return result

    def _crisis_alert(self):
        """R-33 (S1 第十条 3(5)): whoever receives a crisis event alerts the
        CS centre at once: every CS-centre manager of the company gets an
        activity and a message, together (no queue)."""
        managers = self.env.ref(f"{MODULE}.group_cs_manager").sudo().users
        for complaint in self:
            users = managers.filtered(
                lambda u, c=complaint: (
                    u.active and not u.share and c.company_id in u.company_ids
                )
            )
            if not users:
                continue
            complaint._activity_start(
                CRISIS_ACTIVITY,
                users,
                summary=self.env._(
                    "Crisis event %(complaint)s: handle it now",
                    complaint=complaint.name,
                ),
            )
            complaint.sudo().message_post(
                body=self.env._(
                    "Crisis event: the CS-centre managers were alerted (%(managers)s).",
                    managers=", ".join(users.mapped("name")),
                ),
                partner_ids=users.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + list(
            UNDER_REVIEW_OPEN_FIELDS
        )

    # ------------------------------------------------------------------
    # Next step
    # ------------------------------------------------------------------
    next_action = fields.Selection(
        selection_add=[
            ("action_submit_approval", "Submit for Approval"),
            ("action_pay_compensation", "Pay Compensation"),
        ]
    )

    @api.depends(
        "state",
        "is_serious",
        "reviewed_at",
        "complainant_contacted_at",
        "kind",
        "compensation_kind",
        "about_attitude",
        "compensated_at",
    )
    def _compute_next_action(self):
        # (the form shows the next step as soon as the proposal changes)
        return super()._compute_next_action()

    def _next_action(self):
        self.ensure_one()
        if self.state == "analysed" and self.approval_needed:
            if self.is_serious and not self.reviewed_at:
                return "action_management_review"
            return "action_submit_approval"
        if self.state == "to_approve":
            return False
        if self.state == "approved":
            if self.compensation_kind != "none" and not self.compensated_at:
                return "action_pay_compensation"
            return "action_resolve"
        return super()._next_action()

    # ------------------------------------------------------------------
    # Submit
    # ------------------------------------------------------------------
    def action_submit_approval(self):
        """R-33: the proposer (the CS agent who analysed the complaint)
        submits the handling and its compensation to the chain of the
        complaint's kind."""
        action = self.env._("submit a complaint for approval")
        self._check_role("group_cs_agent", action)
        self._check_state(["analysed"], action)
        self._check_proposal()
        step = self._workflow_step()
        # (from "analysed", base_tier_validation drops an earlier round's
        # reviews: their answers are in the chatter)
        step.write(
            {
                "state": "to_approve",
                "approval_proposer_id": self.env.uid,
                "approval_submitted_at": fields.Datetime.now(),
                "approved_at": False,
            }
        )
        self.invalidate_recordset(["need_validation", "review_ids"])
        for complaint in self:
            if not complaint.need_validation:
                raise UserError(
                    self.env._(
                        "No approval chain is configured for %(complaint)s "
                        "(%(kind)s): ask the service administrator to set one "
                        "up (Settings › Tier Validations).",
                        complaint=complaint.display_name,
                        kind=dict(
                            complaint._fields["kind"]._description_selection(self.env)
                        )[complaint.kind],
                    )
                )
        reviews = step.request_validation()
        # the first step is due at once (its reviewers notified)
        reviews._compute_can_review()
        self.invalidate_recordset(["need_validation", "review_ids"])
        for review in reviews.sudo():
            if not review.reviewer_ids:
                raise UserError(
                    self.env._(
                        "%(complaint)s: nobody can approve the step “%(step)s”. "
                        "Set the complaint's service outlet (its region's CS "
                        "supervisors review customer complaints) or ask the "
                        "service administrator to give the step's role to a "
                        "user.",
                        complaint=self.browse(review.res_id).display_name,
                        step=review.name,
                    )
                )
        self._activity_close(
            [REJECTED_ACTIVITY], feedback=self.env._("Submitted for approval again.")
        )
        self._approval_sla_restart()
        return True

    def _check_proposal(self):
        for complaint in self:
            if complaint.kind == "single_return":
                raise UserError(
                    self.env._(
                        "%(complaint)s is a single unit's return or exchange: "
                        "open its return/exchange request, which the CS "
                        "centre approves.",
                        complaint=complaint.display_name,
                    )
                )
            if not complaint.approval_needed:
                raise UserError(
                    self.env._(
                        "%(complaint)s pays no compensation and is not about "
                        "the staff's attitude: it needs no approval, resolve it.",
                        complaint=complaint.display_name,
                    )
                )
            if complaint.is_serious and not complaint.reviewed_at:
                raise UserError(
                    self.env._(
                        "%(complaint)s is serious: the CS-centre manager reviews "
                        "it (Management Review) before it is submitted.",
                        complaint=complaint.display_name,
                    )
                )
            complaint._require(["resolution"], self.env._("submit it for approval"))
            complaint._check_compensation()

    def _check_compensation(self):
        self.ensure_one()
        kind = self.compensation_kind
        if kind == "none":
            return
        if not self.compensation_partner_id:
            raise UserError(
                self.env._(
                    "%(complaint)s: choose the partner who receives the compensation.",
                    complaint=self.display_name,
                )
            )
        if kind in ("credit_note", "payment") and (
            self.currency_id.compare_amounts(self.compensation_amount, 0.0) <= 0
        ):
            raise UserError(
                self.env._(
                    "%(complaint)s: enter the amount of the compensation "
                    "(more than zero, in %(currency)s).",
                    complaint=self.display_name,
                    currency=self.currency_id.name,
                )
            )
        if kind == "goods" and (
            not self.compensation_product_id or self.compensation_qty <= 0
        ):
            raise UserError(
                self.env._(
                    "%(complaint)s: choose the product delivered as compensation "
                    "and its quantity (more than zero).",
                    complaint=self.display_name,
                )
            )

    def request_validation(self):
        # the reviews are asked for by Submit for Approval only
        if not in_workflow_step(self.env, superuser=False):
            raise UserError(
                self.env._(
                    "A complaint is sent to its approval chain with the Submit "
                    "for Approval button."
                )
            )
        return super().request_validation()

    def restart_validation(self):
        raise UserError(
            self.env._(
                "A complaint under approval is approved or rejected by its "
                "reviewers; a rejected one is submitted again by its proposer."
            )
        )

    # ------------------------------------------------------------------
    # Answers of the reviewers
    # ------------------------------------------------------------------
    def _check_reviewer(self, tiers, action):
        """Only the reviewer of the step due answers it (R-33: order
        enforced), while the complaint waits for approval."""
        self.ensure_one()
        if self.env.su:
            return
        # four eyes: whoever proposed the handling does not approve it
        if self.env.user == self.approval_proposer_id:
            raise AccessError(
                self.env._(
                    "%(user)s proposed the handling of %(complaint)s: another "
                    "reviewer approves or rejects it.",
                    user=self.env.user.name,
                    complaint=self.display_name,
                )
            )
        due = self.review_ids.filtered(
            lambda r: (
                r.sequence in self._get_sequences_to_approve(self.env.user)
                and r.status in ("waiting", "pending")
            )
        )
        asked = tiers or due
        if self.state == "to_approve" and not due:
            answered = self.review_ids.filtered(
                lambda r: (
                    self.env.user in r.reviewer_ids
                    and r.status in ("approved", "rejected")
                    and r.done_by
                )
            )[:1]
            if answered:
                raise UserError(
                    self.env._(
                        "The step “%(step)s” of %(complaint)s was already "
                        "answered by %(user)s.",
                        step=answered.name,
                        complaint=self.display_name,
                        user=answered.done_by.name,
                    )
                )
        if self.state != "to_approve" or not due or asked - due:
            raise AccessError(
                self.env._(
                    "Only the reviewer of the step due may %(action)s "
                    "%(complaint)s, while it waits for approval (steps are "
                    "approved in order).",
                    action=action,
                    complaint=self.display_name,
                )
            )

    def _lock_for_answer(self):
        """Two reviewers answering at the same moment take turns: the
        complaint and its reviews are locked; the second gets a clear message
        instead of a lost update (or, when the first already committed,
        Odoo's retry finds the step answered)."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT 1 FROM %s WHERE id IN %s FOR UPDATE NOWAIT",
                        SQL.identifier(self._table),
                        tuple(self.ids),
                    ),
                    log_exceptions=False,
                )
                self.env.cr.execute(
                    SQL(
                        "SELECT 1 FROM tier_review WHERE model = %s "
                        "AND res_id IN %s FOR UPDATE NOWAIT",
                        self._name,
                        tuple(self.ids),
                    ),
                    log_exceptions=False,
                )
        except LockNotAvailable as error:
            raise UserError(
                self.env._(
                    "%(complaint)s is being approved or rejected by another "
                    "reviewer at this moment: reload it to see their answer.",
                    complaint=self.display_name,
                )
            ) from error

    def validate_tier(self):
        self._check_reviewer(None, self.env._("approve"))
        self._lock_for_answer()
        return super().validate_tier() or True

    def reject_tier(self):
        self._check_reviewer(None, self.env._("reject"))
        self._lock_for_answer()
        return super().reject_tier() or True

    def _validate_tier(self, tiers=False):
        """The step due approved by its reviewer; the last one approves the
        complaint."""
        self._check_reviewer(tiers, self.env._("approve"))
        self._lock_for_answer()
        mine = self._my_due_reviews(tiers)
        # checked above: the reviews are answered as a step
        step = self._workflow_step()
        result = super(RepairServiceComplaint, step)._validate_tier(
            tiers and tiers.with_env(step.env)
        )
        self._post_answers(mine, self.env._("Approved"))
        # the next step is due at once (its deadline starts)
        self.review_ids.with_env(step.env)._compute_can_review()
        self._approve_if_validated()
        self._sla_update()
        return result

    def _rejected_tier(self, tiers=False):
        """A step rejected: the complaint returns to Analysed and to its
        proposer, who may revise and submit it again."""
        self._check_reviewer(tiers, self.env._("reject"))
        self._lock_for_answer()
        mine = self._my_due_reviews(tiers)
        step = self._workflow_step()
        result = super(RepairServiceComplaint, step)._rejected_tier(
            tiers and tiers.with_env(step.env)
        )
        self._post_answers(mine, self.env._("Rejected"))
        for complaint in self.filtered(lambda c: c.state == "to_approve"):
            if any(r.status == "rejected" for r in complaint.review_ids):
                complaint.sudo()._workflow_step().write({"state": "analysed"})
                complaint._activity_start(
                    REJECTED_ACTIVITY,
                    complaint.approval_proposer_id.filtered("active"),
                    summary=self.env._(
                        "%(complaint)s: approval rejected, revise and submit again",
                        complaint=complaint.name,
                    ),
                    note=", ".join(r.comment for r in mine if r.comment) or None,
                )
        self._sla_update()
        return result

    def _my_due_reviews(self, tiers):
        return (tiers or self.review_ids).filtered(
            lambda r: (
                r.status in ("waiting", "pending") and self.env.user in r.reviewer_ids
            )
        )

    def _post_answers(self, reviews, verdict):
        """The answers and their comments kept in the chatter (the reviews of
        a rejected round make way for the next one)."""
        for review in reviews:
            body = Markup("<p><b>%s</b> — %s (%s)</p>") % (
                verdict,
                review.name,
                self.env.user.name,
            )
            if review.comment:
                body += Markup("<p>%s</p>") % review.comment
            self.sudo().message_post(
                body=body, message_type="comment", subtype_xmlid="mail.mt_note"
            )

    def _approve_if_validated(self):
        for complaint in self.filtered(lambda c: c.state == "to_approve"):
            reviews = complaint.review_ids
            if not reviews or complaint.validation_status != "validated":
                continue
            # every review approved by one of its own reviewers
            if any(
                review.status != "approved" or review.done_by not in review.reviewer_ids
                for review in reviews
            ):
                continue
            # need_validation is computed without dependencies: drop it
            complaint.invalidate_recordset(["need_validation"])
            complaint.sudo()._workflow_step().write(
                {"state": "approved", "approved_at": fields.Datetime.now()}
            )
            complaint.sudo().message_post(
                body=self.env._(
                    "The approval chain approved the handling: the compensation "
                    "can be paid and the complaint resolved."
                ),
                subtype_xmlid="mail.mt_note",
            )
            complaint._activity_start(
                COMPENSATION_ACTIVITY,
                complaint.approval_proposer_id.filtered("active"),
                summary=self.env._(
                    "%(complaint)s approved: pay the compensation and resolve it",
                    complaint=complaint.name,
                ),
            )

    # ------------------------------------------------------------------
    # Resolution, cancellation
    # ------------------------------------------------------------------
    def action_resolve(self):
        for complaint in self:
            if complaint.state == "analysed" and complaint.approval_needed:
                raise UserError(
                    self.env._(
                        "%(complaint)s pays a compensation or is about the "
                        "staff's attitude: submit it for approval first.",
                        complaint=complaint.display_name,
                    )
                )
            if (
                complaint.state == "approved"
                and complaint.compensation_kind != "none"
                and not complaint.compensated_at
            ):
                raise UserError(
                    self.env._(
                        "%(complaint)s is approved: pay the compensation (Pay "
                        "Compensation), which resolves it.",
                        complaint=complaint.display_name,
                    )
                )
        result = super().action_resolve()
        self._activity_close(
            [COMPENSATION_ACTIVITY], feedback=self.env._("The complaint is resolved.")
        )
        return result

    def action_cancel(self):
        result = super().action_cancel()
        self._activity_cancel(
            [REJECTED_ACTIVITY, COMPENSATION_ACTIVITY, CRISIS_ACTIVITY]
        )
        return result

    # ------------------------------------------------------------------
    # Step deadlines (R-33: each step has its own deadline, on the one
    # deadline engine)
    # ------------------------------------------------------------------
    def _approval_sla_restart(self):
        """A new round of reviews: the step deadlines of an earlier round
        are archived, kept with their outcome (its answers are in the
        chatter), and the new round's start."""
        policies = self.env["repair.service.sla.policy"]._policies_for(self._name)
        step_policies = policies.filtered(lambda p: p.rule == STEP_RULE)
        if step_policies:
            self.env["repair.service.sla.line"].sudo().search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("policy_id", "in", step_policies.ids),
                    ("state", "!=", "running"),
                ]
            ).write({"active": False})
        self._sla_update()
