# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

MODULE = "repair_service_mgmt"


class RepairOrder(models.Model):
    """Dispatch (R-04, R-06, R-07) and visits (R-05, R-08) of service orders."""

    _inherit = "repair.order"

    # a copy of an order is a new request: dispatched anew
    outlet_id = fields.Many2one(
        "repair.service.outlet",
        string="Service Outlet",
        check_company=True,
        tracking=True,
        index="btree_not_null",
        copy=False,
    )
    technician_id = fields.Many2one(
        "res.users", tracking=True, index="btree_not_null", copy=False
    )
    dispatch_state = fields.Selection(
        [
            ("to_dispatch", "To dispatch"),
            ("dispatched", "Dispatched"),
            ("accepted", "Accepted"),
        ],
        default="to_dispatch",
        required=True,
        tracking=True,
        copy=False,
    )
    dispatcher_id = fields.Many2one("res.users", readonly=True, copy=False)
    dispatched_at = fields.Datetime(readonly=True, copy=False)
    accepted_at = fields.Datetime(readonly=True, copy=False)
    customer_contacted_at = fields.Datetime(
        readonly=True,
        copy=False,
        tracking=True,
        help="When the technician contacted the customer (within 2 hours of "
        "the dispatch).",
    )
    first_arrival_at = fields.Datetime(
        string="Arrived On Site",
        readonly=True,
        copy=False,
        help="The first check-in of a technician at the customer's.",
    )
    outside_area_reason = fields.Text(
        string="Outside-area Authorisation",
        tracking=True,
        copy=False,
        help="On-site service outside the outlet's area needs the CS centre's "
        "authorisation with its reason.",
    )
    visit_ids = fields.One2many("repair.service.visit", "repair_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_count")
    next_visit_start = fields.Datetime(
        string="Planned Visit",
        compute="_compute_next_visit_start",
        help="The start of the next planned or re-confirmed visit.",
    )

    def _compute_visit_count(self):
        counts = dict(
            self.env["repair.service.visit"]._read_group(
                [("repair_id", "in", self.ids)], ["repair_id"], ["__count"]
            )
        )
        for order in self:
            order.visit_count = counts.get(order, 0)

    @api.depends("visit_ids.planned_start", "visit_ids.state")
    def _compute_next_visit_start(self):
        starts = dict(
            self.env["repair.service.visit"]._read_group(
                [
                    ("repair_id", "in", self.ids),
                    ("state", "in", ("planned", "confirmed")),
                ],
                ["repair_id"],
                ["planned_start:min"],
            )
        )
        for order in self:
            order.next_visit_start = starts.get(order, False)

    @api.constrains("service_mode", "partner_id", "outlet_id", "outside_area_reason")
    def _check_service_area(self):
        """R-04: an on-site order outside its outlet's area carries the CS
        centre's authorisation — whenever the mode, the customer, the outlet
        or the authorisation changes (the address: see ``res.partner``)."""
        for order in self:
            if (
                order.outlet_id
                and order.service_mode == "on_site"
                and order.state not in ("done", "cancel")
                and not (order.outside_area_reason or "").strip()
                and not order.outlet_id._covers_address(order.partner_id)
            ):
                raise ValidationError(
                    self.env._(
                        "%(outlet)s does not serve %(address)s on site: %(order)s "
                        "needs the CS centre's authorisation with its reason, "
                        "another outlet, or carry-in service.",
                        outlet=order.outlet_id.display_name,
                        address=order.partner_id.city or self.env._("this address"),
                        order=order.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Who may act
    # ------------------------------------------------------------------
    def _check_dispatcher(self, action):
        """The CS centre's dispatchers (CS agents) assign and reassign jobs."""
        self._check_role("group_cs_agent", action)

    def _check_technician(self, action, or_dispatcher=False):
        """Only the order's own technician (or, with ``or_dispatcher``, a
        dispatcher of the CS centre) may ``action``."""
        if self.env.su or (
            or_dispatcher and self.env.user.has_group(f"{MODULE}.group_cs_agent")
        ):
            return
        self.check_access("read")
        for order in self.filtered(lambda o: o.technician_id != self.env.user):
            values = {
                "technician": order.technician_id.name or self.env._("nobody"),
                "order": order.display_name,
                "action": action,
            }
            raise AccessError(
                self.env._(
                    "Only a dispatcher of the CS centre or %(technician)s, the "
                    "technician of %(order)s, can %(action)s.",
                    **values,
                )
                if or_dispatcher
                else self.env._(
                    "Only %(technician)s, the technician of %(order)s, can %(action)s.",
                    **values,
                )
            )

    def _check_dispatcher_or_technician(self, action):
        """Visits are planned by the dispatcher or the order's technician."""
        self._check_technician(action, or_dispatcher=True)

    def _check_service_actor(self, action):
        """The order's technician, its outlet's staff or a CS agent."""
        if self.env.su or self.env.user.has_group(f"{MODULE}.group_cs_agent"):
            return
        self.check_access("read")
        user = self.env.user
        is_staff = user.has_group(f"{MODULE}.group_outlet_staff")
        for order in self:
            if user != order.technician_id and not (
                is_staff and user in order.outlet_id.staff_ids
            ):
                raise AccessError(
                    self.env._(
                        "Only %(technician)s, the technician of %(order)s, the "
                        "staff of %(outlet)s or a CS agent can %(action)s.",
                        technician=order.technician_id.name or self.env._("nobody"),
                        order=order.display_name,
                        outlet=order.outlet_id.display_name or self.env._("its outlet"),
                        action=action,
                    )
                )

    # ------------------------------------------------------------------
    # Dispatch
    # ------------------------------------------------------------------
    def _dispatch(self, outlet, technician, outside_area_reason=None):
        """Assign the orders to ``outlet`` and ``technician`` (R-07); the
        service area (R-04) is ``_check_service_area``'s, as on every later
        change."""
        self._check_dispatcher(self.env._("dispatch a repair order"))
        outlet._check_can_receive_orders()
        if technician and technician not in outlet.technician_ids:
            raise UserError(
                self.env._(
                    "%(technician)s is not a technician of %(outlet)s.",
                    technician=technician.name,
                    outlet=outlet.display_name,
                )
            )
        for order in self:
            if order.state in ("done", "cancel"):
                raise UserError(
                    self.env._(
                        "%(order)s is finished: it cannot be dispatched.",
                        order=order.display_name,
                    )
                )
        values = {
            "outlet_id": outlet.id,
            "technician_id": technician.id,
            "dispatch_state": "dispatched" if technician else "to_dispatch",
            "dispatcher_id": self.env.uid,
            "dispatched_at": fields.Datetime.now(),
            "accepted_at": False,
        }
        if outside_area_reason:
            values["outside_area_reason"] = outside_area_reason.strip()
        if outlet.location_id:
            # parts come from the outlet's own stock
            values["location_id"] = outlet.location_id.id
        # a job another technician had, or a declined one, is answered
        again = self.filtered("dispatcher_id")
        again._activity_cancel(["mail_activity_job"])
        again._activity_close(
            ["mail_activity_dispatch_again"], feedback=self.env._("Dispatched again.")
        )
        self._workflow_step().write(values)
        # the open visits go to the new technician
        self.visit_ids.filtered(
            lambda v: (
                v.state in ("planned", "confirmed")
                and v.technician_id != technician
                and technician
            )
        )._workflow_step().write({"technician_id": technician.id})
        self._activity_start("mail_activity_job", technician)
        return True

    def action_open_dispatch_wizard(self):
        self._check_dispatcher(self.env._("dispatch a repair order"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatch"),
            "res_model": "repair.order.dispatch.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_repair_ids": self.ids},
        }

    def _check_waiting_for_technician(self):
        for order in self:
            if order.dispatch_state != "dispatched":
                raise UserError(
                    self.env._(
                        "%(order)s is not waiting for an answer from its technician.",
                        order=order.display_name,
                    )
                )

    def action_accept_job(self):
        self._check_technician(self.env._("accept the job"))
        self._check_waiting_for_technician()
        self._workflow_step().write(
            {"dispatch_state": "accepted", "accepted_at": fields.Datetime.now()}
        )
        self._activity_close(["mail_activity_job"], feedback=self.env._("Accepted."))
        return True

    def action_customer_contacted(self):
        """R-07: the technician has called the customer."""
        self._check_technician(self.env._("record the call to the customer"))
        self.filtered(lambda o: o.dispatch_state == "dispatched").action_accept_job()
        self._workflow_step().write({"customer_contacted_at": fields.Datetime.now()})
        return True

    def action_decline_job(self):
        """The technician declines: back to the dispatcher (R-07: jobs are not
        passed between technicians without the dispatcher)."""
        self._check_technician(self.env._("decline the job"))
        self._check_waiting_for_technician()
        # the job is no longer the technician's: it leaves their list
        self._activity_cancel(["mail_activity_job"])
        self._workflow_step().write(
            {"dispatch_state": "to_dispatch", "technician_id": False}
        )
        for order in self:
            order.message_post(body=self.env._("The technician declined the job."))
        self._activity_start("mail_activity_dispatch_again", lambda o: o.dispatcher_id)
        return True

    # ------------------------------------------------------------------
    # Visits
    # ------------------------------------------------------------------
    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair_service_mgmt.repair_service_visit_action"
        )
        action["domain"] = [("repair_id", "=", self.id)]
        # the order's visits as a list first, the calendar next
        action["views"] = [(False, "list"), (False, "calendar"), (False, "form")]
        # the next full hour, for two hours: a starting point to agree on
        start = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        start += timedelta(hours=1)
        action["context"] = {
            "default_repair_id": self.id,
            "default_technician_id": self.technician_id.id,
            "default_planned_start": fields.Datetime.to_string(start),
            "default_planned_stop": fields.Datetime.to_string(
                start + timedelta(hours=2)
            ),
        }
        return action
