# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

from .repair_service_workflow_mixin import ALL_FIELDS, is_mail_field

MODULE = "repair_service_mgmt"
ACTIVITY = "mail_activity_corrective_action"
# what the people who set an action decide; the owner writes the result
SETTER_FIELDS = ("name", "description", "user_id", "date_due", "complaint_id")


class RepairServiceCorrectiveAction(models.Model):
    """R-38 (S0 五(四)2, S4 二4(4)): a corrective action the responsible
    people set after a complaint, with an owner and a due date on the
    deadline engine, tracked to done."""

    _name = "repair.service.corrective.action"
    _description = "Corrective Action"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "repair.service.sla.mixin",
        "repair.service.workflow.mixin",
        "repair.service.audit.mixin",
    ]
    _order = "state, date_due, id"
    _check_company_auto = True
    _workflow_fields = ("state", "done_at", "done_by_id")
    # set from the complaint and the due date, never typed in
    _workflow_fixed_fields = (
        "complaint_id",
        "company_id",
        "outlet_id",
        "region_id",
        "due_at",
    )
    # a finished action is kept as it was done (or cancelled)
    _workflow_locks = (([("state", "in", ("done", "cancelled"))], ALL_FIELDS),)

    name = fields.Char(string="Action", required=True, tracking=True)
    description = fields.Text(help="What is to be done, and why.")
    complaint_id = fields.Many2one(
        "repair.service.complaint",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="complaint_id.company_id", store=True, index=True
    )
    outlet_id = fields.Many2one(
        related="complaint_id.responsible_outlet_id",
        string="Responsible Outlet",
        store=True,
        index="btree_not_null",
    )
    region_id = fields.Many2one(related="complaint_id.region_id", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        tracking=True,
        index=True,
        domain=[("share", "=", False)],
        help="Who carries the action out and marks it done.",
    )
    date_due = fields.Date(
        string="Complete By",
        required=True,
        tracking=True,
        help="The action is due by the end of this day.",
    )
    due_at = fields.Datetime(
        compute="_compute_due_at",
        store=True,
        help="The end of the due date: the deadline of the action.",
    )
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    result = fields.Text(
        tracking=True, help="What was done: written by the owner when done."
    )
    done_at = fields.Datetime(readonly=True, copy=False)
    done_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.depends("date_due")
    def _compute_due_at(self):
        for action in self:
            action.due_at = action.date_due and datetime.combine(
                action.date_due, time(23, 59, 59)
            )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = action.state == "open" and action.date_due < today

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [("state", "=", "open"), ("date_due", "<", today)]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["!", "&", *domain]

    # ------------------------------------------------------------------
    # Who sets, who finishes
    # ------------------------------------------------------------------
    def _is_setter(self, complaint):
        """The responsible people of ``complaint``: the employee who took
        it, a CS-centre manager, the responsible outlet's manager."""
        user = self.env.user
        return (
            self.env.su
            or user.has_group(f"{MODULE}.group_cs_manager")
            or complaint.sudo().taker_id == user
            or (
                complaint.sudo().responsible_outlet_id.manager_id == user
                and user.has_group(f"{MODULE}.group_outlet_manager")
            )
        )

    def _check_setter(self, complaints):
        for complaint in complaints:
            if not self._is_setter(complaint):
                raise AccessError(
                    self.env._(
                        "Only the employee who took %(complaint)s, a CS-centre "
                        "manager or the manager of its responsible outlet sets "
                        "its corrective actions.",
                        complaint=complaint.sudo().display_name,
                    )
                )

    def _check_owner_or_manager(self, action):
        user = self.env.user
        for record in self:
            if not (
                self.env.su
                or record.user_id == user
                or user.has_group(f"{MODULE}.group_cs_manager")
            ):
                raise AccessError(
                    self.env._(
                        "Only %(owner)s, the owner of %(action_name)s, or a "
                        "CS-centre manager may %(action)s.",
                        owner=record.user_id.name,
                        action_name=record.display_name,
                        action=action,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        complaint_ids = {vals.get("complaint_id") for vals in vals_list}
        complaints = self.env["repair.service.complaint"].browse(
            [cid for cid in complaint_ids if cid]
        )
        self._check_setter(complaints)
        for complaint in complaints.sudo():
            if complaint.state in ("closed", "cancelled", "invalid"):
                raise UserError(
                    self.env._(
                        "%(complaint)s is “%(state)s”: corrective actions are "
                        "set while a valid complaint is handled.",
                        complaint=complaint.display_name,
                        state=dict(
                            complaint._fields["state"]._description_selection(self.env)
                        )[complaint.state],
                    )
                )
        actions = super().create(vals_list)
        actions._activity_start(
            ACTIVITY,
            lambda a: a.user_id,
            summary=lambda a: a.name,
            note=lambda a: a.description,
            deadline=lambda a: a.date_due,
        )
        return actions

    def write(self, vals):
        if not self.env.su and not self._in_workflow_step():
            # the owner writes the result only; everything else is the
            # setters' (the guard refuses the fixed and step fields)
            set_fields = (
                {name for name in vals if name != "result" and not is_mail_field(name)}
                - self._workflow_guarded_fields()
                - set(self._workflow_fixed_fields)
            )
            if set_fields:
                self._check_setter(self.complaint_id)
            if "result" in vals:
                self._check_owner_or_manager(self.env._("write the result"))
        moved = (
            self.filtered(lambda a: a.state == "open")
            if ({"user_id", "date_due", "name"} & set(vals))
            else self.browse()
        )
        result = super().write(vals)
        if moved:
            # the owner's activity follows the owner and the due date
            moved._activity_cancel([ACTIVITY])
            moved._activity_start(
                ACTIVITY,
                lambda a: a.user_id,
                summary=lambda a: a.name,
                note=lambda a: a.description,
                deadline=lambda a: a.date_due,
            )
        return result

    @api.model
    def _audit_keep_advice(self):
        return self.env._("Cancel the corrective action instead.")

    def _audit_delete_blockers(self):
        return {
            action: [self.env._("it was done")]
            for action in self
            if action.state == "done"
        }

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def action_done(self):
        """The owner (or a CS-centre manager) marks the action done, with
        its result; the owner's activity is closed with the result."""
        action = self.env._("mark a corrective action done")
        self._check_owner_or_manager(action)
        self._check_state(["open"], action)
        for record in self:
            if not (record.result or "").strip():
                raise UserError(
                    self.env._(
                        "%(action)s: write the result (what was done) before "
                        "marking it done.",
                        action=record.display_name,
                    )
                )
        self._workflow_step().write(
            {
                "state": "done",
                "done_at": fields.Datetime.now(),
                "done_by_id": self.env.uid,
            }
        )
        for record in self:
            record._activity_close([ACTIVITY], feedback=record.result)
        return True

    def action_cancel(self):
        """The people who set the action withdraw it (it is kept)."""
        self._check_setter(self.complaint_id)
        self._check_state(["open"], self.env._("cancel a corrective action"))
        self._workflow_step().write({"state": "cancelled"})
        self._activity_cancel([ACTIVITY])
        return True

    def action_view_complaint(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.service.complaint",
            "res_id": self.complaint_id.id,
            "view_mode": "form",
        }

    def _done_from_activity(self, feedback):
        """The owner marked the action's activity done (activity list or
        chatter): the action is done, the feedback its result when none
        was written; the Done step's checks apply."""
        todo = self.filtered(lambda a: a.state == "open")
        for record in todo:
            if not (record.result or "").strip() and feedback:
                record.result = html2plaintext(feedback).strip()
        todo.action_done()


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """R-38: an activity of a corrective action marked done marks the
        action done (the step answering it)."""
        activity_type = self.env.ref(f"{MODULE}.{ACTIVITY}", raise_if_not_found=False)
        ids = [
            activity.res_id
            for activity in self
            if activity_type
            and activity.res_model == "repair.service.corrective.action"
            and activity.activity_type_id == activity_type
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if ids:
            # after the activity is done: the step finds no activity to close
            actions = self.env["repair.service.corrective.action"].browse(ids)
            actions.filtered(lambda a: a.state == "open")._done_from_activity(feedback)
        return result
