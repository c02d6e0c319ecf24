# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Repair orders of the service: intake (R-01…R-04) and the workflow guard.

The service order is one model split by concern, each file inheriting
``repair.order``: ``repair_order_dispatch.py`` (outlet, technician, visits),
``repair_order_consent.py`` (diagnosis and the customer's consent, the core
confirm/start/cancel steps), ``repair_order_completion.py`` (test, photos,
acceptance, the core end/done steps), ``repair_order_billing.py`` (warranty
status, quotation, printed fees, cash), ``repair_order_followup.py`` and
``repair_order_portal.py``.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from .repair_service_workflow_mixin import ALL_FIELDS

_lt = LazyTranslate(__name__)

DISPATCH_FIELDS = (
    "outlet_id",
    "technician_id",
    "dispatch_state",
    "dispatcher_id",
    "dispatched_at",
    "accepted_at",
    "customer_contacted_at",
)
# set by the diagnosis, consent, completion and billing steps (R-09…R-15),
# never by a plain write
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
    # the quotation step links the sale order
    "sale_order_id",
    # computed from the steps above (repair_order_step.py)
    "service_step",
)
# the request as the CS centre took it (technicians read them)
INTAKE_FIELDS = (
    "request_type",
    "intake_channel",
    "partner_id",
    "customer_phone",
    "fault_description",
)
# on service orders, the core status and the warranty status are steps too
SERVICE_ORDER_STEP_FIELDS = ("state", "under_warranty")
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
    """Intake (R-01…R-04) on core repair orders, and the guard of the
    service steps."""

    _name = "repair.order"
    _inherit = [
        "repair.order",
        "repair.service.sla.mixin",
        "repair.service.workflow.mixin",
        "portal.mixin",
    ]
    _workflow_fields = DISPATCH_FIELDS + SERVICE_STEP_FIELDS
    _workflow_locks = (
        # the signed repair record
        (
            [("state", "=", "done")],
            REPAIR_RECORD_FIELDS,
            _lt(
                "%(record)s is repaired and its record was signed by the "
                "customer: %(fields)s can no longer change."
            ),
        ),
        # a completed service order is kept as the customer accepted it
        (
            [("state", "=", "done"), ("outlet_id", "!=", False)],
            ALL_FIELDS,
            _lt(
                "%(record)s is completed and accepted by the customer: it is "
                "kept as it was done (%(fields)s can no longer change)."
            ),
        ),
        # a consultation closed with its answer
        (
            [("close_reason", "=", "answered")],
            ("consultation_answer",),
            _lt(
                "%(record)s was answered and closed: its answer is kept as "
                "given. Record anything new on a new request."
            ),
        ),
    )
    _workflow_role_fields = (
        # on-site service outside the area needs the CS centre's word
        ("group_cs_agent", ("outside_area_reason",)),
        # what the customer asked for, and who: the CS centre's record; the
        # technician works the job as taken
        ("group_cs_agent", INTAKE_FIELDS),
    )

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
        help="Validated and stored in international E.164 form.",
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
    accessories_note = fields.Text(
        string="Accessories & Condition",
        tracking=True,
        help="Carry-in: what the customer left with the product and its "
        "visible condition, printed on the receipt.",
    )
    customer_street = fields.Char(related="partner_id.street", string="Street")
    customer_city = fields.Char(related="partner_id.city", string="City")
    consultation_answer = fields.Text(
        help="The answer given to a consultation request."
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._prepare_intake_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("customer_phone"):
            for order in self:
                order_vals = dict(vals, partner_id=vals.get("partner_id"))
                if not order_vals["partner_id"]:
                    order_vals["partner_id"] = order.partner_id.id
                order._prepare_intake_vals(order_vals)
                super(RepairOrder, order).write(order_vals)
            return True
        return super().write(vals)

    def _workflow_guarded_fields(self):
        guarded = super()._workflow_guarded_fields()
        if self.outlet_id:
            guarded |= set(SERVICE_ORDER_STEP_FIELDS)
        return guarded

    # ------------------------------------------------------------------
    # Intake: phone numbers and the caller (R-01…R-03)
    # ------------------------------------------------------------------
    def _normalise_phone(self, number, partner=None):
        country = (partner and partner.country_id) or self.env.company.country_id
        return self.env["res.partner"]._repair_phone_e164(number, country)

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

    # ------------------------------------------------------------------
    # Consultation
    # ------------------------------------------------------------------
    def action_close_consultation(self):
        """A consultation is answered and closed without a repair."""
        self._check_dispatcher(self.env._("close a consultation"))
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
        step = self._workflow_step()
        step.action_repair_cancel()
        step.write({"close_reason": "answered"})
        return True
