# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

MODULE = "repair_service_mgmt"
DISPATCH_FIELDS = (
    "outlet_id",
    "technician_id",
    "dispatch_state",
    "customer_contacted_at",
    "completed_at",
)


class RepairOrder(models.Model):
    """Intake (R-01…R-04) and dispatch (R-06, R-07) on core repair orders."""

    _name = "repair.order"
    _inherit = ["repair.order", "repair.service.sla.mixin"]

    intake_channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("walk_in", "Walk-in (carry-in)"),
            ("onsite_request", "On-site request"),
            ("portal", "Portal"),
            ("email", "E-mail"),
            ("staff", "Staff-reported"),
        ],
        string="Channel",
        default="phone",
        tracking=True,
    )
    request_type = fields.Selection(
        [
            ("consultation", "Consultation"),
            ("repair", "Repair"),
            ("installation", "Installation"),
            ("complaint", "Complaint"),
        ],
        default="repair",
        required=True,
        tracking=True,
    )
    customer_phone = fields.Char(
        tracking=True,
        help="Validated and stored in international E.164 form (R-03).",
    )
    fault_description = fields.Text(help="The fault as the customer describes it.")
    service_mode = fields.Selection(
        [("carry_in", "Carry-in"), ("on_site", "On-site")],
        default="carry_in",
        required=True,
        tracking=True,
    )
    promised_date = fields.Datetime(
        string="Promised Completion",
        tracking=True,
        help="Carry-in: when the customer is told to collect the product.",
    )
    outlet_id = fields.Many2one(
        "repair.service.outlet",
        string="Service Outlet",
        check_company=True,
        tracking=True,
        index="btree_not_null",
    )
    technician_id = fields.Many2one("res.users", tracking=True, index="btree_not_null")
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
        help="When the technician contacted the customer (R-07: within 2 hours "
        "of the dispatch).",
    )
    completed_at = fields.Datetime(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="When the customer accepted the repair and the order was completed.",
    )
    visit_ids = fields.One2many("repair.service.visit", "repair_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_count")
    outside_area_reason = fields.Text(
        string="Outside-area Authorisation",
        tracking=True,
        help="On-site service outside the outlet's area needs the CS centre's "
        "authorisation with its reason (R-04).",
    )

    def _compute_visit_count(self):
        counts = dict(
            self.env["repair.service.visit"]._read_group(
                [("repair_id", "in", self.ids)], ["repair_id"], ["__count"]
            )
        )
        for order in self:
            order.visit_count = counts.get(order, 0)

    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair_service_mgmt.repair_service_visit_action"
        )
        action["domain"] = [("repair_id", "=", self.id)]
        action["context"] = {
            "default_repair_id": self.id,
            "default_technician_id": self.technician_id.id,
        }
        return action

    # ------------------------------------------------------------------
    # Intake: phone numbers and the caller (R-01…R-03)
    # ------------------------------------------------------------------
    def _normalise_phone(self, number, partner=None):
        country = (partner and partner.country_id) or self.env.company.country_id
        try:
            return self.env["res.partner"]._phone_format_number(
                number, country, force_format="E164", raise_exception=True
            )
        except UserError as error:
            raise UserError(
                self.env._(
                    "The phone number “%(number)s” is not valid (%(country)s): "
                    "enter it with its area code, or in international form "
                    "starting with + and the country code.",
                    number=number,
                    country=country.name or self.env._("no country"),
                )
            ) from error

    def _prepare_intake_vals(self, vals):
        if vals.get("customer_phone"):
            partner = self.env["res.partner"].browse(vals.get("partner_id"))
            vals["customer_phone"] = self._normalise_phone(
                vals["customer_phone"], partner
            )
            if not vals.get("partner_id"):
                vals["partner_id"] = self._find_customer(vals["customer_phone"]).id
        return vals

    @api.model
    def _find_customer(self, phone_e164):
        """The customer whose phone is this number, if there is one."""
        return self.env["res.partner"].search(
            [("repair_phone_e164", "=", phone_e164)], limit=1
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_dispatch_write(vals)
            self._prepare_intake_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_dispatch_write(vals)
        if vals.get("customer_phone"):
            for order in self:
                order_vals = dict(vals, partner_id=vals.get("partner_id"))
                if not order_vals["partner_id"]:
                    order_vals["partner_id"] = order.partner_id.id
                order._prepare_intake_vals(order_vals)
                super(RepairOrder, order).write(order_vals)
            return True
        return super().write(vals)

    # ------------------------------------------------------------------
    # Dispatch
    # ------------------------------------------------------------------
    def _check_dispatch_write(self, vals):
        """Outlet and technician change only through dispatch (by the
        dispatcher) or the technician's answer: never by a plain write."""
        if self.env.su or self.env.context.get("repair_service_workflow_step"):
            return
        blocked = sorted(set(vals) & set(DISPATCH_FIELDS))
        if blocked:
            raise UserError(
                self.env._(
                    "%(fields)s change only through Dispatch (CS centre) and the "
                    "technician's Accept or Decline.",
                    fields=", ".join(self._fields[f].string for f in blocked),
                )
            )

    def _check_dispatcher(self):
        if not (self.env.su or self.env.user.has_group(f"{MODULE}.group_cs_agent")):
            raise UserError(
                self.env._(
                    "Only the CS centre's dispatchers assign or reassign jobs: "
                    "ask a CS agent."
                )
            )

    def _dispatch(self, outlet, technician, outside_area_reason=None):
        """Assign the orders to ``outlet`` and ``technician`` (R-07)."""
        self._check_dispatcher()
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
            reason = (outside_area_reason or order.outside_area_reason or "").strip()
            if (
                order.service_mode == "on_site"
                and not outlet._covers_address(order.partner_id)
                and not reason
            ):
                raise UserError(
                    self.env._(
                        "%(outlet)s does not serve %(address)s on site: give the "
                        "CS centre's authorisation with its reason, or choose "
                        "another outlet.",
                        outlet=outlet.display_name,
                        address=order.partner_id.city or self.env._("this address"),
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
        self.with_context(repair_service_workflow_step=True).write(values)
        if technician:
            for order in self:
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Accept the job and contact the customer"),
                    user_id=technician.id,
                )
        return True

    def action_open_dispatch_wizard(self):
        self._check_dispatcher()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatch"),
            "res_model": "repair.order.dispatch.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_repair_ids": self.ids},
        }

    def _check_dispatcher_or_technician(self):
        """Visits are planned by the dispatcher or the order's technician."""
        if self.env.su or self.env.user.has_group(f"{MODULE}.group_cs_agent"):
            return
        for order in self:
            if order.technician_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only the dispatcher or %(technician)s, the technician of "
                        "%(order)s, can plan its visits.",
                        technician=order.technician_id.name or self.env._("nobody"),
                        order=order.display_name,
                    )
                )

    def _check_is_technician(self, action):
        """Only the order's own technician may ``action``."""
        for order in self:
            if order.technician_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(technician)s, the technician of %(order)s, can "
                        "%(action)s.",
                        technician=order.technician_id.name or self.env._("nobody"),
                        order=order.display_name,
                        action=action,
                    )
                )

    def _check_assigned_technician(self, action):
        self._check_is_technician(action)
        for order in self:
            if order.dispatch_state != "dispatched":
                raise UserError(
                    self.env._(
                        "%(order)s is not waiting for an answer from its technician.",
                        order=order.display_name,
                    )
                )

    def action_accept_job(self):
        self._check_assigned_technician(self.env._("accept the job"))
        self.with_context(repair_service_workflow_step=True).write(
            {"dispatch_state": "accepted", "accepted_at": fields.Datetime.now()}
        )
        return True

    def action_customer_contacted(self):
        """R-07: the technician has called the customer."""
        self._check_is_technician(self.env._("record the call to the customer"))
        self.filtered(lambda o: o.dispatch_state == "dispatched").action_accept_job()
        self.with_context(repair_service_workflow_step=True).write(
            {"customer_contacted_at": fields.Datetime.now()}
        )
        return True

    def action_decline_job(self):
        """The technician declines: back to the dispatcher (R-07: jobs are not
        passed between technicians without the dispatcher)."""
        self._check_assigned_technician(self.env._("decline the job"))
        for order in self:
            dispatcher = order.dispatcher_id
            order.with_context(repair_service_workflow_step=True).write(
                {"dispatch_state": "to_dispatch", "technician_id": False}
            )
            order.message_post(
                body=Markup("<p>%s</p>")
                % self.env._("The technician declined the job.")
            )
            if dispatcher:
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Dispatch again: the technician declined"),
                    user_id=dispatcher.id,
                )
        return True

    # ------------------------------------------------------------------
    # Completion
    # ------------------------------------------------------------------
    def action_repair_done(self):
        result = super().action_repair_done()
        self.with_context(repair_service_workflow_step=True).write(
            {"completed_at": fields.Datetime.now()}
        )
        return result
