# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class RepairOrder(models.Model):
    """Charging (R-14): the warranty status, the quotation → sale order →
    invoice → payment of out-of-warranty repairs, the printed fees and the
    cash technicians collect on site."""

    _inherit = "repair.order"

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
        help="Where the charging of this order stands: in-warranty repairs are "
        "free; others are quoted, invoiced and paid in Odoo.",
    )
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

    # ------------------------------------------------------------------
    # Warranty status
    # ------------------------------------------------------------------
    def action_open_warranty_wizard(self):
        self.ensure_one()
        self._check_role("group_cs_manager", self.env._("change the warranty status"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Warranty Status"),
            "res_model": "repair.order.warranty.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_repair_id": self.id,
                "default_under_warranty": not self.under_warranty,
            },
        }

    def action_set_warranty(self, under_warranty, reason):
        """The manager's override of the warranty decision (R-24): see
        ``action_override_warranty`` (repair_order_warranty.py)."""
        return self.action_override_warranty("in" if under_warranty else "out", reason)

    # ------------------------------------------------------------------
    # Quotation
    # ------------------------------------------------------------------
    def action_create_sale_order(self):
        """The quotation step: the only way an order gets its sale order."""
        service = self.filtered("outlet_id")
        service._check_service_actor(self.env._("create the quotation"))
        for order in service.filtered(lambda o: o.state == "cancel"):
            raise UserError(
                self.env._(
                    "%(order)s is cancelled: nothing is charged for it.",
                    order=order.display_name,
                )
            )
        # outlet staff prepare quotations without being salespeople: the
        # step creates the sale order once it checked who acts
        step = self._workflow_step()
        if service and not self.env.su and self.env.user._repair_is_outlet_only():
            step = step.sudo()
        return super(RepairOrder, step).action_create_sale_order()

    # ------------------------------------------------------------------
    # The printed repair record
    # ------------------------------------------------------------------
    def _get_repair_record_parts(self):
        """The parts of the printed repair record with their prices: the
        quotation's price when the part is on the sale order, otherwise the
        product's list price; in warranty nothing is charged.

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
    # Cash collected on site and handed in
    # ------------------------------------------------------------------
    def action_record_cash(self):
        """Open a new cash collection for this order."""
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
