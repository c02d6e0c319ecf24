# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

M = "repair_service_mgmt"


class RepairWarrantyRequest(models.Model):
    """Demo data: returns and exchanges walked through their real steps."""

    _inherit = "repair.warranty.request"

    @api.model
    def _demo_warranty_requests(self):
        """R-23: an exchange done, a refund done, one waiting for the CS
        centre; each from a unit we sold, delivered and invoiced."""
        ref = self.env.ref
        product = ref(f"{M}.product_refrigerator_demo")
        outlet = ref(f"{M}.outlet_pudong_demo")
        agent = ref("base.user_demo")
        technician = ref(f"{M}.user_technician_demo")
        manager = ref(f"{M}.user_cs_manager_demo")
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        stock = warehouse.lot_stock_id
        Lot = self.env["stock.lot"]

        def in_stock(name):
            lot = Lot.create({"name": name, "product_id": product.id})
            self.env["stock.quant"]._update_available_quantity(
                product, stock, 1, lot_id=lot
            )
            return lot

        def sold(name, partner, days_ago):
            lot = in_stock(name)
            sale = self.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "warehouse_id": warehouse.id,
                    "order_line": [
                        fields.Command.create(
                            {"product_id": product.id, "product_uom_qty": 1}
                        )
                    ],
                }
            )
            sale.action_confirm()
            picking = sale.picking_ids
            picking.move_ids.move_line_ids.unlink()
            self.env["stock.move.line"].create(
                {
                    "move_id": picking.move_ids.id,
                    "picking_id": picking.id,
                    "product_id": product.id,
                    "lot_id": lot.id,
                    "quantity": 1,
                    "location_id": picking.location_id.id,
                    "location_dest_id": picking.location_dest_id.id,
                }
            )
            picking.move_ids.picked = True
            picking.button_validate()
            when = fields.Datetime.now() - timedelta(days=days_ago)
            picking.write({"date_done": when})
            picking.move_ids.write({"date": when})
            picking.move_line_ids.write({"date": when})
            invoice = sale._create_invoices()
            invoice.invoice_date = when.date()
            invoice.action_post()
            return lot

        def request(lot, partner, kind, fault, opinion, user):
            order = self.env["repair.order"].create(
                {
                    "partner_id": partner.id,
                    "product_id": product.id,
                    "lot_id": lot.id,
                    "intake_channel": "walk_in",
                    "request_type": "repair",
                    "service_mode": "carry_in",
                    "fault_description": fault,
                }
            )
            order.outlet_id = outlet
            action = order.with_user(user).action_create_warranty_request()
            req = self.browse(action["res_id"]).with_user(user)
            req.write({"kind": kind, "outlet_opinion": opinion})
            req.action_submit()
            return req

        exchange = request(
            sold("BCD470-2026-0001", ref(f"{M}.partner_customer_wang_demo"), 9),
            ref(f"{M}.partner_customer_wang_demo"),
            "exchange",
            "冷藏室不制冷，压缩机不启动。",
            "压缩机故障，建议换机。",
            technician,
        )
        exchange.with_user(manager).validate_tier()
        exchange.with_user(agent).write(
            {
                "replacement_lot_id": in_stock("BCD470-2026-0101").id,
                "cs_opinion": "同意换机。",
            }
        )
        exchange.with_user(agent).action_process()

        refund = request(
            sold("BCD470-2026-0002", ref(f"{M}.partner_customer_zhou_demo"), 10),
            ref(f"{M}.partner_customer_zhou_demo"),
            "refund",
            "门封条漏气，噪音大。",
            "客户要求退货。",
            agent,
        )
        refund.with_user(manager).validate_tier()
        refund.with_user(agent).action_process()

        request(
            sold("BCD470-2026-0003", ref(f"{M}.partner_customer_sun_demo"), 12),
            ref(f"{M}.partner_customer_sun_demo"),
            "exchange",
            "制冰机漏水。",
            "主板故障，等件超期，建议换机。",
            technician,
        )
