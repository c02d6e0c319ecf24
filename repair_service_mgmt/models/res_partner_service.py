# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's service history on their contact: repair orders, visits
and follow-up calls, counted as the current user may see them (an outlet's
users see their outlet's only: the record rules apply)."""

from odoo import api, fields, models

HISTORY = {
    # count field: (model, action)
    "repair_service_order_count": ("repair.order", "repair_order_action"),
    "repair_service_visit_count": (
        "repair.service.visit",
        "repair_service_visit_action",
    ),
    "repair_service_followup_count": (
        "repair.service.followup",
        "repair_service_followup_action",
    ),
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    repair_service_order_count = fields.Integer(
        string="Repair Orders", compute="_compute_repair_service_history"
    )
    repair_service_visit_count = fields.Integer(
        string="Service Visits", compute="_compute_repair_service_history"
    )
    repair_service_followup_count = fields.Integer(
        string="Follow-up Calls", compute="_compute_repair_service_history"
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_repair_service_history(self):
        partners = self.filtered("id")
        # a company's history holds its contacts' (as Odoo's sales do)
        family = (
            self.with_context(active_test=False).search_fetch(
                [("id", "child_of", partners.ids)], ["parent_id"]
            )
            if partners
            else self.browse()
        )
        family_ids = set(family.ids)
        for field, (model, _action) in HISTORY.items():
            counts = dict(
                self.env[model]._read_group(
                    [("partner_id", "in", family.ids)], ["partner_id"], ["__count"]
                )
                if family and self.env[model].has_access("read")
                else []
            )
            totals = dict.fromkeys(self.ids, 0)
            for partner, count in counts.items():
                # add each contact's count to itself and its parents shown here
                while partner and partner.id in family_ids:
                    if partner.id in totals:
                        totals[partner.id] += count
                    partner = partner.parent_id
            for record in self:
                record[field] = totals.get(record.id, 0)

    def _repair_service_history_action(self, field):
        self.ensure_one()
        model, action = HISTORY[field]
        result = self.env["ir.actions.act_window"]._for_xml_id(
            f"repair_service_mgmt.{action}"
        )
        result["domain"] = [("partner_id", "child_of", self.ids)]
        result["context"] = {}
        if model == "repair.order":
            result["context"] = {"default_partner_id": self.id}
        return result

    def action_view_repair_service_orders(self):
        return self._repair_service_history_action("repair_service_order_count")

    def action_view_repair_service_visits(self):
        action = self._repair_service_history_action("repair_service_visit_count")
        action["views"] = [(False, "list"), (False, "calendar"), (False, "form")]
        return action

    def action_view_repair_service_followups(self):
        return self._repair_service_history_action("repair_service_followup_count")
