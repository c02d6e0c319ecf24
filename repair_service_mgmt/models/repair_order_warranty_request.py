# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class RepairOrder(models.Model):
    """R-23: the order proposes the exchange or the refund its warranty
    decision offers, on a 《用户单台退换机处理表》."""

    _inherit = "repair.order"

    close_reason = fields.Selection(
        selection_add=[
            ("exchanged", "Exchanged under the warranty"),
            ("refunded", "Refunded under the warranty"),
        ]
    )
    warranty_request_ids = fields.One2many(
        "repair.warranty.request", "repair_id", string="Return/Exchange Requests"
    )
    warranty_request_count = fields.Integer(compute="_compute_warranty_request_count")
    warranty_request_possible = fields.Boolean(
        compute="_compute_warranty_request_possible",
        help="The warranty decision offers an exchange or a refund.",
    )

    def _compute_warranty_request_count(self):
        counts = dict(
            self.env["repair.warranty.request"]._read_group(
                [("repair_id", "in", self.ids)], ["repair_id"], ["__count"]
            )
        )
        for order in self:
            order.warranty_request_count = counts.get(order, 0)

    @api.depends("under_warranty", "lot_id", "product_id", "warranty_request_ids.state")
    @api.depends_context("tz")
    def _compute_warranty_request_possible(self):
        orders = self.filtered(lambda o: isinstance(o.id, int))
        decisions = (
            self.env["repair.warranty.decision"]._decide(orders) if orders else {}
        )
        for order in self:
            options = decisions.get(order.id, {}).get("options", [])
            open_requests = order.warranty_request_ids.filtered(
                lambda r: r.state not in ("rejected", "cancelled")
            )
            order.warranty_request_possible = bool(
                order.lot_id
                and order.state != "cancel"
                and not open_requests
                and {"exchange", "refund"} & set(options)
            )

    def _check_warranty_request_proposer(self):
        """The CS centre, or the outlet the order is dispatched to."""
        user = self.env.user
        if self.env.su or user.has_group("repair_service_mgmt.group_cs_agent"):
            return
        for order in self.sudo():
            outlet = order.outlet_id
            if user not in (
                outlet.staff_ids | outlet.technician_ids | outlet.manager_id
            ):
                raise AccessError(
                    self.env._(
                        "Only the CS centre or the outlet of %(order)s may "
                        "propose an exchange or a refund for it.",
                        order=order.display_name,
                    )
                )

    def action_create_warranty_request(self):
        """A draft request prefilled from the order (exchange first, a
        refund when only a refund is offered)."""
        self.ensure_one()
        self._check_warranty_request_proposer()
        decision = self.env["repair.warranty.decision"]._decide(self)[self.id]
        kind = "exchange" if "exchange" in decision["options"] else "refund"
        request = self.env["repair.warranty.request"].create(
            {"repair_id": self.id, "kind": kind}
        )
        return request._open_form()

    def action_view_warranty_requests(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return/Exchange Requests"),
            "res_model": "repair.warranty.request",
            "view_mode": "list,form",
            "domain": [("repair_id", "=", self.id)],
            "context": {"default_repair_id": self.id},
        }
