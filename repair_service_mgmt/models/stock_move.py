# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from .repair_service_bounds import MAX_QUANTITY, check_bounds
from .repair_service_workflow_mixin import in_workflow_step

# what the customer agrees to about a part: a change needs a new consent;
# another part, unit or kind of line is not consented at all
KIND_FIELDS = ("product_id", "product_uom", "repair_line_type")
CONSENTED_FIELDS = (*KIND_FIELDS, "product_uom_qty")


class StockMove(models.Model):
    """R-10: parts of a service order are used only with the customer's
    consent; a part added or changed after the consent needs a new one."""

    _inherit = "stock.move"

    repair_consent_qty = fields.Float(
        string="Consented Quantity",
        digits="Product Unit of Measure",
        readonly=True,
        copy=False,
        help="The quantity of this part the customer agreed to.",
    )

    @api.constrains("product_uom_qty", "repair_id")
    def _check_repair_quantity(self):
        check_bounds(self.filtered("repair_id"), "product_uom_qty", MAX_QUANTITY)

    def _repair_needs_consent(self):
        """The parts of service orders the customer has not agreed to."""
        return self.filtered(
            lambda move: (
                move.repair_line_type == "add"
                and move.repair_id.outlet_id
                and move.state != "cancel"
                and float_compare(
                    move.product_uom_qty,
                    move.repair_consent_qty,
                    precision_rounding=move.product_uom.rounding,
                )
                != 0
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if any("repair_consent_qty" in vals for vals in vals_list):
            self._check_consent_qty_write()
        moves = super().create(vals_list)
        moves._repair_consent_changed()
        return moves

    def write(self, vals):
        if "repair_consent_qty" in vals:
            self._check_consent_qty_write()
        # a step (e.g. core's completion splitting a move) changes nothing the
        # customer agreed to; anyone else's change needs a new consent
        if in_workflow_step(self.env, superuser=False) or not (
            set(vals) & set(CONSENTED_FIELDS)
        ):
            return super().write(vals)
        consented = self.filtered(
            lambda m: m.repair_id.outlet_id and m.repair_consent_qty
        )
        kind_before = {
            move: tuple(move[name] for name in KIND_FIELDS) for move in consented
        }
        result = super().write(vals)
        consented.filtered(
            lambda m: tuple(m[name] for name in KIND_FIELDS) != kind_before[m]
        ).sudo().write({"repair_consent_qty": 0.0})
        # a quantity other than the consented one needs a new consent too
        self._repair_consent_changed()
        return result

    def _check_consent_qty_write(self):
        """R-10: the consented quantity is set by the customer's consent, never
        by a plain create or write (it would let parts skip the consent)."""
        if in_workflow_step(self.env):
            return
        raise UserError(
            self.env._(
                "The quantity the customer agreed to is recorded only through "
                "the Customer Consent of the repair order."
            )
        )

    def _repair_consent_changed(self):
        self._repair_needs_consent().repair_id._consent_outdated()

    def _action_done(self, cancel_backorder=False):
        unconsented = self._repair_needs_consent()
        if unconsented:
            raise UserError(
                self.env._(
                    "%(order)s: the customer has not agreed to %(parts)s. Record "
                    "the customer's consent to the parts before they are used.",
                    order=unconsented.repair_id[:1].display_name,
                    parts=", ".join(unconsented.product_id.mapped("display_name")),
                )
            )
        return super()._action_done(cancel_backorder=cancel_backorder)
