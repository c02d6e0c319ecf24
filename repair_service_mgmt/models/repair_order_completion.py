# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError


class RepairOrder(models.Model):
    """Completion and the customer's acceptance (R-11, R-12), and the core
    steps that end a repair."""

    _inherit = "repair.order"

    function_test_done = fields.Boolean(
        string="Full-function Test Passed", copy=False, tracking=True
    )
    function_test_note = fields.Text(string="Test Notes", copy=False)
    completion_photo_ids = fields.Many2many(
        "ir.attachment",
        "repair_order_completion_photo_rel",
        "repair_id",
        "attachment_id",
        string="Completion Photos",
        copy=False,
    )
    serial_scanned = fields.Char(
        string="Scanned Serial",
        copy=False,
        tracking=True,
        help="The serial number or barcode scanned on the repaired product.",
    )
    acceptance_state = fields.Selection(
        [
            ("none", "Not yet"),
            ("accepted", "Accepted by the customer"),
            ("disputed", "Disputed"),
        ],
        string="Customer Acceptance",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    acceptance_by = fields.Char(string="Accepted By", readonly=True, copy=False)
    acceptance_date = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    acceptance_signature = fields.Image(
        max_width=1024, max_height=1024, readonly=True, copy=False
    )
    acceptance_opinion = fields.Text(
        string="Customer's Opinion", readonly=True, copy=False
    )
    rework_count = fields.Integer(
        string="Reworks",
        readonly=True,
        copy=False,
        tracking=True,
        help="How often the customer disputed the result and the order went "
        "back to repair.",
    )
    completed_at = fields.Datetime(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="When the customer accepted the repair and the order was completed.",
    )

    def action_open_acceptance_wizard(self):
        return self._open_signature_wizard("acceptance")

    def _check_ready_for_acceptance(self):
        for order in self:
            # the consent has its own check and message (_check_consent)
            problems = order._acceptance_missing_items(with_consent=False)
            if problems:
                raise UserError(
                    self.env._(
                        "%(order)s is not ready for the customer's acceptance: "
                        "%(problems)s.",
                        order=order.display_name,
                        problems="; ".join(problems),
                    )
                )

    def action_record_acceptance(
        self, signed_by, accepted=True, signature=False, opinion=False
    ):
        """R-12: the customer accepts the tested repair and signs, which
        completes the order (parts consumed from the outlet's stock), or
        disputes it, which sends the order back to repair as rework."""
        self.ensure_one()
        self._check_service_actor(self.env._("record the customer's acceptance"))
        if self.state != "under_repair" or not self.outlet_id:
            raise UserError(
                self.env._(
                    "%(order)s is not a service order under repair: the customer "
                    "accepts a repair when the work is done.",
                    order=self.display_name,
                )
            )
        if not (signed_by or "").strip():
            raise UserError(self.env._("Enter who accepted for the customer."))
        step = self._workflow_step()
        if not accepted:
            if not (opinion or "").strip():
                raise UserError(
                    self.env._("Record what the customer disputes about the result.")
                )
            step.write(
                {
                    "acceptance_state": "disputed",
                    "acceptance_opinion": opinion.strip(),
                    "rework_count": self.rework_count + 1,
                    "function_test_done": False,
                }
            )
            self.message_post(
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    self.env._("The customer disputes the result: back to repair."),
                    opinion.strip(),
                )
            )
            self._activity_cancel(["mail_activity_rework"])
            self._activity_start(
                "mail_activity_rework", self.technician_id, note=opinion.strip()
            )
            return True
        if not signature:
            raise UserError(
                self.env._(
                    "The customer signs the repair record to accept it: the "
                    "signature is missing."
                )
            )
        self._check_consent()
        self._check_ready_for_acceptance()
        step.write(
            {
                "acceptance_state": "accepted",
                "acceptance_by": signed_by.strip(),
                "acceptance_date": fields.Datetime.now(),
                "acceptance_signature": signature,
                "acceptance_opinion": (opinion or "").strip() or False,
            }
        )
        step.action_repair_end()
        if self.rework_count:  # a rework activity is open only after a dispute
            self._activity_close(
                ["mail_activity_rework"], feedback=self.env._("The customer accepted.")
            )
        return True

    # ------------------------------------------------------------------
    # Core steps on service orders: end, done
    # ------------------------------------------------------------------
    def _check_accepted(self):
        unaccepted = self.filtered(
            lambda o: o.outlet_id and o.acceptance_state != "accepted"
        )
        if unaccepted:
            raise UserError(
                self.env._(
                    "%(order)s is finished when the customer accepts it: use "
                    "Customer Acceptance, with the customer's signature.",
                    order=unaccepted[0].display_name,
                )
            )

    def action_repair_end(self):
        self._check_accepted()
        return super().action_repair_end()

    def action_repair_done(self):
        """Whatever the entry point, a service order is done only with the
        customer's consent and signed acceptance (R-09, R-12); every done
        order records when, for its follow-up (R-15)."""
        service = self.filtered("outlet_id")
        service._check_service_actor(self.env._("complete the repair"))
        service._check_consent()
        service._check_accepted()
        result = super(RepairOrder, self._workflow_step()).action_repair_done()
        self._workflow_step().write({"completed_at": fields.Datetime.now()})
        return result
