# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

# the request still on its way: the complaint waits for it
OPEN_REQUEST_STATES = ("draft", "submitted", "approved")


class RepairServiceComplaint(models.Model):
    """R-33 (S1 第十条 2(5)): a single unit's return or exchange is approved
    by the CS centre on its return/exchange request (《用户单台退换机处理表》,
    ``repair.warranty.request``, with its own chain): the complaint opens or
    links that request and is resolved once the request is finished."""

    _inherit = "repair.service.complaint"

    warranty_request_id = fields.Many2one(
        "repair.warranty.request",
        string="Return/Exchange Request",
        readonly=True,
        copy=False,
        check_company=True,
        tracking=True,
    )
    warranty_request_state = fields.Selection(
        related="warranty_request_id.state", string="Request Status"
    )

    def _workflow_guarded_fields(self):
        return super()._workflow_guarded_fields() | {"warranty_request_id"}

    def action_open_warranty_request(self):
        """The complaint's return/exchange request: opened, or made from the
        complaint (its customer, unit and repair order) and linked."""
        self.ensure_one()
        action = self.env._("open the return/exchange request of a complaint")
        self._check_role("group_cs_agent", action)
        if self.warranty_request_id:
            return self.warranty_request_id._open_form()
        self._check_state(["new", "analysed"], action)
        if self.kind != "single_return":
            raise UserError(
                self.env._(
                    "%(complaint)s is not a single unit's return or exchange.",
                    complaint=self.display_name,
                )
            )
        if not (self.product_id and self.lot_id):
            raise UserError(
                self.env._(
                    "%(complaint)s: enter the product and its serial number "
                    "first; the return/exchange request is about that unit.",
                    complaint=self.display_name,
                )
            )
        order = self.repair_ids.filtered(lambda o: o.lot_id == self.lot_id)[:1]
        values = {"kind": "exchange"}
        if order:
            values["repair_id"] = order.id
        else:
            values.update(
                partner_id=self.partner_id.id,
                product_id=self.product_id.id,
                lot_id=self.lot_id.id,
                company_id=self.company_id.id,
            )
        request = self.env["repair.warranty.request"].create(values)
        self._workflow_step().write({"warranty_request_id": request.id})
        request.message_post(
            body=self.env._(
                "Opened from the complaint %(complaint)s.", complaint=self.name
            )
        )
        return request._open_form()

    def action_resolve(self):
        for complaint in self:
            request = complaint.warranty_request_id
            if request and request.state in OPEN_REQUEST_STATES:
                raise UserError(
                    self.env._(
                        "%(complaint)s waits for its return/exchange request "
                        "%(request)s: the CS centre approves it and it is "
                        "processed before the complaint is resolved.",
                        complaint=complaint.display_name,
                        request=request.display_name,
                    )
                )
        return super().action_resolve()
