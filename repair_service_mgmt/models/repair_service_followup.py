# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .repair_service_workflow_mixin import ALL_FIELDS

MODULE = "repair_service_mgmt"


class RepairServiceFollowup(models.Model):
    """R-15: the call to the customer after a completed repair order, with
    the checklist of S1 第七条 3 and a satisfaction score; a problem found
    re-opens handling (a task for the outlet or a complaint)."""

    _name = "repair.service.followup"
    _description = "Follow-up Call"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "repair.service.activity.mixin",
        "repair.service.workflow.mixin",
        "repair.service.audit.mixin",
    ]
    _order = "due_date, id"
    _check_company_auto = True
    _sequence_code = "repair.service.followup"
    _workflow_fields = (
        "state",
        "call_date",
        "attempt_count",
        "task_user_id",
        "complaint_id",
    )
    _workflow_fixed_fields = ("repair_id",)
    # a finished call is kept as recorded
    _workflow_locks = (([("state", "=", "done")], ALL_FIELDS),)

    _sql_constraints = [
        (
            "repair_uniq",
            "unique(repair_id)",
            "A repair order has one follow-up call.",
        ),
    ]

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    active = fields.Boolean(
        default=True,
        tracking=True,
        help="An open call made by mistake is archived, never deleted.",
    )
    repair_id = fields.Many2one(
        "repair.order",
        string="Repair Order",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="repair_id.partner_id", string="Customer", store=True
    )
    customer_phone = fields.Char(string="Phone", compute="_compute_customer_phone")
    product_id = fields.Many2one(related="repair_id.product_id", store=True)
    outlet_id = fields.Many2one(
        related="repair_id.outlet_id", store=True, index="btree_not_null"
    )
    technician_id = fields.Many2one(related="repair_id.technician_id", store=True)
    company_id = fields.Many2one(related="repair_id.company_id", store=True)
    completed_at = fields.Datetime(
        related="repair_id.completed_at", string="Repair Completed"
    )
    due_date = fields.Date(
        compute="_compute_due_date",
        store=True,
        precompute=True,
        index=True,
        help="The completion date plus the days of Settings → Follow-up within (days).",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        tracking=True,
        index=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref(f"{MODULE}.group_cs_agent").ids)
        ],
        help="The CS agent who makes the call.",
    )
    call_date = fields.Datetime(readonly=True, copy=False, tracking=True)
    attempt_count = fields.Integer(
        string="Unanswered Calls",
        readonly=True,
        copy=False,
        help="How often the customer could not be reached.",
    )
    state = fields.Selection(
        [
            ("to_call", "To call"),
            ("unreachable", "Unreachable"),
            ("done", "Done"),
        ],
        default="to_call",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
    )
    # S1 第七条 3: the checklist (data), answered during the call
    answer_ids = fields.One2many(
        "repair.service.followup.answer", "followup_id", string="Checklist"
    )
    satisfaction = fields.Selection(
        [
            ("1", "1 – Very dissatisfied"),
            ("2", "2 – Dissatisfied"),
            ("3", "3 – Neutral"),
            ("4", "4 – Satisfied"),
            ("5", "5 – Very satisfied"),
        ],
        tracking=True,
    )
    satisfaction_score = fields.Integer(
        compute="_compute_satisfaction_score",
        store=True,
        aggregator="avg",
    )
    remarks = fields.Text(
        string="Customer's Remarks",
        help="Anything else the customer is not satisfied with, opinions and "
        "suggestions on the products and the service.",
    )
    problem_found = fields.Boolean(
        compute="_compute_problem_found",
        store=True,
        help="A checklist answer is negative, the product does not work "
        "normally, or the score is at or below Settings → Problem score.",
    )
    task_user_id = fields.Many2one(
        "res.users",
        string="Task Given To",
        readonly=True,
        copy=False,
        tracking=True,
        help="Who received the task to handle the problem found.",
    )
    complaint_id = fields.Many2one(
        "repair.service.complaint",
        readonly=True,
        copy=False,
        check_company=True,
        tracking=True,
        help="The complaint opened from this call.",
    )

    @api.depends("repair_id.customer_phone", "partner_id.phone", "partner_id.mobile")
    def _compute_customer_phone(self):
        for followup in self:
            followup.customer_phone = (
                followup.repair_id.customer_phone
                or followup.partner_id.phone
                or followup.partner_id.mobile
            )

    @api.depends("repair_id.completed_at")
    def _compute_due_date(self):
        for followup in self:
            days = (followup.company_id or self.env.company).repair_followup_days
            completed = followup.repair_id.completed_at or fields.Datetime.now()
            followup.due_date = fields.Date.context_today(
                followup, completed + timedelta(days=days)
            )

    @api.depends("satisfaction")
    def _compute_satisfaction_score(self):
        for followup in self:
            followup.satisfaction_score = int(followup.satisfaction or 0)

    @api.depends(
        "satisfaction",
        "answer_ids.answer",
        "company_id.repair_followup_problem_score",
    )
    def _compute_problem_found(self):
        for followup in self:
            followup.problem_found = bool(followup._problem_labels())

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["repair.order"].browse(
            [vals.get("repair_id") for vals in vals_list if vals.get("repair_id")]
        )
        unfinished = orders.filtered(lambda order: order.state != "done")
        if unfinished:
            raise ValidationError(
                self.env._(
                    "%(order)s is not completed: the follow-up call is made after "
                    "the repair is done.",
                    order=unfinished[0].display_name,
                )
            )
        # one follow-up call per order; a call that did not reach the
        # customer is tried again on the same record
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search([("repair_id", "in", orders.ids)], limit=1)
        )
        counts = Counter(vals.get("repair_id") for vals in vals_list)
        repeated = existing.repair_id or orders.filtered(lambda o: counts[o.id] > 1)
        if repeated:
            raise ValidationError(
                self.env._(
                    "%(order)s already has its follow-up call: open it instead "
                    "of creating another one.",
                    order=repeated[0].display_name,
                )
            )
        followups = super().create(vals_list)
        followups._add_checklist()
        return followups

    def write(self, vals):
        result = super().write(vals)
        if vals.get("user_id"):
            self._activities_of(["mail_activity_followup_call"]).write(
                {"user_id": vals["user_id"]}
            )
        return result

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_done(self):
        """R-15: the customer answered: the checklist and the score are
        recorded with the call date and the agent. A problem found must
        have been handed on (task or complaint) first."""
        action = self.env._("finish a follow-up call")
        self._check_role("group_cs_agent", action)
        self._check_state(["to_call", "unreachable"], action)
        for followup in self:
            missing = followup.answer_ids.filtered(lambda a: not a.answer).mapped(
                "name"
            )
            if not followup.satisfaction:
                missing.append(followup._fields["satisfaction"].string)
            if missing:
                raise UserError(
                    self.env._(
                        "%(followup)s: answer every question of the call before "
                        "finishing it. Missing: %(missing)s.",
                        followup=followup.display_name,
                        missing=", ".join(missing),
                    )
                )
            if followup.problem_found and not (
                followup.task_user_id or followup.complaint_id
            ):
                raise UserError(
                    self.env._(
                        "%(followup)s found a problem (%(problems)s): hand it on "
                        "with “Task for the Outlet” or “Open Complaint” before "
                        "finishing the call.",
                        followup=followup.display_name,
                        problems="; ".join(followup._problem_labels()),
                    )
                )
        now = fields.Datetime.now()
        self._workflow_step().write(
            {"state": "done", "call_date": now, "user_id": self.env.uid}
        )
        self._activity_close(
            ["mail_activity_followup_call"],
            feedback=self.env._("The customer was called."),
        )
        self.repair_id.filtered(
            lambda order: not order.followup_done_at
        )._workflow_step().write({"followup_done_at": now})
        return True

    def action_unreachable(self):
        """The customer did not answer: count the attempt and call again
        tomorrow."""
        action = self.env._("record an unanswered call")
        self._check_role("group_cs_agent", action)
        self._check_state(["to_call", "unreachable"], action)
        tomorrow = fields.Date.context_today(self) + timedelta(days=1)
        for followup in self:
            followup._workflow_step().write(
                {"state": "unreachable", "attempt_count": followup.attempt_count + 1}
            )
            followup.message_post(
                body=self.env._(
                    "The customer could not be reached (attempt %(count)s): call "
                    "again on %(date)s.",
                    count=followup.attempt_count,
                    date=tomorrow,
                )
            )
        calls = self._activities_of(["mail_activity_followup_call"])
        calls.write({"date_deadline": tomorrow})
        self.filtered(lambda f: f.id not in calls.mapped("res_id"))._activity_start(
            "mail_activity_followup_call",
            lambda f: f.user_id or self.env.user,
            deadline=tomorrow,
        )
        return True

    # ------------------------------------------------------------------
    # Audit trail: follow-up calls are archived, not deleted
    # ------------------------------------------------------------------
    def _audit_delete_blockers(self):
        blockers = {}
        for followup in self:
            reasons = []
            if followup.state == "done":
                reasons.append(self.env._("the call was made and recorded"))
            elif followup.attempt_count:
                reasons.append(self.env._("unanswered calls are recorded"))
            if followup.task_user_id or followup.complaint_id:
                reasons.append(self.env._("a problem found was handed on"))
            if reasons:
                blockers[followup] = reasons
        return blockers

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _problem_labels(self):
        """What the customer was not happy with, as readable labels."""
        self.ensure_one()
        company = self.company_id or self.env.company
        threshold = company.repair_followup_problem_score
        labels = [
            self.env._("%(question)s: no", question=answer.name)
            for answer in self.answer_ids
            if answer.answer == "no"
        ]
        if self.satisfaction and int(self.satisfaction) <= threshold:
            labels.append(
                self.env._("satisfaction %(score)s of 5", score=int(self.satisfaction))
            )
        return labels

    def _check_answerable(self):
        """The answers are recorded by the CS centre while the call is open."""
        self._check_role("group_cs_agent", self.env._("record the customer's answers"))
        self._check_state(
            ["to_call", "unreachable"], self.env._("change the customer's answers")
        )

    def action_answer_all_yes(self):
        """The customer is happy with everything asked so far: every open
        question is answered yes (the agent then changes the exceptions)."""
        self._check_answerable()
        self.answer_ids.filtered(lambda a: not a.answer).write({"answer": "yes"})
        return True

    def _add_checklist(self):
        """One answer line per active question of the checklist."""
        questions = self.env["repair.service.followup.question"].search([])
        self.env["repair.service.followup.answer"].sudo().create(
            [
                {"followup_id": followup.id, "question_id": question.id}
                for followup in self
                for question in questions
            ]
        )
