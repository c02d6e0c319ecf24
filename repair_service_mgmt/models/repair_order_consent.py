# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .repair_service_bounds import MAX_AMOUNT, MAX_HOURS, check_bounds
from .repair_service_workflow_mixin import workflow_step


class RepairOrder(models.Model):
    """Diagnosis and the customer's consent (R-09, R-10), and the core steps
    that depend on them: confirm, start, cancel, reset."""

    _inherit = "repair.order"

    symptom_id = fields.Many2one(
        "repair.service.fault.code",
        domain=[("kind", "=", "symptom")],
        check_company=True,
        tracking=True,
    )
    cause_id = fields.Many2one(
        "repair.service.fault.code",
        domain=[("kind", "=", "cause")],
        check_company=True,
        tracking=True,
    )
    fault_complexity = fields.Selection(
        related="cause_id.complexity", store=True, string="Fault Complexity"
    )
    diagnosis = fields.Text(help="What the technician found.")
    repair_plan = fields.Text(help="The repair explained to the customer.")
    estimated_hours = fields.Float(string="Estimated Time (hours)")
    estimated_cost = fields.Monetary(currency_field="currency_id", tracking=True)
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
    repair_started_at = fields.Datetime(readonly=True, copy=False)

    @api.constrains("estimated_hours", "estimated_cost")
    def _check_estimate(self):
        check_bounds(self, "estimated_hours", MAX_HOURS)
        check_bounds(self, "estimated_cost", MAX_AMOUNT)

    # ------------------------------------------------------------------
    # Diagnosis and consent
    # ------------------------------------------------------------------
    def _check_diagnosis(self):
        for order in self:
            missing = [
                order._fields[name].get_description(self.env)["string"]
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
        the parts on the order now; parts changed later need a new one."""
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
            step.action_repair_cancel()
            step.write(dict(values, consent_state="refused", close_reason="declined"))
            return True
        moves = self.move_ids.filtered(
            lambda m: m.repair_line_type == "add" and m.state != "cancel"
        )
        # one write per quantity: the parts agreed to as they are now
        for quantity, same in workflow_step(moves).grouped("product_uom_qty").items():
            same.write({"repair_consent_qty": quantity})
        renewed = self.consent_state == "renew"
        step.write(dict(values, consent_state="given"))
        if renewed:  # the consent activity asks for a renewed consent only
            self._activity_close(
                ["mail_activity_customer_consent"],
                feedback=self.env._("The customer agreed."),
            )
        return True

    def _consent_outdated(self):
        """R-10: parts changed after the consent."""
        outdated = self.filtered(
            lambda o: o.consent_state == "given" and o.state != "done"
        )
        outdated._workflow_step().write({"consent_state": "renew"})
        for order in outdated:
            order.message_post(
                body=self.env._(
                    "Parts were changed after the customer's consent: ask the "
                    "customer to agree again before they are used."
                )
            )
        outdated._activity_start(
            "mail_activity_customer_consent", lambda o: o.technician_id
        )

    def _check_consent(self):
        for order in self.filtered("outlet_id"):
            if order.consent_state not in ("given", "renew"):
                raise UserError(
                    self.env._(
                        "%(order)s: the customer has not agreed to the repair "
                        "plan yet. Record the customer's consent first.",
                        order=order.display_name,
                    )
                )
            if order.consent_state == "renew" or order.move_ids._repair_needs_consent():
                raise UserError(
                    self.env._(
                        "%(order)s: the customer has not agreed to the repair "
                        "and its parts yet. Record the customer's consent first.",
                        order=order.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Core steps on service orders: confirm, start, cancel, reset
    # ------------------------------------------------------------------
    def _action_repair_confirm(self):
        self.filtered("outlet_id")._check_service_actor(
            self.env._("confirm the repair")
        )
        return super(RepairOrder, self._workflow_step())._action_repair_confirm()

    def action_repair_start(self):
        service = self.filtered("outlet_id")
        service._check_service_actor(self.env._("start the repair"))
        service._check_diagnosis()
        service._check_consent()
        result = super(RepairOrder, self._workflow_step()).action_repair_start()
        service.filtered(lambda o: not o.repair_started_at)._workflow_step().write(
            {"repair_started_at": fields.Datetime.now()}
        )
        return result

    def action_repair_cancel(self):
        """A service order is cancelled by the CS centre, or by the step that
        closes it (a consultation answered, a repair the customer refused)."""
        if not self._in_workflow_step():
            self.filtered("outlet_id")._check_dispatcher(
                self.env._("cancel a service order")
            )
        return super(RepairOrder, self._workflow_step()).action_repair_cancel()

    def action_repair_cancel_draft(self):
        self.filtered("outlet_id")._check_dispatcher(
            self.env._("reopen a cancelled service order")
        )
        result = super(RepairOrder, self._workflow_step()).action_repair_cancel_draft()
        self.filtered("close_reason")._workflow_step().write(
            {"close_reason": False, "consent_state": "none"}
        )
        return result
