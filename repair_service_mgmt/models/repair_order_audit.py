# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models


class RepairOrder(models.Model):
    """Repair orders are cancelled, not deleted; their chatter is kept."""

    _name = "repair.order"
    _inherit = ["repair.order", "repair.service.audit.mixin"]

    @api.model
    def _audit_keep_advice(self):
        return self.env._("Cancel the order instead: it stays in the records.")

    def _audit_delete_blockers(self):
        reasons = defaultdict(list)
        # the service records that refer to the orders, one query each
        for model, field, reason in (
            ("repair.service.visit", "repair_id", self.env._("it has visits")),
            (
                "repair.service.cash.collection",
                "repair_id",
                self.env._("cash was collected for it"),
            ),
            (
                "repair.service.followup",
                "repair_id",
                self.env._("it has a follow-up call"),
            ),
            (
                "repair.service.complaint",
                "repair_ids",
                self.env._("a complaint refers to it"),
            ),
            (
                "repair.service.violation",
                "repair_id",
                self.env._("a violation refers to it"),
            ),
        ):
            groups = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                ._read_group([(field, "in", self.ids)], [field])
            )
            for (order,) in groups:
                reasons[order.id].append(reason)
        for order in self.sudo():
            if order.consent_signature or order.acceptance_signature:
                reasons[order.id].append(self.env._("the customer signed it"))
            elif order.consent_state != "none" or order.acceptance_state != "none":
                reasons[order.id].append(
                    self.env._("the customer's consent or acceptance is recorded")
                )
            if order.close_reason:
                reasons[order.id].append(
                    self.env._("it was closed as answered or declined")
                )
            if order.state in ("under_repair", "done"):
                reasons[order.id].append(self.env._("its repair was started"))
            if order.sale_order_id:
                reasons[order.id].append(
                    self.env._("it has a quotation, sale order or invoice")
                )
        return {order: reasons[order.id] for order in self if reasons[order.id]}
