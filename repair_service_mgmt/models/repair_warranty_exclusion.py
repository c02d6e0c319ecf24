# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class RepairWarrantyExclusion(models.Model):
    """R-22: an exclusion the technician found on the unit, with the photo
    that shows it; it makes the repair chargeable even inside the period."""

    _name = "repair.warranty.exclusion"
    _description = "Warranty Exclusion"
    _order = "id"
    _check_company_auto = True

    repair_id = fields.Many2one(
        "repair.order", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="repair_id.company_id", store=True)
    reason_id = fields.Many2one(
        "repair.warranty.exclusion.reason", required=True, ondelete="restrict"
    )
    note = fields.Text()
    photo = fields.Image(max_width=1920, max_height=1920, attachment=True)
    recorded_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        readonly=True,
    )

    def _check_repair_open(self, repairs):
        """A finished order keeps the warranty it was charged with."""
        if self.env.su:
            return
        for order in repairs.filtered(lambda o: o.state in ("done", "cancel")):
            raise UserError(
                self.env._(
                    "%(order)s is finished: its warranty is kept as it was charged.",
                    order=order.display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        repairs = self.env["repair.order"].browse(
            [vals["repair_id"] for vals in vals_list if vals.get("repair_id")]
        )
        self._check_repair_open(repairs)
        before = {order.id: order.under_warranty for order in repairs}
        exclusions = super().create(vals_list)
        exclusions.repair_id._warranty_follow(before)
        return exclusions

    def write(self, vals):
        self._check_repair_open(self.repair_id)
        return super().write(vals)

    def unlink(self):
        repairs = self.repair_id
        self._check_repair_open(repairs)
        before = {order.id: order.under_warranty for order in repairs}
        result = super().unlink()
        repairs.exists()._warranty_follow(before)
        return result
