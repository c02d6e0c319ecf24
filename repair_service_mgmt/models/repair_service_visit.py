# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .repair_service_workflow_mixin import ALL_FIELDS

# how far ahead a visit may be planned: beyond, the date is a typing error
MAX_PLANNING_MONTHS = 12


class RepairServiceVisit(models.Model):
    """R-05, R-08: a visit of a technician to the customer for an order."""

    _name = "repair.service.visit"
    _description = "Repair Visit"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "repair.service.workflow.mixin",
        "repair.service.sla.mixin",
        "repair.service.audit.mixin",
    ]
    _order = "planned_start desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "state",
        "check_in",
        "check_out",
        "confirmed_at",
        "next_visit_id",
    )
    # a visit stays with its order; its technician changes with a dispatch
    _workflow_fixed_fields = ("repair_id", "technician_id")
    # a finished or cancelled visit is kept as recorded
    _workflow_locks = (([("state", "in", ("done", "cancelled"))], ALL_FIELDS),)

    repair_id = fields.Many2one(
        "repair.order",
        string="Repair Order",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(related="repair_id.partner_id", store=True)
    outlet_id = fields.Many2one(related="repair_id.outlet_id", store=True)
    technician_id = fields.Many2one(
        "res.users", required=True, tracking=True, index=True
    )
    planned_start = fields.Datetime(required=True, tracking=True)
    planned_stop = fields.Datetime(required=True, tracking=True)
    confirmed_at = fields.Datetime(
        string="Re-confirmed with Customer",
        readonly=True,
        help="The appointment is re-confirmed with the customer before the visit.",
    )
    check_in = fields.Datetime(readonly=True)
    check_out = fields.Datetime(readonly=True)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("confirmed", "Confirmed"),
            ("in_progress", "In progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
    )
    result = fields.Selection(
        [("finished", "Work finished"), ("unfinished", "Work unfinished")],
        tracking=True,
    )
    report = fields.Text(string="Visit Report")
    next_planned_start = fields.Datetime(
        string="Next Visit From", help="Agreed with the customer."
    )
    next_planned_stop = fields.Datetime(string="Next Visit Until")
    next_visit_id = fields.Many2one("repair.service.visit", readonly=True, copy=False)
    company_id = fields.Many2one(related="repair_id.company_id", store=True)

    @api.depends("repair_id.name", "planned_start")
    def _compute_name(self):
        for visit in self:
            start = fields.Datetime.to_string(visit.planned_start) or ""
            visit.name = f"{visit.repair_id.name or ''} – {start}"

    @api.constrains("planned_start", "planned_stop")
    def _check_window(self):
        for visit in self:
            if visit.planned_stop <= visit.planned_start:
                raise ValidationError(
                    self.env._(
                        "The visit window must end after it starts (%(visit)s).",
                        visit=visit.name,
                    )
                )
            order_date = visit.repair_id.create_date.replace(
                minute=0, second=0, microsecond=0
            )
            latest = max(order_date, fields.Datetime.now()) + relativedelta(
                months=MAX_PLANNING_MONTHS
            )
            if visit.planned_start < order_date or visit.planned_stop > latest:
                raise ValidationError(
                    self.env._(
                        "The visit window of %(visit)s must lie between the "
                        "order's creation (%(start)s) and %(end)s: check the "
                        "date entered.",
                        visit=visit.name,
                        start=fields.Datetime.to_string(order_date),
                        end=fields.Date.to_string(latest.date()),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            order = self.env["repair.order"].browse(vals.get("repair_id"))
            order._check_dispatcher_or_technician(self.env._("plan its visits"))
            vals.setdefault("technician_id", order.technician_id.id)
            if vals["technician_id"] != order.technician_id.id:
                # jobs pass between technicians through the dispatcher
                order._check_dispatcher(
                    self.env._("send another technician than the order's")
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Audit trail: visits are cancelled, not deleted
    # ------------------------------------------------------------------
    @api.model
    def _audit_keep_advice(self):
        return self.env._("Cancel the visit instead.")

    def _audit_delete_blockers(self):
        return {
            visit: [self.env._("the technician checked in at the customer's")]
            for visit in self
            if visit.check_in or visit.state in ("in_progress", "done")
        }

    def _check_own_visit(self, action):
        for visit in self:
            if not self.env.su and visit.technician_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(technician)s, who makes this visit, can %(action)s.",
                        technician=visit.technician_id.name,
                        action=action,
                    )
                )

    def action_confirm_appointment(self):
        """R-05: the time was re-confirmed with the customer."""
        self.repair_id._check_dispatcher_or_technician(
            self.env._("re-confirm its visits")
        )
        self._check_state(["planned"], self.env._("re-confirm the appointment"))
        self._workflow_step().write(
            {"state": "confirmed", "confirmed_at": fields.Datetime.now()}
        )
        return True

    def action_check_in(self):
        self._check_own_visit(self.env._("check in"))
        self._check_state(["planned", "confirmed"], self.env._("check in"))
        now = fields.Datetime.now()
        self._workflow_step().write({"state": "in_progress", "check_in": now})
        # the first arrival at the customer's
        self.repair_id.filtered(
            lambda o: not o.first_arrival_at
        )._workflow_step().write({"first_arrival_at": now})
        return True

    def action_check_out(self):
        """R-08: the result is recorded; unfinished work needs the next visit
        agreed with the customer (a visit planned with ``next_start``)."""
        self._check_own_visit(self.env._("check out"))
        self._check_state(["in_progress"], self.env._("check out"))
        for visit in self:
            if not visit.result:
                raise UserError(
                    self.env._(
                        "Record whether the work is finished before checking out."
                    )
                )
            if visit.result == "unfinished" and not visit.next_visit_id:
                raise UserError(
                    self.env._(
                        "The work is unfinished: plan the next visit agreed with "
                        "the customer first (Plan Next Visit)."
                    )
                )
        self._workflow_step().write(
            {"state": "done", "check_out": fields.Datetime.now()}
        )
        return True

    def action_plan_next_visit(self):
        """R-08: unfinished work continues at a time agreed with the customer."""
        self.ensure_one()
        self._check_own_visit(self.env._("plan the next visit"))
        if not (self.next_planned_start and self.next_planned_stop):
            raise UserError(
                self.env._(
                    "Enter the next visit's window agreed with the customer first."
                )
            )
        next_visit = self.create(
            {
                "repair_id": self.repair_id.id,
                "technician_id": self.technician_id.id,
                "planned_start": self.next_planned_start,
                "planned_stop": self.next_planned_stop,
            }
        )
        self._workflow_step().write(
            {"next_visit_id": next_visit.id, "result": "unfinished"}
        )
        return True

    def action_cancel(self):
        self.repair_id._check_dispatcher_or_technician(self.env._("cancel its visits"))
        self._check_state(["planned", "confirmed"], self.env._("cancel the visit"))
        self._workflow_step().write({"state": "cancelled"})
        return True
