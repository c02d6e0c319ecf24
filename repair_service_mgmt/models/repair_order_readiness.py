# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RepairOrder(models.Model):
    """What a signing step still needs, known before anyone signs (R-09,
    R-12): the form offers the step only when nothing is missing and the
    wizard lists what is. The server checks the same lists when the step is
    recorded."""

    _inherit = "repair.order"

    consent_missing = fields.Text(
        string="Missing for the Consent",
        compute="_compute_step_missing",
        help="What the technician still records before the customer agrees.",
    )
    acceptance_missing = fields.Text(
        string="Missing for the Acceptance",
        compute="_compute_step_missing",
        help="What the technician still records before the customer accepts and signs.",
    )

    @api.depends(
        "symptom_id",
        "cause_id",
        "repair_plan",
        "consent_state",
        "function_test_done",
        "completion_photo_ids",
        "serial_scanned",
        "lot_id",
        "move_ids.product_uom_qty",
        "move_ids.repair_consent_qty",
        "move_ids.state",
    )
    def _compute_step_missing(self):
        for order in self:
            order.consent_missing = "\n".join(order._consent_missing_items()) or False
            order.acceptance_missing = (
                "\n".join(order._acceptance_missing_items()) or False
            )

    def _consent_missing_items(self):
        """The diagnosis fields the customer's consent needs, by label."""
        self.ensure_one()
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in ("symptom_id", "cause_id", "repair_plan")
            if not self[name]
        ]

    def _acceptance_missing_items(self, with_consent=True):
        """What the customer's acceptance needs, in the technician's words;
        empty when the acceptance can be signed."""
        self.ensure_one()
        problems = []
        if (
            with_consent
            and self.outlet_id
            and (self.consent_state != "given" or self.move_ids._repair_needs_consent())
        ):
            problems.append(
                self.env._("record the customer's consent to the repair and its parts")
            )
        if not self.function_test_done:
            problems.append(self.env._("pass the full-function test"))
        if not self.completion_photo_ids:
            problems.append(self.env._("upload photos of the repaired product"))
        if not self.serial_scanned:
            problems.append(self.env._("scan the serial number"))
        elif self.lot_id and self.serial_scanned.strip() != self.lot_id.name:
            problems.append(
                self.env._(
                    "scan the right product: %(scanned)s is not the serial "
                    "%(serial)s of this order",
                    scanned=self.serial_scanned,
                    serial=self.lot_id.name,
                )
            )
        return problems
