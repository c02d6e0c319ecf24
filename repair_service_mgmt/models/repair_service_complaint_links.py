# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


def _complaint_counts(records, field):
    """Complaints per record of ``records`` through ``field``, in one query
    (those the user may read)."""
    groups = records.env["repair.service.complaint"]._read_group(
        [(field, "in", records.ids)], [field], ["__count"]
    )
    return {record.id: count for record, count in groups}


def _complaints_action(records, domain, context=None):
    action = records.env["ir.actions.act_window"]._for_xml_id(
        "repair_service_mgmt.repair_service_complaint_action"
    )
    action["domain"] = domain
    action["context"] = context or {}
    return action


class RepairServiceComplaint(models.Model):
    """R-30: from a complaint to its orders, serial and outlet."""

    _inherit = "repair.service.complaint"

    def action_view_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair_service_mgmt.repair_order_action"
        )
        action["domain"] = [("id", "in", self.repair_ids.ids)]
        action["context"] = {}
        return action

    def action_view_lot(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.lot",
            "res_id": self.lot_id.id,
            "view_mode": "form",
        }

    def action_view_outlet(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.service.outlet",
            "res_id": self.outlet_id.id,
            "view_mode": "form",
        }


class RepairOrder(models.Model):
    _inherit = "repair.order"

    complaint_count = fields.Integer(
        compute="_compute_complaint_count", groups="base.group_user"
    )

    def _compute_complaint_count(self):
        counts = _complaint_counts(self, "repair_ids")
        for order in self:
            order.complaint_count = counts.get(order.id, 0)

    def action_view_complaints(self):
        self.ensure_one()
        return _complaints_action(self, [("repair_ids", "in", self.ids)])


class StockLot(models.Model):
    _inherit = "stock.lot"

    complaint_count = fields.Integer(
        compute="_compute_complaint_count", groups="base.group_user"
    )

    def _compute_complaint_count(self):
        counts = _complaint_counts(self, "lot_id")
        for lot in self:
            lot.complaint_count = counts.get(lot.id, 0)

    def action_view_complaints(self):
        self.ensure_one()
        return _complaints_action(
            self,
            [("lot_id", "=", self.id)],
            {"default_lot_id": self.id, "default_product_id": self.product_id.id},
        )


class RepairServiceOutlet(models.Model):
    _inherit = "repair.service.outlet"

    complaint_count = fields.Integer(
        compute="_compute_complaint_count", groups="base.group_user"
    )

    def _compute_complaint_count(self):
        counts = _complaint_counts(self, "outlet_id")
        for outlet in self:
            outlet.complaint_count = counts.get(outlet.id, 0)

    def action_view_complaints(self):
        self.ensure_one()
        return _complaints_action(
            self, [("outlet_id", "=", self.id)], {"default_outlet_id": self.id}
        )


class RepairServiceComplaintPortal(models.Model):
    _inherit = "repair.service.complaint"

    def _get_portal_status(self):
        """What the complainant sees of the handling."""
        self.ensure_one()
        return {
            "new": self.env._("Received"),
            "analysed": self.env._("Being handled"),
            "to_approve": self.env._("Being handled"),
            "approved": self.env._("Being handled"),
            "resolved": self.env._("Resolved"),
            "followed_up": self.env._("Resolved"),
            "closed": self.env._("Closed"),
            "invalid": self.env._("Answered"),
            "cancelled": self.env._("Withdrawn"),
        }[self.state]
