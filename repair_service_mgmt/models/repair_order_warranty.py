# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .repair_warranty_decision import WARRANTY_RULES

# the facts the warranty decision reads on the order
WARRANTY_FACT_FIELDS = (
    "product_id",
    "lot_id",
    "warranty_component_id",
    "symptom_id",
    "warranty_card_number",
    "purchase_invoice_number",
    "purchase_invoice_date",
    "warranty_evidence_altered",
    "warranty_registration_checked",
    "warranty_exclusion_ids",
    "warranty_override",
)
# only the manager's override step writes these
WARRANTY_OVERRIDE_FIELDS = (
    "under_warranty",
    "warranty_override",
    "warranty_override_reason",
    "warranty_override_by_id",
    "warranty_evidence_judged_by_id",
)


class RepairOrder(models.Model):
    """The warranty of an order (R-20…R-27): the evidence, the exclusions,
    and ``under_warranty`` as the stored result of the one decision."""

    _inherit = "repair.order"

    under_warranty = fields.Boolean(
        compute="_compute_under_warranty",
        store=True,
        readonly=False,
        tracking=True,
        help="Decided from the facts of the order (product, serial number, "
        "purchase date, evidence, exclusions); a service manager may override "
        "it with a reason.",
    )
    warranty_rule = fields.Selection(
        WARRANTY_RULES,
        compute="_compute_warranty_rule",
        store=True,
    )
    warranty_reason = fields.Char(compute="_compute_warranty_details")
    warranty_days_left = fields.Integer(compute="_compute_warranty_details")
    warranty_options = fields.Char(
        compute="_compute_warranty_details",
        string="三包 Options",
        help="What the customer may choose: repair, and within the national "
        "windows exchange or refund.",
    )
    warranty_repeat_fault = fields.Boolean(
        compute="_compute_warranty_details",
        string="Repeat Fault",
        help="The unit was repaired shortly before this order.",
    )
    warranty_repair_days = fields.Integer(
        compute="_compute_warranty_repair_days",
        store=True,
        help="Days from intake to completion: they extend the unit's warranty.",
    )
    warranty_component_id = fields.Many2one(
        "repair.warranty.component",
        string="Faulty Component",
        help="The main component at fault, when it has its own warranty.",
    )
    warranty_card_number = fields.Char(string="Warranty Card No.")
    warranty_card_image = fields.Image(
        string="Warranty Card", max_width=1920, max_height=1920
    )
    purchase_invoice_number = fields.Char(string="Purchase Invoice No.")
    purchase_invoice_date = fields.Date(
        string="Purchase Date",
        help="The date on the purchase invoice (or on the registration the CS "
        "centre checked).",
    )
    purchase_invoice_image = fields.Image(
        string="Purchase Invoice", max_width=1920, max_height=1920
    )
    warranty_evidence_altered = fields.Boolean(
        string="Card or Invoice Missing or Altered"
    )
    warranty_evidence_judged_by_id = fields.Many2one(
        "res.users", string="Judged By", readonly=True, copy=False
    )
    warranty_registration_checked = fields.Boolean(
        string="Registration Checked by the CS Centre",
        help="The customer's product registration was checked by the CS "
        "centre: it stands in for the purchase invoice.",
    )
    warranty_exclusion_ids = fields.One2many(
        "repair.warranty.exclusion", "repair_id", string="Warranty Exclusions"
    )
    warranty_override = fields.Selection(
        [("in", "In warranty"), ("out", "Out of warranty")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    warranty_override_reason = fields.Text(readonly=True, copy=False)
    warranty_override_by_id = fields.Many2one(
        "res.users", string="Overridden By", readonly=True, copy=False
    )

    @api.depends(*WARRANTY_FACT_FIELDS, "warranty_exclusion_ids.reason_id")
    def _compute_under_warranty(self):
        decisions = self.env["repair.warranty.decision"]._decide(self)
        for order in self:
            decision = decisions[order.id]
            order.under_warranty = decision["in_warranty"]

    @api.depends(*WARRANTY_FACT_FIELDS, "warranty_exclusion_ids.reason_id")
    def _compute_warranty_rule(self):
        decisions = self.env["repair.warranty.decision"]._decide(self)
        for order in self:
            order.warranty_rule = decisions[order.id]["rule"]

    @api.depends(*WARRANTY_FACT_FIELDS, "warranty_exclusion_ids.reason_id")
    @api.depends_context("lang", "tz")
    def _compute_warranty_details(self):
        decisions = self.env["repair.warranty.decision"]._decide(self)
        labels = {
            "repair": self.env._("repair"),
            "exchange": self.env._("exchange"),
            "refund": self.env._("refund"),
        }
        for order in self:
            decision = decisions[order.id]
            if (
                order.warranty_override
                or decision["in_warranty"] == order.under_warranty
            ):
                order.warranty_reason = decision["reason"]
            else:
                # set by trusted code (data, migration) against the facts
                order.warranty_reason = self.env._("Set without a decision.")
            order.warranty_days_left = decision["days_left"]
            order.warranty_options = ", ".join(labels[o] for o in decision["options"])
            order.warranty_repeat_fault = decision["repeat_fault"]

    @api.depends("create_date", "completed_at")
    def _compute_warranty_repair_days(self):
        for order in self:
            if order.completed_at and order.create_date:
                order.warranty_repair_days = max(
                    (order.completed_at.date() - order.create_date.date()).days, 0
                )
            else:
                order.warranty_repair_days = 0

    # ------------------------------------------------------------------
    # Guard and follow-up of the decision
    # ------------------------------------------------------------------
    def _workflow_guarded_fields(self):
        return super()._workflow_guarded_fields() | set(WARRANTY_OVERRIDE_FIELDS)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_warranty_evidence_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_warranty_evidence_vals(vals)
        facts = set(vals) & set(WARRANTY_FACT_FIELDS)
        before = {order.id: order.under_warranty for order in self} if facts else {}
        result = super().write(vals)
        if facts:
            self._warranty_follow(before)
        if vals.get("warranty_evidence_altered") and not self._in_workflow_step():
            # who judged the evidence is recorded, never sent
            self._workflow_step().write(
                {"warranty_evidence_judged_by_id": self.env.uid}
            )
        return result

    def _check_warranty_evidence_vals(self, vals):
        if (
            "warranty_registration_checked" in vals
            and not self.env.su
            and not self.env.user.has_group("repair_service_mgmt.group_cs_agent")
        ):
            raise AccessError(
                self.env._(
                    "Only the CS centre checks a customer's product registration."
                )
            )

    def _warranty_follow(self, before):
        """The quotation follows a changed decision (R-24)."""
        changed = self.filtered(lambda o: o.under_warranty != before.get(o.id))
        changed._warranty_reprice()

    def _warranty_reprice(self):
        """Re-price the draft quotation of these orders: in warranty every
        line at zero, otherwise the parts at the price list and the labour at
        the company's rate (the one price logic: ``_repair_charged_price``)."""
        for order in self.sudo():
            sale = order.sale_order_id
            if not sale or sale.state not in ("draft", "sent"):
                continue
            order._update_sale_order_line_price()
            lines = sale.order_line.filtered(lambda line: not line.display_type)
            if order.under_warranty:
                lines.filtered("price_unit").write(
                    {"price_unit": 0.0, "technical_price_unit": 0.0}
                )
                continue
            labour = order.company_id._repair_labour_product()
            labour_lines = lines.filtered(lambda line, p=labour: line.product_id == p)
            if labour and labour_lines:
                rate = order.company_id._repair_labour_rate(sale.currency_id)
                labour_lines.write(
                    {
                        "price_unit": order._repair_charged_price(rate),
                        "technical_price_unit": order._repair_charged_price(rate),
                    }
                )

    # ------------------------------------------------------------------
    # The service manager's override
    # ------------------------------------------------------------------
    def action_override_warranty(self, override, reason):
        """``override``: ``"in"``, ``"out"`` or ``False`` (back to the
        decision). Only a CS-centre manager, with a reason, in the chatter."""
        self._check_role("group_cs_manager", self.env._("change the warranty status"))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                self.env._("Give the reason for changing the warranty status.")
            )
        for order in self:
            if order.state in ("done", "cancel"):
                raise UserError(
                    self.env._(
                        "%(order)s is finished: its warranty status is kept as "
                        "it was charged.",
                        order=order.display_name,
                    )
                )
        before = {order.id: order.under_warranty for order in self}
        step = self.sudo()._workflow_step()
        step.write(
            {
                "warranty_override": override or False,
                "warranty_override_reason": reason if override else False,
                "warranty_override_by_id": self.env.uid if override else False,
            }
        )
        for order in self:
            sale = order.sudo().sale_order_id
            if order.under_warranty and not before[order.id] and sale.state == "sale":
                raise UserError(
                    self.env._(
                        "%(order)s is charged on the confirmed sale order "
                        "%(sale)s: cancel it (or credit its invoice) before the "
                        "repair becomes free under warranty.",
                        order=order.display_name,
                        sale=sale.name,
                    )
                )
            order.message_post(
                body=self.env._(
                    "Warranty status changed to “%(status)s”: %(reason)s",
                    status=self.env._("in warranty, free")
                    if order.under_warranty
                    else self.env._("out of warranty, charged"),
                    reason=reason,
                )
            )
        return True

    def action_view_lot(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.lot",
            "res_id": self.lot_id.id,
            "view_mode": "form",
        }
