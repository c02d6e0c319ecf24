# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .repair_service_workflow_mixin import ALL_FIELDS

# what the request states when it is submitted: kept as the CS centre
# approves it
REQUEST_FACTS = (
    "kind",
    "repair_id",
    "company_id",
    "outlet_id",
    "partner_id",
    "product_id",
    "lot_id",
    "symptom_id",
    "fault_description",
    "outlet_opinion",
    "invoice_id",
)
# still open while the CS centre reviews the request
REVIEW_OPEN_FIELDS = ("cs_opinion", "replacement_lot_id")
# the activity of an approved request, closed by Process
PROCESS_ACTIVITY = "mail_activity_warranty_request_process"
# the facts the amounts are computed from
REFRESH_TRIGGERS = {"lot_id", "invoice_id", "kind", "product_id", "partner_id"}


class RepairWarrantyRequest(models.Model):
    """R-23: the 《用户单台退换机处理表》, a single unit's return or exchange
    under the warranty, approved by the CS centre (``base_tier_validation``)
    before any stock or accounting document is made."""

    _name = "repair.warranty.request"
    _description = "Return/Exchange Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "repair.service.workflow.mixin",
        "repair.service.activity.mixin",
        "tier.validation",
    ]
    _order = "id desc"
    _check_company_auto = True
    _sequence_code = "repair.warranty.request"
    _workflow_fields = (
        "state",
        "outlet_id",
        "request_date",
        "return_picking_id",
        "delivery_picking_id",
        "credit_note_id",
        "depreciation_amount",
        "depreciation_days",
        "depreciation_rate",
        "repair_days",
        "refund_amount",
        "unit_price",
        "purchase_date",
    )
    _workflow_fixed_fields = ("repair_id", "company_id")
    _workflow_locks = (
        ([("state", "in", ("submitted", "approved"))], REQUEST_FACTS),
        ([("state", "in", ("done", "rejected", "cancelled"))], ALL_FIELDS),
    )
    _workflow_role_fields = (("group_cs_agent", ("cs_opinion",)),)
    # base_tier_validation: submitted → approved needs the CS centre
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    kind = fields.Selection(
        [("exchange", "Exchange"), ("refund", "Refund")],
        required=True,
        default="exchange",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    repair_id = fields.Many2one(
        "repair.order", string="Repair Order", check_company=True, tracking=True
    )
    outlet_id = fields.Many2one(
        "repair.service.outlet", check_company=True, tracking=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", tracking=True)
    product_id = fields.Many2one("product.product", check_company=True, tracking=True)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
        tracking=True,
    )
    request_date = fields.Date(
        default=fields.Date.context_today, readonly=True, copy=False
    )
    purchase_date = fields.Date(readonly=True, help="From the warranty decision.")
    symptom_id = fields.Many2one(
        "repair.service.fault.code",
        domain=[("kind", "=", "symptom")],
        check_company=True,
    )
    fault_description = fields.Text(help="The fault as the customer describes it.")
    repair_count = fields.Integer(
        string="Repairs so Far", compute="_compute_repairs_so_far"
    )
    lot_repair_ids = fields.Many2many(
        "repair.order", string="Repairs of the Unit", compute="_compute_repairs_so_far"
    )
    outlet_opinion = fields.Text(string="Outlet's Opinion")
    cs_opinion = fields.Text(string="CS Centre's Opinion", tracking=True)
    invoice_id = fields.Many2one(
        "account.move",
        string="Customer Invoice",
        check_company=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'), "
        "('commercial_partner_id', '=', partner_id)]",
        tracking=True,
        help="The posted invoice that sold the unit: found from the serial "
        "number's delivery when we sold it, otherwise chosen.",
    )
    unit_price = fields.Monetary(
        string="Invoiced Price",
        readonly=True,
        help="The price the customer paid for the unit, taxes included.",
    )
    depreciation_rate = fields.Float(
        string="Depreciation Rate (%/day)", readonly=True, digits=(16, 4)
    )
    repair_days = fields.Integer(
        string="Days in Repair",
        readonly=True,
        help="Days the unit spent in repair and waiting for parts: not "
        "counted for the depreciation.",
    )
    depreciation_days = fields.Integer(readonly=True)
    depreciation_amount = fields.Monetary(string="Depreciation", readonly=True)
    refund_amount = fields.Monetary(readonly=True, tracking=True)
    replacement_lot_id = fields.Many2one(
        "stock.lot",
        string="Replacement Serial Number",
        check_company=True,
        domain="[('product_id', '=', product_id), ('id', '!=', lot_id)]",
        tracking=True,
        help="A new unit of the same product, in stock, delivered to the customer.",
    )
    return_picking_id = fields.Many2one(
        "stock.picking", string="Return Receipt", readonly=True, copy=False
    )
    delivery_picking_id = fields.Many2one(
        "stock.picking", string="Replacement Delivery", readonly=True, copy=False
    )
    credit_note_id = fields.Many2one("account.move", readonly=True, copy=False)
    picking_count = fields.Integer(compute="_compute_picking_count")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("lot_id")
    def _compute_repairs_so_far(self):
        lots = self.lot_id
        counts, orders = {}, self.env["repair.order"]
        if lots:
            # the count is the unit's, the list what the user may open
            counts = dict(
                self.env["repair.order"]
                .sudo()
                ._read_group([("lot_id", "in", lots.ids)], ["lot_id"], ["__count"])
            )
            orders = orders.search([("lot_id", "in", lots.ids)])
        for request in self:
            request.lot_repair_ids = orders.filtered(
                lambda o, r=request: o.lot_id == r.lot_id
            )
            request.repair_count = counts.get(request.lot_id, 0)

    def _compute_picking_count(self):
        for request in self:
            request.picking_count = len(
                request.return_picking_id | request.delivery_picking_id
            )

    # ------------------------------------------------------------------
    # CRUD: prefilled from the repair order
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["repair.order"].browse(
            [v["repair_id"] for v in vals_list if v.get("repair_id")]
        )
        orders._check_warranty_request_proposer()
        for vals in vals_list:
            # the outlet is the order's, set by the module only: the caller's
            # values are checked by the guard, then the order's facts added
            self.browse()._check_workflow_write(vals)
            order = orders.browse(vals.get("repair_id"))
            if order:
                vals.update(self._values_from_order(order, vals))
                vals["outlet_id"] = order.sudo().outlet_id.id
        requests = super(RepairWarrantyRequest, self._workflow_step()).create(vals_list)
        requests = requests.with_env(self.env)
        requests._refresh_amounts()
        return requests

    @api.model
    def _values_from_order(self, order, vals):
        """The form prefilled from the order: its customer, unit and fault;
        the company and the outlet are always the order's."""
        order = order.sudo()
        facts = {
            "partner_id": order.partner_id.id,
            "product_id": order.product_id.id,
            "lot_id": order.lot_id.id,
        }
        values = {name: value for name, value in facts.items() if value}
        values["company_id"] = order.company_id.id
        for name, value in (
            ("symptom_id", order.symptom_id.id),
            ("fault_description", order.fault_description),
        ):
            if value and not vals.get(name):
                values[name] = value
        return values

    def write(self, vals):
        result = super().write(vals)
        # the refresh writes the amounts itself
        if REFRESH_TRIGGERS & set(vals) and "unit_price" not in vals:
            self._refresh_amounts()
        return result

    # ------------------------------------------------------------------
    # The amounts (R-25: depreciation of a refund after use)
    # ------------------------------------------------------------------
    def _refresh_amounts(self):
        """Purchase date, invoice, price and depreciation of draft requests,
        from the one warranty decision (set-based)."""
        requests = self.filtered(lambda r: r.state == "draft")
        if not requests:
            return
        decision = self.env["repair.warranty.decision"]
        orders = requests.repair_id
        order_decisions = decision._decide(orders) if orders else {}
        lot_decisions = decision._decide_lots(
            requests.filtered(lambda r: not r.repair_id).lot_id
        )
        invoices = requests._find_invoices()
        history, _same_fault = decision._repair_history(requests.lot_id, ())
        index = decision._policy_index(requests.company_id)
        for request in requests:
            facts = (
                order_decisions.get(request.repair_id.id)
                if request.repair_id
                else lot_decisions.get(request.lot_id.id)
            ) or {}
            invoice = request.invoice_id or invoices.get(
                request.id, self.env["account.move"]
            )
            policy = decision._match_policy(
                index, request.product_id, request.company_id
            )
            values = {
                "purchase_date": facts.get("purchase_date") or False,
                "invoice_id": invoice.id,
            }
            values.update(
                request._depreciation(policy, history, invoice, values["purchase_date"])
            )
            request.sudo()._workflow_step().write(values)

    def _find_invoices(self):
        """The posted customer invoice that sold each request's unit, from
        the serial number's delivery and its sale order: ``{request.id:
        invoice}``."""
        lots = self.lot_id
        if not lots:
            return {}
        lines = (
            self.env["stock.move.line"]
            .sudo()
            .search(
                [
                    ("lot_id", "in", lots.ids),
                    ("state", "=", "done"),
                    ("location_dest_id.usage", "=", "customer"),
                    ("move_id.sale_line_id", "!=", False),
                ],
                order="date desc, id desc",
            )
        )
        found = {}
        for request in self:
            line = lines.filtered(lambda ml, r=request: ml.lot_id == r.lot_id)[:1]
            invoices = line.move_id.sale_line_id.invoice_lines.move_id.filtered(
                lambda m: m.move_type == "out_invoice" and m.state == "posted"
            )
            if invoices:
                found[request.id] = invoices.sorted("invoice_date")[-1:]
        return found

    def _invoice_line(self, invoice=None):
        self.ensure_one()
        invoice = self.invoice_id if invoice is None else invoice
        return invoice.sudo().invoice_line_ids.filtered(
            lambda line: line.product_id == self.product_id and line.quantity
        )[:1]

    def _depreciation(self, policy, history, invoice, purchase):
        """R-25: a refund after use deducts depreciation at a daily rate
        from the purchase date to the request date, less the days in repair
        and waiting for parts; never below 0 nor above the price."""
        self.ensure_one()
        line = self._invoice_line(invoice)
        currency = self.currency_id
        price = currency.round(line.price_total / line.quantity) if line else 0.0
        rate = policy.depreciation_rate if policy else 0.0
        repair_days = history.get(self.lot_id.id, (0, False))[0] if self.lot_id else 0
        values = {
            "unit_price": price,
            "depreciation_rate": rate,
            "repair_days": repair_days,
            "depreciation_days": 0,
            "depreciation_amount": 0.0,
            "refund_amount": 0.0,
        }
        if self.kind != "refund" or not purchase:
            return values
        elapsed = max((self.request_date - purchase).days, 0)
        in_window = bool(
            policy and policy.refund_days and elapsed <= policy.refund_days
        )
        days = max(elapsed - repair_days, 0)
        if in_window and not policy.depreciation_in_refund_window:
            days = 0
        amount = min(max(currency.round(price * rate / 100.0 * days), 0.0), price)
        values.update(
            depreciation_days=days,
            depreciation_amount=amount,
            refund_amount=currency.round(price - amount),
        )
        return values

    # ------------------------------------------------------------------
    # Who acts
    # ------------------------------------------------------------------
    def _is_proposer(self):
        """The CS centre, or the outlet (technician, staff, manager) of the
        request's outlet."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("repair_service_mgmt.group_cs_agent"):
            return True
        outlet = self.sudo().outlet_id
        return user in (outlet.staff_ids | outlet.technician_ids | outlet.manager_id)

    def _check_proposer(self, action):
        for request in self:
            if not request._is_proposer():
                raise AccessError(
                    self.env._(
                        "Only the CS centre or the outlet of %(request)s may "
                        "%(action)s.",
                        request=request.display_name,
                        action=action,
                    )
                )

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def action_submit(self):
        """The outlet or the CS agent submits the form to the CS centre."""
        self._check_proposer(self.env._("submit a return/exchange request"))
        self._check_state(["draft"], self.env._("submit the request"))
        self._refresh_amounts()
        self._check_submittable()
        self._workflow_step().write({"state": "submitted"})
        self.invalidate_recordset(["need_validation"])
        for request in self:
            if not request.need_validation:
                raise UserError(
                    self.env._(
                        "No approval is configured for return/exchange "
                        "requests of %(company)s: ask the service administrator "
                        "to set one up (Settings › Tier Validations).",
                        company=request.company_id.name,
                    )
                )
        self._workflow_step().request_validation()
        # need_validation is computed without dependencies: read it afresh
        self.invalidate_recordset(["need_validation"])
        # the exchange proposed on the order is answered by the request
        self.repair_id.sudo()._warranty_exchange_close(
            self.env._("A return/exchange request was submitted.")
        )
        return True

    def _check_submittable(self):
        decision = self.env["repair.warranty.decision"]
        # a unit is returned or exchanged once
        others = dict(
            self.sudo()._read_group(
                [
                    ("lot_id", "in", self.lot_id.ids),
                    ("id", "not in", self.ids),
                    ("state", "in", ("submitted", "approved", "done")),
                ],
                ["lot_id"],
                ["name:array_agg"],
            )
        )
        # the decisions of all the requests at once
        by_order = decision._decide(self.repair_id)
        by_lot = decision._decide_lots(self.filtered(lambda r: not r.repair_id).lot_id)
        for request in self:
            if request.lot_id in others:
                raise UserError(
                    self.env._(
                        "%(lot)s already has the return/exchange request "
                        "%(other)s: follow that one.",
                        lot=request.lot_id.display_name,
                        other=", ".join(others[request.lot_id]),
                    )
                )
            missing = [
                label
                for name, label in (
                    ("partner_id", self.env._("the customer")),
                    ("product_id", self.env._("the product")),
                    ("lot_id", self.env._("the serial number")),
                )
                if not request[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(request)s: enter %(missing)s before submitting it.",
                        request=request.display_name,
                        missing=", ".join(missing),
                    )
                )
            if request.repair_id:
                facts = by_order[request.repair_id.id]
            else:
                facts = by_lot[request.lot_id.id]
            if not {"exchange", "refund"} & set(facts["options"]):
                raise UserError(
                    self.env._(
                        "The warranty decision offers no exchange or refund for "
                        "%(lot)s (%(reason)s): repair the unit instead.",
                        lot=request.lot_id.display_name,
                        reason=facts["reason"],
                    )
                )
            if request.kind == "refund" and not request.sudo()._invoice_line():
                raise UserError(
                    self.env._(
                        "%(request)s: choose the customer's posted invoice that "
                        "sold %(product)s; the refund reverses it.",
                        request=request.display_name,
                        product=request.product_id.display_name,
                    )
                )

    def _check_reviewer(self, action):
        for request in self:
            if request.state != "submitted" or not request.can_review:
                raise AccessError(
                    self.env._(
                        "Only a reviewer of %(request)s (the CS centre) may "
                        "%(action)s it, while it is submitted.",
                        request=request.display_name,
                        action=action,
                    )
                )

    def validate_tier(self):
        self._check_reviewer(self.env._("approve"))
        return super().validate_tier() or True

    def reject_tier(self):
        self._check_reviewer(self.env._("reject"))
        return super().reject_tier() or True

    def _validate_tier(self, tiers=False):
        """The last tier validated by a reviewer approves the request."""
        result = super()._validate_tier(tiers)
        self._approve_if_validated()
        return result

    def _approve_if_validated(self):
        for request in self.filtered(lambda r: r.state == "submitted"):
            reviews = request.review_ids
            if not reviews or request.validation_status != "validated":
                continue
            # every review approved by one of its own reviewers
            if any(
                review.status != "approved" or review.done_by not in review.reviewer_ids
                for review in reviews
            ):
                continue
            # need_validation is computed without dependencies: drop it
            request.invalidate_recordset(["need_validation"])
            request._workflow_step().write({"state": "approved"})
            request.message_post(
                body=self.env._(
                    "Approved by the CS centre: the return/exchange can be processed."
                )
            )
            # the reviewer who approved it (a CS-centre user) makes the documents
            request._activity_start(PROCESS_ACTIVITY, self.env.user)

    def _rejected_tier(self, tiers=False):
        result = super()._rejected_tier(tiers)
        for request in self.filtered(lambda r: r.state == "submitted"):
            if any(r.status == "rejected" for r in request.review_ids):
                request._workflow_step().write({"state": "rejected"})
        return result

    def _get_under_validation_exceptions(self):
        # the state moves through the steps (guarded by the workflow guard)
        return super()._get_under_validation_exceptions() + [
            "state",
            *REVIEW_OPEN_FIELDS,
        ]

    def _get_all_validation_exceptions(self):
        # the form keeps them open while the request is reviewed and approved
        return super()._get_all_validation_exceptions() + list(REVIEW_OPEN_FIELDS)

    def restart_validation(self):
        raise UserError(
            self.env._(
                "A submitted return/exchange request is approved or rejected "
                "by the CS centre: cancel it and make a new one to start again."
            )
        )

    def action_cancel(self):
        self._check_proposer(self.env._("cancel a return/exchange request"))
        self._check_state(
            ["draft", "submitted", "approved"], self.env._("cancel the request")
        )
        self._workflow_step().write({"state": "cancelled"})
        self._activity_cancel([PROCESS_ACTIVITY])
        return True

    def action_process(self):
        """R-23: once approved, the documents: the return receipt of the
        faulty unit, and the delivery of the replacement or the credit note
        reversing the customer invoice less the depreciation."""
        self._check_role(
            "group_cs_agent", self.env._("process a return/exchange request")
        )
        self._check_state(["approved"], self.env._("process the request"))
        for request in self:
            if request.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "%(request)s is not approved by the CS centre.",
                        request=request.display_name,
                    )
                )
            if request.kind == "exchange":
                request._check_replacement()
        for request in self:
            request._process_one()
        return True

    def _check_replacement(self):
        self.ensure_one()
        lot = self.replacement_lot_id
        if not lot:
            raise UserError(
                self.env._(
                    "%(request)s: choose the replacement serial number of "
                    "%(product)s from the stock.",
                    request=self.display_name,
                    product=self.product_id.display_name,
                )
            )
        warehouse = self._warehouse()
        quants = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("lot_id", "=", lot.id),
                    ("location_id", "child_of", warehouse.lot_stock_id.id),
                ],
                [],
                ["quantity:sum"],
            )
        )
        if (quants[0][0] or 0) < 1:
            raise UserError(
                self.env._(
                    "%(lot)s is not in the stock of %(warehouse)s: choose a "
                    "serial number of %(product)s that is available.",
                    lot=lot.display_name,
                    warehouse=warehouse.display_name,
                    product=self.product_id.display_name,
                )
            )

    def _warehouse(self):
        return (
            self.env["stock.warehouse"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)], limit=1)
        )

    def _process_one(self):
        self.ensure_one()
        step = self.sudo()._workflow_step()
        values = {"state": "done"}
        values["return_picking_id"] = self._make_picking("incoming", self.lot_id).id
        if self.kind == "exchange":
            delivery = self._make_picking("outgoing", self.replacement_lot_id)
            values["delivery_picking_id"] = delivery.id
            self.replacement_lot_id.sudo().warranty_exchange_request_id = self
        else:
            values["credit_note_id"] = self._make_credit_note().id
        step.write(values)
        self._activity_close([PROCESS_ACTIVITY])
        self._close_repair_order()

    def _make_picking(self, code, lot):
        """A validated picking of one unit of ``lot``: ``incoming`` from the
        customer into the stock, ``outgoing`` from the stock to the customer."""
        warehouse = self._warehouse()
        picking_type = (
            warehouse.in_type_id if code == "incoming" else warehouse.out_type_id
        )
        customer = self.partner_id.property_stock_customer or self.env.ref(
            "stock.stock_location_customers"
        )
        stock = warehouse.lot_stock_id
        source, dest = (customer, stock) if code == "incoming" else (stock, customer)
        Picking = self.env["stock.picking"].sudo().with_company(self.company_id)
        picking = Picking.create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": self.partner_id.id,
                "location_id": source.id,
                "location_dest_id": dest.id,
                "origin": self.name,
                "move_ids": [
                    fields.Command.create(
                        {
                            "name": self.name,
                            "product_id": self.product_id.id,
                            "product_uom_qty": 1,
                            "product_uom": self.product_id.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": dest.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        move = picking.move_ids
        move.move_line_ids.unlink()
        self.env["stock.move.line"].sudo().create(
            {
                "move_id": move.id,
                "picking_id": picking.id,
                "product_id": self.product_id.id,
                "product_uom_id": self.product_id.uom_id.id,
                "lot_id": lot.id,
                "quantity": 1,
                "location_id": source.id,
                "location_dest_id": dest.id,
            }
        )
        move.picked = True
        picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
        if picking.state != "done":
            raise UserError(
                self.env._(
                    "%(picking)s could not be validated: check the stock of %(lot)s.",
                    picking=picking.display_name,
                    lot=lot.display_name,
                )
            )
        return picking

    def _make_credit_note(self):
        """The credit note reversing the unit's invoice line, less the
        depreciation (its total is the refund amount), posted."""
        self.ensure_one()
        invoice = self.invoice_id.sudo()
        line = self._invoice_line()
        reversal = invoice.with_company(self.company_id)._reverse_moves(
            [
                {
                    "ref": self.env._(
                        "Refund %(request)s of %(invoice)s",
                        request=self.name,
                        invoice=invoice.name,
                    ),
                    "invoice_date": fields.Date.context_today(self),
                }
            ]
        )
        product_lines = reversal.invoice_line_ids.filtered(
            lambda ln: ln.display_type == "product"
        )
        keep = product_lines.filtered(
            lambda ln: (
                ln.product_id == self.product_id and ln.price_unit == line.price_unit
            )
        )[:1]
        commands = [fields.Command.delete(other.id) for other in product_lines - keep]
        commands.append(fields.Command.update(keep.id, {"quantity": 1}))
        if self.depreciation_amount:
            commands.append(
                fields.Command.create(
                    {
                        "name": self.env._(
                            "Depreciation: %(days)s days at %(rate)s %% a day",
                            days=self.depreciation_days,
                            rate=self.depreciation_rate,
                        ),
                        "account_id": keep.account_id.id,
                        "quantity": 1,
                        "price_unit": -self.depreciation_amount,
                        "tax_ids": [fields.Command.clear()],
                    }
                )
            )
        reversal.write({"invoice_line_ids": commands})
        if reversal.currency_id.compare_amounts(
            reversal.amount_total, self.refund_amount
        ):
            raise UserError(
                self.env._(
                    "The credit note of %(request)s comes to %(total)s instead "
                    "of the refund of %(refund)s: check the taxes of %(invoice)s.",
                    request=self.name,
                    total=reversal.amount_total,
                    refund=self.refund_amount,
                    invoice=invoice.name,
                )
            )
        reversal.action_post()
        return reversal

    def _close_repair_order(self):
        """The repair order answered by the exchange or refund: closed with
        that reason, its chatter tells what was done."""
        order = self.repair_id.sudo()
        if not order:
            return
        kind = dict(self._fields["kind"]._description_selection(self.env))[self.kind]
        order.message_post(
            body=self.env._(
                "%(kind)s %(request)s done under the warranty: the order is closed.",
                kind=kind,
                request=self.name,
            )
        )
        if order.state not in ("done", "cancel"):
            step = order._workflow_step()
            step.action_repair_cancel()
            step.write(
                {"close_reason": "exchanged" if self.kind == "exchange" else "refunded"}
            )

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------
    def action_view_pickings(self):
        self.ensure_one()
        pickings = self.return_picking_id | self.delivery_picking_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transfers"),
            "res_model": "stock.picking",
            "view_mode": "list,form",
            "domain": [("id", "in", pickings.ids)],
        }

    def action_view_credit_note(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.credit_note_id.id,
            "view_mode": "form",
        }

    def action_view_repair(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "res_id": self.repair_id.id,
            "view_mode": "form",
        }

    def _open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
        }
