# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class RepairWarrantyExclusionReason(models.Model):
    _inherit = "repair.warranty.exclusion.reason"

    presumption_applies = fields.Boolean(
        string="Waits for the CS Centre in the Presumption Window",
        default=True,
        help="A cause of the defect (misuse, modification…): for a durable "
        "good, inside the window after delivery, it makes the repair "
        "chargeable only once the CS centre confirms it. Untick it for facts "
        "of the sale (seconds, missing evidence).",
    )


class RepairWarrantyExclusion(models.Model):
    """R-25: inside the presumption window of a durable good, an exclusion
    recorded by the outlet counts once the CS centre confirms it."""

    _name = "repair.warranty.exclusion"
    _inherit = ["repair.warranty.exclusion", "repair.service.workflow.mixin"]

    _workflow_fields = ("cs_confirmed", "cs_confirmed_by_id", "cs_confirmed_at")
    # what the CS centre confirmed stays as it confirmed it
    _workflow_locks = (([("cs_confirmed", "=", True)], ("repair_id", "reason_id")),)

    cs_confirmed = fields.Boolean(
        string="Confirmed by the CS Centre", readonly=True, copy=False
    )
    cs_confirmed_by_id = fields.Many2one(
        "res.users", string="Confirmed By", readonly=True, copy=False
    )
    cs_confirmed_at = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    needs_cs_confirmation = fields.Boolean(
        compute="_compute_needs_cs_confirmation",
        string="Waits for the CS Centre",
        help="Found within the presumption window after delivery: the repair "
        "stays free until the CS centre confirms the exclusion.",
    )

    @api.depends(
        "cs_confirmed",
        "reason_id",
        "repair_id.product_id",
        "repair_id.lot_id",
        "repair_id.purchase_invoice_date",
        "repair_id.warranty_card_number",
        "repair_id.purchase_invoice_number",
    )
    def _compute_needs_cs_confirmation(self):
        # the decision says which exclusions wait for the CS centre
        orders = self.repair_id.filtered("id")
        decisions = self.env["repair.warranty.decision"]._decide(orders)
        for exclusion in self:
            decision = decisions.get(exclusion.repair_id.id, {})
            exclusion.needs_cs_confirmation = exclusion.id in decision.get(
                "pending_exclusion_ids", []
            )

    def unlink(self):
        confirmed = self.filtered("cs_confirmed")
        if confirmed:
            confirmed._check_role(
                "group_cs_manager",
                self.env._("remove an exclusion the CS centre confirmed"),
            )
        return super().unlink()

    def action_cs_confirm(self):
        """The CS centre confirms the exclusion found inside the presumption
        window: from now on it makes the repair chargeable."""
        self._check_role("group_cs_manager", self.env._("confirm a warranty exclusion"))
        self._check_repair_open(self.repair_id)
        for exclusion in self:
            if exclusion.cs_confirmed:
                raise UserError(
                    self.env._(
                        "The exclusion “%(reason)s” of %(order)s is already confirmed.",
                        reason=exclusion.reason_id.name,
                        order=exclusion.repair_id.display_name,
                    )
                )
        orders = self.repair_id
        before = {order.id: order.under_warranty for order in orders}
        self.sudo()._workflow_step().write(
            {
                "cs_confirmed": True,
                "cs_confirmed_by_id": self.env.uid,
                "cs_confirmed_at": fields.Datetime.now(),
            }
        )
        for exclusion in self:
            exclusion.repair_id.message_post(
                body=self.env._(
                    "Warranty exclusion “%(reason)s” confirmed by the CS centre "
                    "(%(user)s).",
                    reason=exclusion.reason_id.name,
                    user=self.env.user.name,
                )
            )
        orders.sudo()._warranty_follow(before)
        return True
