# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# the order's intake channels as complaint channels
CHANNEL_OF_INTAKE = {
    "phone": "phone",
    "walk_in": "visit",
    "onsite_request": "visit",
    "portal": "portal",
    "email": "email",
    "staff": "phone",
}


class RepairOrder(models.Model):
    """R-02, R-30: a request of type “Complaint” taken at the order intake
    becomes a complaint record; the intake order is only its trace (it is
    cancelled at once and listed on the complaint)."""

    _inherit = "repair.order"

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders.filtered(
            lambda o: o.request_type == "complaint"
        )._complaint_from_intake()
        return orders

    def write(self, vals):
        result = super().write(vals)
        if vals.get("request_type") == "complaint":
            self.filtered(lambda o: o.state == "draft")._complaint_from_intake()
        return result

    def _complaint_vals(self):
        """A complaint's values from this order's request."""
        self.ensure_one()
        return {
            "channel": CHANNEL_OF_INTAKE.get(self.intake_channel, "phone"),
            "partner_id": self.partner_id.id,
            "product_id": self.product_id.id,
            "lot_id": self.lot_id.id,
            "outlet_id": self.outlet_id.id,
            "technician_id": self.technician_id.id,
            "description": self.fault_description or self.name,
            "company_id": self.company_id.id,
            "repair_ids": [(6, 0, self.ids)],
        }

    def _complaint_from_intake(self):
        """One complaint per order not yet recorded as one; the orders are
        cancelled (they were only the intake of the complaint)."""
        Complaint = self.env["repair.service.complaint"]
        known = Complaint.sudo().search([("repair_ids", "in", self.ids)]).repair_ids
        todo = self.filtered(lambda o: o not in known and o.partner_id)
        if not todo:
            return Complaint
        complaints = Complaint.create([order._complaint_vals() for order in todo])
        for order, complaint in zip(todo, complaints, strict=True):
            order.message_post(
                body=self.env._(
                    "Recorded as the complaint %(complaint)s.",
                    complaint=complaint.name,
                )
            )
        # an intake not dispatched yet was only the complaint's; an order
        # already sent to an outlet goes on, listed on the complaint
        todo.filtered(
            lambda o: o.state == "draft" and not o.outlet_id
        )._workflow_step().action_repair_cancel()
        return complaints

    def action_record_complaint(self):
        """The intake form's button: the complaint recorded from this request,
        opened."""
        self.ensure_one()
        complaint = (
            self.env["repair.service.complaint"].search(
                [("repair_ids", "in", self.ids)], limit=1
            )
            or self._complaint_from_intake()
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.service.complaint",
            "res_id": complaint.id,
            "view_mode": "form",
        }
