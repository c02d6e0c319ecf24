# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from .repair_service_complaint_approval import (
    COMPENSATION_ACTIVITY,
    CRISIS_ACTIVITY,
)


class RepairServiceComplaint(models.Model):
    """R-33: no compensation in money or goods before the chain approved it;
    the compensation itself is a real document — a customer credit note, a
    payment or a delivery of goods — linked to the complaint, made once."""

    _inherit = "repair.service.complaint"

    compensation_count = fields.Integer(compute="_compute_compensation_count")

    def _compute_compensation_count(self):
        for complaint in self:
            complaint.compensation_count = int(
                bool(
                    complaint.compensation_move_id
                    or complaint.compensation_payment_id
                    or complaint.compensation_picking_id
                )
            )

    def action_analyse(self):
        result = super().action_analyse()
        # the CS centre took the crisis event up
        self._activity_close(
            [CRISIS_ACTIVITY], feedback=self.env._("The crisis event is analysed.")
        )
        return result

    def action_mark_invalid(self):
        result = super().action_mark_invalid()
        self._activity_close(
            [CRISIS_ACTIVITY], feedback=self.env._("The complaint is invalid.")
        )
        return result

    def action_pay_compensation(self):
        """The approved compensation paid: the document made and posted (or
        the goods delivered), linked to the complaint; then it is resolved."""
        action = self.env._("pay the compensation of a complaint")
        self._check_role("group_cs_agent", action)
        for complaint in self:
            if complaint.compensation_kind == "none":
                raise UserError(
                    self.env._(
                        "%(complaint)s pays no compensation.",
                        complaint=complaint.display_name,
                    )
                )
            if complaint.compensated_at:
                raise UserError(
                    self.env._(
                        "The compensation of %(complaint)s was already paid on "
                        "%(date)s: it is paid once.",
                        complaint=complaint.display_name,
                        date=fields.Datetime.to_string(complaint.compensated_at),
                    )
                )
            if (
                complaint.state != "approved"
                or complaint.validation_status != "validated"
            ):
                raise UserError(
                    self.env._(
                        "%(complaint)s is not approved yet: no compensation is "
                        "paid before its approval chain approved it (Submit for "
                        "Approval, then each reviewer in turn).",
                        complaint=complaint.display_name,
                    )
                )
            complaint._check_compensation()
            complaint._require(["resolution"], action)
        for complaint in self:
            complaint._pay_one()
        self._activity_close(
            [COMPENSATION_ACTIVITY], feedback=self.env._("Compensation paid.")
        )
        return self.action_resolve()

    def _pay_one(self):
        self.ensure_one()
        values = {
            "compensated_at": fields.Datetime.now(),
            "compensated_by_id": self.env.uid,
        }
        kind = self.compensation_kind
        if kind == "credit_note":
            values["compensation_move_id"] = self._make_compensation_credit_note().id
        elif kind == "payment":
            values["compensation_payment_id"] = self._make_compensation_payment().id
        else:
            values["compensation_picking_id"] = self._make_compensation_delivery().id
        self.sudo()._workflow_step().write(values)
        self.sudo().message_post(
            body=self.env._(
                "Compensation paid: %(document)s.",
                document=(
                    self.compensation_move_id
                    or self.compensation_payment_id
                    or self.compensation_picking_id
                ).display_name,
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _compensation_label(self):
        return self.env._(
            "Compensation for complaint %(complaint)s", complaint=self.name
        )

    def _make_compensation_credit_note(self):
        """A customer credit note of the amount, posted."""
        journal = (
            self.env["account.journal"]
            .sudo()
            .search(
                [("type", "=", "sale"), ("company_id", "=", self.company_id.id)],
                limit=1,
            )
        )
        if not journal:
            raise UserError(
                self.env._(
                    "%(company)s has no sales journal for the credit note: ask "
                    "the accountant to set one up.",
                    company=self.company_id.name,
                )
            )
        move = (
            self.env["account.move"]
            .sudo()
            .with_company(self.company_id)
            .create(
                {
                    "move_type": "out_refund",
                    "partner_id": self.compensation_partner_id.id,
                    "journal_id": journal.id,
                    "invoice_date": fields.Date.context_today(self),
                    "ref": self._compensation_label(),
                    "invoice_origin": self.name,
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "name": self._compensation_label(),
                                "quantity": 1,
                                "price_unit": self.compensation_amount,
                                "tax_ids": [fields.Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        move.action_post()
        return move

    def _make_compensation_payment(self):
        """An outbound payment of the amount to the partner, posted."""
        journal = (
            self.env["account.journal"]
            .sudo()
            .search(
                [
                    ("type", "in", ("bank", "cash")),
                    ("company_id", "=", self.company_id.id),
                ],
                order="type, id",
                limit=1,
            )
        )
        if not journal:
            raise UserError(
                self.env._(
                    "%(company)s has no bank or cash journal to pay from: ask "
                    "the accountant to set one up.",
                    company=self.company_id.name,
                )
            )
        payment = (
            self.env["account.payment"]
            .sudo()
            .with_company(self.company_id)
            .create(
                {
                    "payment_type": "outbound",
                    "partner_type": "customer",
                    "partner_id": self.compensation_partner_id.id,
                    "amount": self.compensation_amount,
                    "currency_id": self.currency_id.id,
                    "journal_id": journal.id,
                    "date": fields.Date.context_today(self),
                    "memo": self._compensation_label(),
                }
            )
        )
        payment.action_post()
        return payment

    def _make_compensation_delivery(self):
        """An outgoing transfer of the goods to the partner, validated when
        they are in stock (otherwise it waits for them)."""
        warehouse = (
            self.env["stock.warehouse"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)], limit=1)
        )
        if not warehouse:
            raise UserError(
                self.env._(
                    "%(company)s has no warehouse to deliver the goods from.",
                    company=self.company_id.name,
                )
            )
        product = self.compensation_product_id
        customer = self.compensation_partner_id.property_stock_customer or (
            self.env.ref("stock.stock_location_customers")
        )
        source = warehouse.lot_stock_id
        Picking = self.env["stock.picking"].sudo().with_company(self.company_id)
        picking = Picking.create(
            {
                "picking_type_id": warehouse.out_type_id.id,
                "partner_id": self.compensation_partner_id.id,
                "location_id": source.id,
                "location_dest_id": customer.id,
                "origin": self.name,
                "move_ids": [
                    fields.Command.create(
                        {
                            "name": self._compensation_label(),
                            "product_id": product.id,
                            "product_uom_qty": self.compensation_qty,
                            "product_uom": product.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": customer.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        move = picking.move_ids
        if (
            product.tracking == "none"
            and move.state == "assigned"
            and not float_compare(
                move.quantity,
                move.product_uom_qty,
                precision_rounding=move.product_uom.rounding,
            )
        ):
            move.picked = True
            picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
        return picking

    # ------------------------------------------------------------------
    # Smart button
    # ------------------------------------------------------------------
    def action_view_compensation(self):
        self.ensure_one()
        if self.compensation_picking_id:
            model, record = "stock.picking", self.compensation_picking_id
        elif self.compensation_payment_id:
            model, record = "account.payment", self.compensation_payment_id
        else:
            model, record = "account.move", self.compensation_move_id
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "res_id": record.id,
            "view_mode": "form",
        }
