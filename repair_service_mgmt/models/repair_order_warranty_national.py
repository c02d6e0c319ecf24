# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .repair_order_warranty import WARRANTY_FACT_FIELDS

# the order's national 三包 facts the steps below own
NATIONAL_STEP_FIELDS = (
    "parts_waiting_since",
    "warranty_waiting_days",
    "warranty_exchange_raised_at",
)
EXCHANGE_ACTIVITY = "mail_activity_warranty_exchange"


class RepairOrder(models.Model):
    """R-25 on the order: the days waiting for parts (they extend the unit's
    warranty) and the exchanges the national rules propose."""

    _inherit = "repair.order"

    parts_waiting_since = fields.Datetime(
        string="Waiting for Parts Since",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set by the technician when a part the repair needs is not "
        "available; cleared when it arrives.",
    )
    warranty_waiting_days = fields.Integer(
        string="Days Waiting for Parts",
        readonly=True,
        copy=False,
        tracking=True,
        help="Days this order waited for parts: they extend the unit's warranty.",
    )
    warranty_exchange_proposal = fields.Char(
        string="Exchange Proposed",
        compute="_compute_warranty_exchange_proposal",
        help="Why the national rules offer the customer an exchange.",
    )
    warranty_exchange_raised_at = fields.Datetime(
        string="Exchange Proposal Raised",
        readonly=True,
        copy=False,
        help="When the CS centre was first asked to handle the proposed exchange.",
    )

    # ------------------------------------------------------------------
    # The decision reads these too
    # ------------------------------------------------------------------
    @api.depends("warranty_exclusion_ids.cs_confirmed")
    def _compute_under_warranty(self):
        return super()._compute_under_warranty()

    @api.depends("warranty_exclusion_ids.cs_confirmed")
    def _compute_warranty_rule(self):
        return super()._compute_warranty_rule()

    @api.depends("warranty_exclusion_ids.cs_confirmed", "parts_waiting_since", "state")
    def _compute_warranty_details(self):
        return super()._compute_warranty_details()

    @api.depends(
        *WARRANTY_FACT_FIELDS,
        "warranty_exclusion_ids.reason_id",
        "parts_waiting_since",
        "state",
    )
    @api.depends_context("lang", "tz")
    def _compute_warranty_exchange_proposal(self):
        decisions = self.env["repair.warranty.decision"]._decide(self)
        labels = self._warranty_proposal_labels()
        for order in self:
            codes = decisions[order.id].get("proposals") or []
            order.warranty_exchange_proposal = (
                ", ".join(labels[code] for code in codes) or False
            )

    def _warranty_proposal_labels(self):
        return {
            "parts_missing": self.env._("parts not available"),
            "repair_delay": self.env._("repair delayed"),
        }

    @api.depends("warranty_waiting_days")
    def _compute_warranty_repair_days(self):
        # the days waiting for parts are counted apart: the extension adds
        # both, and says how many of each
        result = super()._compute_warranty_repair_days()
        for order in self:
            order.warranty_repair_days = max(
                order.warranty_repair_days - order.warranty_waiting_days, 0
            )
        return result

    def _workflow_guarded_fields(self):
        return super()._workflow_guarded_fields() | set(NATIONAL_STEP_FIELDS)

    # ------------------------------------------------------------------
    # Waiting for parts: the technician's step
    # ------------------------------------------------------------------
    def action_wait_for_parts(self):
        """A part the repair needs is not available: the order waits."""
        self._check_service_actor(self.env._("record that the order waits for parts"))
        for order in self:
            if order.state in ("done", "cancel"):
                raise UserError(
                    self.env._(
                        "%(order)s is finished: it no longer waits for parts.",
                        order=order.display_name,
                    )
                )
            if order.parts_waiting_since:
                raise UserError(
                    self.env._(
                        "%(order)s already waits for parts: record their "
                        "arrival with “Parts Arrived”.",
                        order=order.display_name,
                    )
                )
        self._workflow_step().write({"parts_waiting_since": fields.Datetime.now()})
        self._warranty_raise_exchange_proposals()
        return True

    def action_parts_arrived(self):
        """The awaited parts arrived: the days waited are counted."""
        self._check_service_actor(self.env._("record that the parts arrived"))
        for order in self:
            if not order.parts_waiting_since:
                raise UserError(
                    self.env._(
                        "%(order)s does not wait for parts: use “Waiting for "
                        "Parts” first.",
                        order=order.display_name,
                    )
                )
        self._parts_wait_close()
        return True

    def _parts_wait_close(self):
        """Count the days of the open waiting periods of these orders (in
        the acting user's days) and close them."""
        today = fields.Date.context_today(self)
        for order in self.filtered("parts_waiting_since"):
            since = fields.Date.context_today(self, order.parts_waiting_since)
            days = max((today - since).days, 0)
            order._workflow_step().write(
                {
                    "parts_waiting_since": False,
                    "warranty_waiting_days": order.warranty_waiting_days + days,
                }
            )
            order.message_post(
                body=self.env._(
                    "The parts arrived after %(days)s days of waiting: the "
                    "warranty is extended by them.",
                    days=days,
                )
            )

    def action_repair_done(self):
        self.sudo()._parts_wait_close()
        result = super().action_repair_done()
        self._warranty_exchange_close(self.env._("The repair is done."))
        return result

    def action_repair_cancel(self):
        result = super().action_repair_cancel()
        self.filtered(lambda o: o.state == "cancel")._activity_cancel(
            [EXCHANGE_ACTIVITY]
        )
        return result

    # ------------------------------------------------------------------
    # Exchange proposals: raised once, closed by the answer
    # ------------------------------------------------------------------
    @api.model
    def _cron_warranty_exchange_proposals(self):
        """Daily: ask the CS centre to handle the exchanges the national
        rules now propose on open orders (set-based, once an order)."""
        orders = self.sudo().search(
            [
                ("state", "not in", ("done", "cancel")),
                ("warranty_exchange_raised_at", "=", False),
                ("under_warranty", "=", True),
            ]
        )
        orders._warranty_raise_exchange_proposals()

    def _warranty_raise_exchange_proposals(self):
        """An activity for the outlet's manager (or the order's
        responsible) the first time an exchange is proposed."""
        orders = self.sudo().filtered(
            lambda o: (
                not o.warranty_exchange_raised_at and o.state not in ("done", "cancel")
            )
        )
        if not orders:
            return
        decisions = self.env["repair.warranty.decision"]._decide(orders)
        raised = orders.filtered(lambda o: decisions[o.id].get("proposals"))
        if not raised:
            return
        labels = self._warranty_proposal_labels()
        raised._workflow_step().write(
            {"warranty_exchange_raised_at": fields.Datetime.now()}
        )
        raised._activity_start(
            EXCHANGE_ACTIVITY,
            lambda o: o.outlet_id.manager_id or o.user_id,
            note=lambda o: self.env._(
                "An exchange is offered to the customer: %(why)s.",
                why=", ".join(labels[c] for c in decisions[o.id]["proposals"]),
            ),
        )

    def _warranty_exchange_close(self, feedback):
        """The proposed exchange was answered (the request is made, or the
        order is done): its activity is closed."""
        self._activity_close([EXCHANGE_ACTIVITY], feedback=feedback)
