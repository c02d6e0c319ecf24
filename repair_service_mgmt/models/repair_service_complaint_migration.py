# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, models
from odoo.tools import SQL, sql


class RepairServiceComplaint(models.Model):
    _inherit = "repair.service.complaint"

    @api.model
    def _migrate_complaint_orders(self):
        """R-30: every order of type “Complaint” not yet behind a complaint
        record becomes one (with the order it was raised on by a follow-up
        call), the follow-up calls point to it, and the intake orders never
        dispatched are cancelled. Idempotent: a second run finds nothing."""
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                SELECT o.id FROM repair_order o
                 WHERE o.request_type = 'complaint'
                   AND NOT EXISTS (
                       SELECT 1 FROM repair_service_complaint_repair_rel r
                        WHERE r.repair_id = o.id)
                 ORDER BY o.id
                """
            )
        )
        orders = (
            self.env["repair.order"].sudo().browse([row[0] for row in cr.fetchall()])
        )
        # the follow-up calls that opened them (the former link, if present)
        followup_of = {}
        if orders and sql.column_exists(
            cr, "repair_service_followup", "complaint_repair_id"
        ):
            cr.execute(
                SQL(
                    "SELECT complaint_repair_id, id FROM repair_service_followup "
                    "WHERE complaint_repair_id IN %s",
                    tuple(orders.ids),
                )
            )
            followup_of = dict(cr.fetchall())
        Followup = self.env["repair.service.followup"].sudo()
        vals_list = []
        for order in orders:
            followup = Followup.browse(followup_of.get(order.id))
            vals = order._complaint_vals()
            vals.update(
                {
                    "partner_id": (
                        order.partner_id
                        or followup.repair_id.partner_id
                        or order.company_id.partner_id
                    ).id,
                    "repair_ids": [Command.set((order | followup.repair_id).ids)],
                    "followup_id": followup.id,
                    "taker_id": order.create_uid.id,
                    "date": order.create_date,
                }
            )
            if followup:
                vals["outlet_id"] = followup.repair_id.outlet_id.id
                vals["technician_id"] = followup.repair_id.technician_id.id
            vals_list.append(vals)
        complaints = self.sudo().with_context(mail_create_nolog=True).create(vals_list)
        # the follow-up calls point to their complaint record
        cr.execute(
            SQL(
                """
                UPDATE repair_service_followup f SET complaint_id = c.id
                  FROM repair_service_complaint c
                 WHERE c.followup_id = f.id AND f.complaint_id IS NULL
                """
            )
        )
        Followup.invalidate_model(["complaint_id"])
        drafts = orders.filtered(lambda o: o.state == "draft" and not o.outlet_id)
        drafts._workflow_step().action_repair_cancel()
        return complaints
