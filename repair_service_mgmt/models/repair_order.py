# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

MODULE = "repair_service_mgmt"
DISPATCH_FIELDS = (
    "outlet_id",
    "technician_id",
    "dispatch_state",
    "customer_contacted_at",
)
# set by the diagnosis, consent and completion steps (R-09…R-12), never by a
# plain write
SERVICE_STEP_FIELDS = (
    "completed_at",
    "followup_done_at",
    "consent_state",
    "consent_by",
    "consent_date",
    "consent_method",
    "consent_signature",
    "consent_note",
    "close_reason",
    "repair_started_at",
    "first_arrival_at",
    "acceptance_state",
    "acceptance_by",
    "acceptance_date",
    "acceptance_signature",
    "acceptance_opinion",
    "rework_count",
)
# the repair record as the customer signed it: frozen once the order is done
REPAIR_RECORD_FIELDS = (
    "symptom_id",
    "cause_id",
    "diagnosis",
    "repair_plan",
    "estimated_hours",
    "estimated_cost",
    "function_test_done",
    "function_test_note",
    "completion_photo_ids",
    "serial_scanned",
)


class RepairOrder(models.Model):
    """Intake (R-01…R-04) and dispatch (R-06, R-07) on core repair orders."""

    _name = "repair.order"
    _inherit = [
        "repair.order",
        "repair.service.sla.mixin",
        "repair.service.workflow.mixin",
        "portal.mixin",
    ]
    # the core status stays with core; the steps this module adds are guarded
    _workflow_fields = DISPATCH_FIELDS + SERVICE_STEP_FIELDS

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
    repair_started_at = fields.Datetime(readonly=True, copy=False)
    first_arrival_at = fields.Datetime(
        string="Arrived On Site",
        readonly=True,
        copy=False,
        help="The first check-in of a technician at the customer's (R-06).",
    )
    # Diagnosis
    symptom_id = fields.Many2one(
        "repair.service.fault.code",
        domain=[("kind", "=", "symptom")],
        tracking=True,
    )
    cause_id = fields.Many2one(
        "repair.service.fault.code",
        domain=[("kind", "=", "cause")],
        tracking=True,
    )
    fault_complexity = fields.Selection(
        related="cause_id.complexity", store=True, string="Fault Complexity"
    )
    diagnosis = fields.Text(help="What the technician found.")
    repair_plan = fields.Text(help="The repair explained to the customer.")
    estimated_hours = fields.Float(string="Estimated Time (hours)")
    currency_id = fields.Many2one(related="company_id.currency_id")
    estimated_cost = fields.Monetary(currency_field="currency_id", tracking=True)
    # Consent
    consent_state = fields.Selection(
        [
            ("none", "Not asked"),
            ("given", "Agreed"),
            ("renew", "New consent needed"),
            ("refused", "Refused"),
        ],
        string="Customer Consent",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    consent_by = fields.Char(string="Agreed By", readonly=True, copy=False)
    consent_date = fields.Datetime(string="Agreed On", readonly=True, copy=False)
    consent_method = fields.Selection(
        [
            ("signature", "Signed on site"),
            ("portal", "Signed on the portal"),
            ("phone", "By phone"),
            ("written", "In writing"),
        ],
        string="Agreed How",
        readonly=True,
        copy=False,
    )
    consent_signature = fields.Image(
        max_width=1024, max_height=1024, readonly=True, copy=False
    )
    consent_note = fields.Text(readonly=True, copy=False)
    close_reason = fields.Selection(
        [
            ("answered", "Consultation answered"),
            ("declined", "Declined by the customer"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
    )
    consultation_answer = fields.Text(
        help="The answer given to a consultation request (R-02)."
    )
    # Completion and acceptance
    function_test_done = fields.Boolean(
        string="Full-function Test Passed", copy=False, tracking=True
    )
    function_test_note = fields.Text(string="Test Notes", copy=False)
    completion_photo_ids = fields.Many2many(
        "ir.attachment",
        "repair_order_completion_photo_rel",
        "repair_id",
        "attachment_id",
        string="Completion Photos",
        copy=False,
    )
    serial_scanned = fields.Char(
        string="Scanned Serial",
        copy=False,
        tracking=True,
        help="The serial number or barcode scanned on the repaired product.",
    )
    acceptance_state = fields.Selection(
        [
            ("none", "Not yet"),
            ("accepted", "Accepted by the customer"),
            ("disputed", "Disputed"),
        ],
        string="Customer Acceptance",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    acceptance_by = fields.Char(string="Accepted By", readonly=True, copy=False)
    acceptance_date = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    acceptance_signature = fields.Image(
        max_width=1024, max_height=1024, readonly=True, copy=False
    )
    acceptance_opinion = fields.Text(
        string="Customer's Opinion", readonly=True, copy=False
    )
    rework_count = fields.Integer(
        string="Reworks",
        readonly=True,
        copy=False,
        tracking=True,
        help="How often the customer disputed the result and the order went "
        "back to repair (R-12).",
    )
    visit_ids = fields.One2many("repair.service.visit", "repair_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_count")
    outside_area_reason = fields.Text(
        string="Outside-area Authorisation",
        tracking=True,
        help="On-site service outside the outlet's area needs the CS centre's "
        "authorisation with its reason (R-04).",
    )
    # Carry-in receipt and the technician's job cards
    accessories_note = fields.Text(
        string="Accessories & Condition",
        tracking=True,
        help="Carry-in: what the customer left with the product and its "
        "visible condition, printed on the receipt.",
    )
    customer_street = fields.Char(related="partner_id.street", string="Street")
    customer_city = fields.Char(related="partner_id.city", string="City")
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
            self._prepare_intake_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_record_frozen(vals)
        if vals.get("customer_phone"):
            for order in self:
                order_vals = dict(vals, partner_id=vals.get("partner_id"))
                if not order_vals["partner_id"]:
                    order_vals["partner_id"] = order.partner_id.id
                order._prepare_intake_vals(order_vals)
                super(RepairOrder, order).write(order_vals)
            return True
        return super().write(vals)

    def _check_record_frozen(self, vals):
        """The repair record the customer signed and the answer given to a
        closed consultation are kept as they were."""
        if self.env.su or self.env.context.get("repair_service_workflow_step"):
            return
        frozen = sorted(set(vals) & set(REPAIR_RECORD_FIELDS))
        done = self.filtered(lambda order: order.state == "done")
        if frozen and done:
            raise UserError(
                self.env._(
                    "%(order)s is repaired and its record was signed by the "
                    "customer: %(fields)s can no longer change.",
                    order=done[0].display_name,
                    fields=", ".join(self._fields[f].string for f in frozen),
                )
            )
        answered = self.filtered(lambda order: order.close_reason == "answered")
        if "consultation_answer" in vals and answered:
            raise UserError(
                self.env._(
                    "%(order)s was answered and closed: its answer is kept as "
                    "given. Record anything new on a new request.",
                    order=answered[0].display_name,
                )
            )

    # ------------------------------------------------------------------
    # Dispatch
    # ------------------------------------------------------------------
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
        if outlet.location_id:
            # parts come from the outlet's own stock
            values["location_id"] = outlet.location_id.id
        self._workflow_step().write(values)
        if technician:
            # one activity per order, created (and followed) in one batch
            self.activity_schedule(
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
        self._workflow_step().write(
            {"dispatch_state": "accepted", "accepted_at": fields.Datetime.now()}
        )
        return True

    def action_customer_contacted(self):
        """R-07: the technician has called the customer."""
        self._check_is_technician(self.env._("record the call to the customer"))
        self.filtered(lambda o: o.dispatch_state == "dispatched").action_accept_job()
        self._workflow_step().write({"customer_contacted_at": fields.Datetime.now()})
        return True

    def action_decline_job(self):
        """The technician declines: back to the dispatcher (R-07: jobs are not
        passed between technicians without the dispatcher)."""
        self._check_assigned_technician(self.env._("decline the job"))
        for order in self:
            dispatcher = order.dispatcher_id
            order._workflow_step().write(
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
    # Consultation
    # ------------------------------------------------------------------
    def action_close_consultation(self):
        """A consultation is answered and closed without a repair."""
        self._check_dispatcher()
        for order in self:
            if order.request_type != "consultation" or order.state != "draft":
                raise UserError(
                    self.env._(
                        "%(order)s is not an open consultation: only new "
                        "consultation requests are closed with an answer.",
                        order=order.display_name,
                    )
                )
            if not (order.consultation_answer or "").strip():
                raise UserError(
                    self.env._(
                        "Write the answer given to the customer before closing "
                        "%(order)s.",
                        order=order.display_name,
                    )
                )
        self.action_repair_cancel()
        self._workflow_step().write({"close_reason": "answered"})
        return True

    # ------------------------------------------------------------------
    # Diagnosis and consent
    # ------------------------------------------------------------------
    def _check_service_actor(self, action):
        """The order's technician, its outlet's staff or a CS agent."""
        if self.env.su or self.env.user.has_group(f"{MODULE}.group_cs_agent"):
            return
        for order in self:
            outlet = order.outlet_id
            if self.env.user != order.technician_id and not (
                self.env.user in outlet.staff_ids
                and self.env.user.has_group(f"{MODULE}.group_outlet_staff")
            ):
                raise UserError(
                    self.env._(
                        "Only %(technician)s, the technician of %(order)s, or the "
                        "staff of %(outlet)s can %(action)s.",
                        technician=order.technician_id.name or self.env._("nobody"),
                        order=order.display_name,
                        outlet=outlet.display_name or self.env._("its outlet"),
                        action=action,
                    )
                )

    def _check_diagnosis(self):
        for order in self:
            missing = [
                order._fields[name].string
                for name in ("symptom_id", "cause_id", "repair_plan")
                if not order[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(order)s: complete the diagnosis first (%(missing)s), "
                        "then explain it to the customer.",
                        order=order.display_name,
                        missing=", ".join(missing),
                    )
                )

    def action_open_consent_wizard(self):
        return self._open_signature_wizard("consent")

    def action_open_acceptance_wizard(self):
        return self._open_signature_wizard("acceptance")

    def _open_signature_wizard(self, purpose):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer Consent")
            if purpose == "consent"
            else self.env._("Customer Acceptance"),
            "res_model": "repair.order.signature.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_repair_id": self.id,
                "default_purpose": purpose,
                "default_signed_by": self.partner_id.name,
            },
        }

    def action_record_consent(
        self, signed_by, method, agree=True, signature=False, note=False
    ):
        """R-09: the customer agrees to the diagnosis, plan and cost — or
        refuses, which closes the order as declined. R-10: the consent covers
        the parts on the order now; parts added later need a new one."""
        self.ensure_one()
        self._check_service_actor(self.env._("record the customer's consent"))
        if not self.outlet_id:
            raise UserError(
                self.env._(
                    "%(order)s is not dispatched to a service outlet: consent is "
                    "recorded for service orders.",
                    order=self.display_name,
                )
            )
        if self.state not in ("draft", "confirmed", "under_repair"):
            raise UserError(
                self.env._(
                    "%(order)s is finished: its consent cannot change.",
                    order=self.display_name,
                )
            )
        self._check_diagnosis()
        if not (signed_by or "").strip():
            raise UserError(self.env._("Enter who agreed for the customer."))
        if method not in dict(self._fields["consent_method"].selection):
            raise UserError(
                self.env._(
                    "Say how the customer agreed: signed on site, on the portal, "
                    "by phone or in writing."
                )
            )
        if method in ("signature", "portal") and not signature:
            raise UserError(
                self.env._("The customer's signature is missing: let them sign.")
            )
        values = {
            "consent_by": signed_by.strip(),
            "consent_date": fields.Datetime.now(),
            "consent_method": method,
            "consent_signature": signature or False,
            "consent_note": note or False,
        }
        step = self._workflow_step()
        if not agree:
            if not (note or "").strip():
                raise UserError(
                    self.env._("Record why the customer refused the repair.")
                )
            if self.state == "under_repair":
                raise UserError(
                    self.env._(
                        "%(order)s is already being repaired: a refused extra part "
                        "is removed from the parts instead.",
                        order=self.display_name,
                    )
                )
            self.action_repair_cancel()
            step.write(dict(values, consent_state="refused", close_reason="declined"))
            return True
        for move in self.move_ids.filtered(
            lambda m: m.repair_line_type == "add" and m.state != "cancel"
        ):
            move.sudo().repair_consent_qty = move.product_uom_qty
        step.write(dict(values, consent_state="given"))
        self.activity_ids.filtered(
            lambda a: a.activity_type_id == self._consent_activity_type()
        ).action_done()
        return True

    def _consent_activity_type(self):
        return self.env.ref(f"{MODULE}.mail_activity_customer_consent")

    def _consent_outdated(self):
        """R-10: parts were added after the consent."""
        for order in self.filtered(lambda o: o.consent_state == "given"):
            order._workflow_step().write({"consent_state": "renew"})
            order.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Parts were added after the customer's consent: ask the "
                    "customer to agree again before they are used."
                )
            )
            if order.technician_id:
                order.activity_schedule(
                    f"{MODULE}.mail_activity_customer_consent",
                    user_id=order.technician_id.id,
                )

    def _check_consent(self):
        for order in self.filtered("outlet_id"):
            unconsented = order.move_ids._repair_needs_consent()
            if order.consent_state != "given" or unconsented:
                raise UserError(
                    self.env._(
                        "%(order)s: the customer has not agreed to the repair "
                        "%(what)s yet. Record the customer's consent first (R-09, "
                        "R-10).",
                        order=order.display_name,
                        what=self.env._("and its parts")
                        if unconsented
                        else self.env._("plan"),
                    )
                )

    def action_repair_start(self):
        service = self.filtered("outlet_id")
        service._check_service_actor(self.env._("start the repair"))
        service._check_diagnosis()
        service._check_consent()
        result = super().action_repair_start()
        service.filtered(lambda o: not o.repair_started_at)._workflow_step().write(
            {"repair_started_at": fields.Datetime.now()}
        )
        return result

    def action_repair_cancel_draft(self):
        result = super().action_repair_cancel_draft()
        self.filtered("close_reason")._workflow_step().write(
            {"close_reason": False, "consent_state": "none"}
        )
        return result

    # ------------------------------------------------------------------
    # Completion and acceptance
    # ------------------------------------------------------------------
    def _check_ready_for_acceptance(self):
        for order in self:
            problems = []
            if not order.function_test_done:
                problems.append(self.env._("pass the full-function test"))
            if not order.completion_photo_ids:
                problems.append(self.env._("upload photos of the repaired product"))
            if not order.serial_scanned:
                problems.append(self.env._("scan the serial number"))
            elif order.lot_id and order.serial_scanned.strip() != order.lot_id.name:
                problems.append(
                    self.env._(
                        "scan the right product: %(scanned)s is not the serial "
                        "%(serial)s of this order",
                        scanned=order.serial_scanned,
                        serial=order.lot_id.name,
                    )
                )
            if problems:
                raise UserError(
                    self.env._(
                        "%(order)s is not ready for the customer's acceptance: "
                        "%(problems)s.",
                        order=order.display_name,
                        problems="; ".join(problems),
                    )
                )

    def action_record_acceptance(
        self, signed_by, accepted=True, signature=False, opinion=False
    ):
        """R-12: the customer accepts the tested repair and signs, which
        completes the order (parts consumed from the outlet's stock), or
        disputes it, which sends the order back to repair as rework."""
        self.ensure_one()
        self._check_service_actor(self.env._("record the customer's acceptance"))
        if self.state != "under_repair" or not self.outlet_id:
            raise UserError(
                self.env._(
                    "%(order)s is not a service order under repair: the customer "
                    "accepts a repair when the work is done.",
                    order=self.display_name,
                )
            )
        if not (signed_by or "").strip():
            raise UserError(self.env._("Enter who accepted for the customer."))
        step = self._workflow_step()
        if not accepted:
            if not (opinion or "").strip():
                raise UserError(
                    self.env._("Record what the customer disputes about the result.")
                )
            step.write(
                {
                    "acceptance_state": "disputed",
                    "acceptance_opinion": opinion.strip(),
                    "rework_count": self.rework_count + 1,
                    "function_test_done": False,
                }
            )
            self.message_post(
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    self.env._("The customer disputes the result: back to repair."),
                    opinion.strip(),
                )
            )
            if self.technician_id:
                self.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Rework: the customer disputes the result"),
                    note=opinion.strip(),
                    user_id=self.technician_id.id,
                )
            return True
        if not signature:
            raise UserError(
                self.env._(
                    "The customer signs the repair record to accept it: the "
                    "signature is missing."
                )
            )
        self._check_consent()
        self._check_ready_for_acceptance()
        step.write(
            {
                "acceptance_state": "accepted",
                "acceptance_by": signed_by.strip(),
                "acceptance_date": fields.Datetime.now(),
                "acceptance_signature": signature,
                "acceptance_opinion": (opinion or "").strip() or False,
            }
        )
        step.action_repair_end()
        return True

    def action_repair_end(self):
        unaccepted = self.filtered(
            lambda o: o.outlet_id and o.acceptance_state != "accepted"
        )
        if unaccepted:
            raise UserError(
                self.env._(
                    "%(order)s is finished when the customer accepts it: use "
                    "Customer Acceptance, with the customer's signature.",
                    order=unaccepted[0].display_name,
                )
            )
        return super().action_repair_end()

    def action_repair_done(self):
        self.filtered("outlet_id")._check_consent()
        result = super().action_repair_done()
        self._workflow_step().write({"completed_at": fields.Datetime.now()})
        return result

    # ------------------------------------------------------------------
    # The printed repair record
    # ------------------------------------------------------------------
    def _get_repair_record_parts(self):
        """The parts of the printed repair record (R-11) with their prices:
        the quotation's price when the part is on the sale order, otherwise
        the product's list price; in warranty nothing is charged (R-14).

        :return: ``{"lines": [dict, ...], "total": float, "currency": record}``
        """
        self.ensure_one()
        # technicians print the record of their job without reading the quotation
        order = self.sudo()
        currency = order.sale_order_id.currency_id or order.currency_id
        today = fields.Date.context_today(self)
        kinds = dict(
            self.env["stock.move"]
            ._fields["repair_line_type"]
            ._description_selection(self.env)
        )
        lines = []
        for move in order.move_ids.filtered(
            lambda m: m.state != "cancel" and m.repair_line_type
        ):
            quantity = move.quantity if move.state == "done" else move.product_uom_qty
            unit_price = amount = 0.0
            if move.repair_line_type == "add":
                discount = move.sale_line_id.discount
                if move.sale_line_id:
                    unit_price = move.sale_line_id.price_unit
                else:
                    product = move.product_id
                    unit_price = order.currency_id._convert(
                        product.uom_id._compute_price(
                            product.lst_price, move.product_uom
                        ),
                        currency,
                        order.company_id,
                        today,
                    )
                if not order.under_warranty:
                    amount = currency.round(
                        quantity * unit_price * (1.0 - discount / 100.0)
                    )
            lines.append(
                {
                    "move": move,
                    "product": move.product_id,
                    "kind": kinds.get(move.repair_line_type, ""),
                    "charged": move.repair_line_type == "add",
                    "quantity": quantity,
                    "uom": move.product_uom,
                    "unit_price": unit_price,
                    "amount": amount,
                }
            )
        return {
            "lines": lines,
            "total": currency.round(sum(line["amount"] for line in lines)),
            "currency": currency,
        }

    # ------------------------------------------------------------------
    # Billing: quotation → sale order → invoice → payment
    # ------------------------------------------------------------------
    billing_state = fields.Selection(
        [
            ("free", "In warranty, free"),
            ("to_quote", "To quote"),
            ("quoted", "Quoted"),
            ("to_invoice", "To invoice"),
            ("invoiced", "Invoiced"),
            ("paid", "Paid"),
        ],
        string="Billing",
        compute="_compute_billing_state",
        help="Where the charging of this order stands (R-14): in-warranty "
        "repairs are free; others are quoted, invoiced and paid in Odoo.",
    )

    @api.depends(
        "under_warranty",
        "sale_order_id.state",
        "sale_order_id.invoice_ids.state",
        "sale_order_id.invoice_ids.payment_state",
    )
    def _compute_billing_state(self):
        for order in self:
            sale = order.sudo().sale_order_id
            invoices = sale.invoice_ids.filtered(
                lambda move: move.state == "posted" and move.move_type == "out_invoice"
            )
            if order.under_warranty:
                order.billing_state = "free"
            elif not sale:
                order.billing_state = "to_quote"
            elif sale.state not in ("sale", "done"):
                order.billing_state = "quoted"
            elif not invoices:
                order.billing_state = "to_invoice"
            elif all(
                invoice.payment_state in ("paid", "in_payment", "reversed")
                for invoice in invoices
            ):
                order.billing_state = "paid"
            else:
                order.billing_state = "invoiced"

    # ------------------------------------------------------------------
    # Cash collected on site and handed in (R-14, S4 (3)9)
    # ------------------------------------------------------------------
    cash_collection_ids = fields.One2many(
        "repair.service.cash.collection", "repair_id", string="Cash Collections"
    )
    cash_collection_count = fields.Integer(compute="_compute_cash_amounts")
    cash_collected_amount = fields.Monetary(
        string="Cash Collected",
        currency_field="currency_id",
        compute="_compute_cash_amounts",
        help="Cash collected on site for this order (not cancelled).",
    )
    cash_pending_amount = fields.Monetary(
        string="Cash to Hand In",
        currency_field="currency_id",
        compute="_compute_cash_amounts",
        help="Cash collected on site and not handed in yet.",
    )

    def _compute_cash_amounts(self):
        # CS agents see the order, not the collections: count as superuser
        groups = (
            self.env["repair.service.cash.collection"]
            .sudo()
            ._read_group(
                [("repair_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["repair_id", "state"],
                ["amount:sum", "__count"],
            )
        )
        totals = {}
        for order, state, amount, count in groups:
            collected, pending, number = totals.get(order, (0.0, 0.0, 0))
            if state == "collected":
                pending += amount
            totals[order] = (collected + amount, pending, number + count)
        for order in self:
            collected, pending, number = totals.get(order, (0.0, 0.0, 0))
            order.cash_collected_amount = collected
            order.cash_pending_amount = pending
            order.cash_collection_count = number

    def action_record_cash(self):
        """Open a new cash collection for this order (R-14)."""
        self.ensure_one()
        self.env["repair.service.cash.collection"]._check_recorder(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record Cash Collected"),
            "res_model": "repair.service.cash.collection",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {"default_repair_id": self.id},
        }

    def action_view_cash_collections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair_service_mgmt.repair_service_cash_collection_action"
        )
        action["domain"] = [("repair_id", "=", self.id)]
        action["context"] = {"default_repair_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Follow-up call
    # ------------------------------------------------------------------
    followup_ids = fields.One2many(
        "repair.service.followup", "repair_id", string="Follow-up Calls"
    )
    followup_count = fields.Integer(compute="_compute_followup_count")
    followup_done_at = fields.Datetime(
        string="Followed Up",
        readonly=True,
        copy=False,
        help="When the CS centre reached the customer on the follow-up call (R-15).",
    )

    def _compute_followup_count(self):
        counts = dict(
            self.env["repair.service.followup"]._read_group(
                [("repair_id", "in", self.ids)], ["repair_id"], ["__count"]
            )
        )
        for order in self:
            order.followup_count = counts.get(order, 0)

    def action_view_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair_service_mgmt.repair_service_followup_action"
        )
        action["domain"] = [("repair_id", "=", self.id)]
        action["context"] = {"default_repair_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Customer portal: the customer follows the order and signs
    # the consent on /my/repairs
    # ------------------------------------------------------------------
    def _compute_access_url(self):
        result = super()._compute_access_url()
        for order in self:
            order.access_url = f"/my/repairs/{order.id}"
        return result

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Repair Record %(order)s", order=self.name)

    def _get_portal_status(self):
        """Where the order stands, in the customer's words."""
        self.ensure_one()
        if self.state == "cancel":
            if self.close_reason == "declined":
                return self.env._("Declined")
            return self.env._("Cancelled")
        if self.state == "done":
            return self.env._("Repaired")
        if self.state == "under_repair":
            return self.env._("Under repair")
        if (
            self.service_mode == "on_site"
            and self.dispatch_state == "accepted"
            and not self.first_arrival_at
        ):
            return self.env._("Technician on the way")
        if self.outlet_id:
            return self.env._("Dispatched to a service outlet")
        return self.env._("Received")

    def _portal_can_sign_consent(self):
        """The diagnosed plan waits for the customer's signature (R-09, R-10)."""
        self.ensure_one()
        return bool(
            self.outlet_id
            and self.state not in ("done", "cancel")
            and self.consent_state in ("none", "renew")
            and self.symptom_id
            and self.cause_id
            and self.repair_plan
        )
