# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where a service order stands, and the next step for whoever opens it.

The service step is computed from the fields the workflow steps set
(dispatch, diagnosis, consent, core status, completion, acceptance): the
form shows it as its status bar, the dispatcher's board groups by it in
process order, the portal says it in the customer's words. The step due for
the current user is the form's one primary button.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

MODULE = "repair_service_mgmt"

SERVICE_STEPS = [
    ("to_dispatch", "To Dispatch"),
    ("dispatched", "Dispatched"),
    ("accepted", "Accepted"),
    ("diagnosed", "Diagnosed"),
    ("agreed", "Agreed"),
    ("under_repair", "Under Repair"),
    ("awaiting_acceptance", "Awaiting Acceptance"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
STEP_ORDER = [step for step, _label in SERVICE_STEPS]

# the buttons that carry a service order's steps (one is primary at a time)
NEXT_ACTIONS = [
    ("action_open_dispatch_wizard", "Dispatch"),
    ("action_close_consultation", "Answered, Close"),
    ("action_accept_job", "Accept Job"),
    ("action_customer_contacted", "Customer Contacted"),
    ("action_service_visit", "Visit"),
    ("action_open_diagnosis", "Diagnosis"),
    ("action_open_consent_wizard", "Customer Consent"),
    ("action_repair_start", "Start Repair"),
    ("action_open_completion", "Test & Evidence"),
    ("action_open_acceptance_wizard", "Customer Acceptance"),
]


class RepairOrder(models.Model):
    """The service step (R-07…R-12) and the next action of service orders."""

    _inherit = "repair.order"

    is_service_order = fields.Boolean(
        string="Service Order",
        compute="_compute_is_service_order",
        default=lambda self: self._default_is_service_order(),
        store=True,
        readonly=False,
        index=True,
        help="Taken by the service (new request, the service's repair orders) "
        "or dispatched to a service outlet: it follows the service steps "
        "instead of the plain repair status.",
    )
    service_step = fields.Selection(
        SERVICE_STEPS,
        compute="_compute_service_step",
        store=True,
        index=True,
        group_expand="_read_group_service_step",
    )
    service_next_action = fields.Selection(
        NEXT_ACTIONS,
        string="Next Action",
        compute="_compute_service_next_action",
        help="The step due for the current user: the form's primary button.",
    )
    service_is_dispatcher = fields.Boolean(
        compute="_compute_service_next_action",
        help="The current user dispatches and manages service orders.",
    )

    @api.model
    def _default_is_service_order(self):
        """Taken by the service's own intake (the new-request and service
        order actions say so in their defaults)."""
        context = self.env.context
        return bool(
            context.get("default_intake_channel") or context.get("default_request_type")
        )

    @api.depends("outlet_id")
    def _compute_is_service_order(self):
        for order in self:
            # once a service order, always one (a dispatch can be withdrawn)
            order.is_service_order = order.is_service_order or bool(order.outlet_id)

    @api.depends(
        "state",
        "dispatch_state",
        "consent_state",
        "symptom_id",
        "cause_id",
        "repair_plan",
        "function_test_done",
        "completion_photo_ids",
        "serial_scanned",
    )
    def _compute_service_step(self):
        for order in self:
            order.service_step = order._service_step()

    def _service_step(self):
        self.ensure_one()
        if self.state in ("done", "cancel"):
            return self.state
        if self.state == "under_repair":
            # tested, photographed and scanned: the customer's turn
            if (
                self.function_test_done
                and self.completion_photo_ids
                and self.serial_scanned
            ):
                return "awaiting_acceptance"
            return "under_repair"
        if self.consent_state == "given":
            return "agreed"
        if self.symptom_id and self.cause_id and self.repair_plan:
            return "diagnosed"
        if self.dispatch_state in ("dispatched", "accepted"):
            return self.dispatch_state
        return "to_dispatch"

    @api.model
    def _read_group_service_step(self, values, domain):
        """The board's columns in process order, in every language; the
        cancelled ones only when there are some."""
        return [step for step in STEP_ORDER if step != "cancel" or step in values]

    @api.depends_context("uid")
    @api.depends(
        "is_service_order",
        "service_step",
        "technician_id",
        "outlet_id",
        "request_type",
        "customer_contacted_at",
        "service_mode",
        "first_arrival_at",
        "consent_state",
        "serial_scanned",
        "lot_id",
    )
    def _compute_service_next_action(self):
        user = self.env.user
        is_dispatcher = user.has_group(f"{MODULE}.group_cs_agent")
        is_staff = user.has_group(f"{MODULE}.group_outlet_staff")
        for order in self:
            order.service_is_dispatcher = is_dispatcher
            # the work at the customer's is the technician's and the
            # outlet's; the CS centre dispatches and follows
            is_actor = order.technician_id == user or (
                is_staff and user in order.outlet_id.sudo().staff_ids
            )
            order.service_next_action = order._service_next_action(
                user, is_dispatcher, is_actor
            )

    def _service_next_action(self, user, is_dispatcher, is_actor):
        """The one step due for ``user`` on this order, or False."""
        self.ensure_one()
        step = self.service_step
        is_technician = self.technician_id == user
        if not self.is_service_order or step in ("done", "cancel"):
            return False
        if step == "to_dispatch":
            if not is_dispatcher:
                return False
            if self.request_type == "consultation":
                return "action_close_consultation"
            return "action_open_dispatch_wizard"
        if step == "dispatched":
            return "action_accept_job" if is_technician else False
        if step == "accepted":
            if not self.customer_contacted_at:
                return "action_customer_contacted" if is_technician else False
            if not is_actor:
                return False
            if self.service_mode == "on_site" and not self.first_arrival_at:
                return "action_service_visit"
            return "action_open_diagnosis"
        if not is_actor:
            return False
        if step in ("under_repair", "awaiting_acceptance"):
            # a part added after the consent: the customer agrees again first
            if self.consent_state == "renew":
                return "action_open_consent_wizard"
            # the acceptance is offered only when nothing is missing for it
            if step == "awaiting_acceptance" and self._acceptance_missing_items():
                return "action_open_completion"
        return {
            "diagnosed": "action_open_consent_wizard",
            "agreed": "action_repair_start",
            "under_repair": "action_open_completion",
            "awaiting_acceptance": "action_open_acceptance_wizard",
        }[step]

    # ------------------------------------------------------------------
    # Steps that open a part of the order as a dialog (phone-sized)
    # ------------------------------------------------------------------
    def _open_step_dialog(self, view_xmlid, title):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "repair.order",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref(view_xmlid).id, "form")],
            "target": "new",
        }

    def action_open_diagnosis(self):
        """R-09: symptom, cause, plan, time and cost, as one dialog."""
        self._check_service_actor(self.env._("record the diagnosis"))
        return self._open_step_dialog(
            f"{MODULE}.repair_order_view_form_step_diagnosis",
            self.env._("Diagnosis"),
        )

    def action_open_completion(self):
        """R-12: the full-function test, photos and the scanned serial."""
        self._check_service_actor(self.env._("record the test and the evidence"))
        return self._open_step_dialog(
            f"{MODULE}.repair_order_view_form_step_completion",
            self.env._("Test & Evidence"),
        )

    def action_service_visit(self):
        """R-08: the order's visits, to plan one or check in."""
        self._check_dispatcher_or_technician(self.env._("plan or record a visit"))
        return self.action_view_visits()

    # ------------------------------------------------------------------
    # Core confirmation of service orders: the parts come from the outlet
    # ------------------------------------------------------------------
    def action_validate(self):
        """Service orders take their parts from the outlet's own stock
        (R-11): core's check of the warehouse quantity and its "insufficient
        quantity" dialog do not apply to them."""
        if self.outlet_id:
            self.ensure_one()
            if any(move.product_uom_qty < 0 for move in self.move_ids):
                raise UserError(self.env._("You can not enter negative quantities."))
            return self._action_repair_confirm()
        return super().action_validate()
