# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Dispatch help (R-04, R-07): the outlet serving the customer's address is
suggested, its technicians are listed with their workload, a dispatch
outside the service area is a visible warning asking for the CS centre's
authorisation, and an on-site job needs its technician."""

from odoo import api, fields, models


class RepairOrderDispatchWizard(models.TransientModel):
    _inherit = "repair.order.dispatch.wizard"

    outlet_id = fields.Many2one(
        compute="_compute_outlet_id", store=True, readonly=False, precompute=True
    )
    covering_outlet_ids = fields.Many2many(
        "repair.service.outlet",
        string="Outlets Serving the Address",
        compute="_compute_covering_outlet_ids",
        help="Active outlets whose service area covers the customer's address.",
    )
    on_site = fields.Boolean(compute="_compute_on_site")
    outside_area_warning = fields.Char(compute="_compute_outside_area")

    @api.depends("repair_ids")
    def _compute_covering_outlet_ids(self):
        for wizard in self:
            wizard.covering_outlet_ids = wizard._outlets_covering(
                wizard.repair_ids.partner_id
            )

    @api.depends("repair_ids")
    def _compute_outlet_id(self):
        for wizard in self:
            if wizard.outlet_id:
                continue
            current = wizard.repair_ids.outlet_id
            if len(current) == 1 and current.state == "active":
                # a reassignment stays with the outlet unless changed
                wizard.outlet_id = current
            else:
                wizard.outlet_id = wizard.covering_outlet_ids[:1]

    @api.depends("repair_ids.service_mode")
    def _compute_on_site(self):
        for wizard in self:
            wizard.on_site = any(
                mode == "on_site" for mode in wizard.repair_ids.mapped("service_mode")
            )

    @api.depends("outlet_id", "repair_ids")
    def _compute_outside_area(self):
        result = super()._compute_outside_area()
        for wizard in self:
            wizard.outside_area_warning = False
            if not wizard.outside_area:
                continue
            outside = wizard.repair_ids.filtered(
                lambda o, outlet=wizard.outlet_id: (
                    o.service_mode == "on_site"
                    and not outlet._covers_address(o.partner_id)
                )
            )
            wizard.outside_area_warning = self.env._(
                "%(outlet)s does not serve %(address)s on site. Choose an outlet "
                "that serves the address, or record the CS centre's authorisation "
                "with its reason.",
                outlet=wizard.outlet_id.display_name,
                address=", ".join(
                    outside.partner_id.mapped(lambda p: p.city or p.display_name)
                ),
            )
        return result

    @api.model
    def _outlets_covering(self, partners):
        """The active outlets whose service area covers every address of
        ``partners`` (the area rule is the outlet's ``_covers_address``)."""
        if not partners:
            return self.env["repair.service.outlet"]
        candidates = self.env["repair.service.outlet"].search(
            [
                ("state", "=", "active"),
                ("company_id", "in", self.env.companies.ids),
                ("area_ids.state_id", "in", [*partners.state_id.ids, False]),
            ]
        )
        return candidates.filtered(
            lambda outlet: all(outlet._covers_address(p) for p in partners)
        )
