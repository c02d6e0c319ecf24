# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import UserError


class RepairServiceOutlet(models.Model):
    """R-43: the outlet's spare-parts warehouse, its reorder rules and the
    low-stock warning."""

    _inherit = "repair.service.outlet"

    warehouse_id = fields.Many2one(
        "stock.warehouse", string="Spare-parts Warehouse", check_company=True
    )
    location_id = fields.Many2one(
        "stock.location",
        related="warehouse_id.lot_stock_id",
        string="Spare-parts Location",
        store=True,
    )
    parts_below_minimum = fields.Boolean(
        compute="_compute_parts_below_minimum",
        search="_search_parts_below_minimum",
        help="At least one spare part of the outlet's replenishment rules is "
        "below its minimum quantity.",
    )

    def _warehouses_below_minimum(self, warehouses):
        """Warehouses having a replenishment rule whose product is below its
        minimum: two grouped queries, whatever the number of outlets."""
        if not warehouses:
            return set()
        Orderpoint = self.env["stock.warehouse.orderpoint"].sudo()
        minimums = Orderpoint._read_group(
            [("warehouse_id", "in", warehouses.ids), ("trigger", "!=", False)],
            ["warehouse_id", "product_id"],
            ["product_min_qty:sum"],
        )
        if not minimums:
            return set()
        on_hand = defaultdict(float)
        quants = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("location_id.usage", "=", "internal"),
                    ("location_id.warehouse_id", "in", warehouses.ids),
                    ("product_id", "in", list({p.id for _w, p, _q in minimums})),
                ],
                ["location_id", "product_id"],
                ["quantity:sum"],
            )
        )
        for location, product, quantity in quants:
            on_hand[location.warehouse_id.id, product.id] += quantity
        return {
            warehouse.id
            for warehouse, product, minimum in minimums
            if on_hand[warehouse.id, product.id] < minimum
        }

    def _compute_parts_below_minimum(self):
        below = self._warehouses_below_minimum(self.warehouse_id)
        for outlet in self:
            outlet.parts_below_minimum = outlet.warehouse_id.id in below

    def _search_parts_below_minimum(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on parts below minimum."))
        outlets = self.search([("warehouse_id", "!=", False)])
        below = self._warehouses_below_minimum(outlets.warehouse_id)
        ids = outlets.filtered(lambda o: o.warehouse_id.id in below).ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    def _create_spare_parts_warehouse(self):
        """R-43: the outlet's warehouse with the template's reorder rules."""
        template = self.env["repair.service.spare.template.line"].sudo()
        for outlet in self.sudo():
            if outlet.warehouse_id:
                continue
            Warehouse = (
                self.env["stock.warehouse"].sudo().with_context(active_test=False)
            )
            name = outlet.name
            if Warehouse.search_count(
                [("name", "=", name), ("company_id", "=", outlet.company_id.id)],
                limit=1,
            ):
                # warehouse names are unique per company: the code tells apart
                name = f"{outlet.name} ({outlet.code})"
            warehouse = (
                self.env["stock.warehouse"]
                .sudo()
                .create(
                    {
                        "name": name,
                        "code": outlet.code[:5],
                        "partner_id": outlet.partner_id.id,
                        "company_id": outlet.company_id.id,
                    }
                )
            )
            outlet.warehouse_id = warehouse
            lines = template.search(
                [("company_id", "in", [outlet.company_id.id, False])]
            )
            self.env["stock.warehouse.orderpoint"].sudo().create(
                [
                    {
                        "warehouse_id": warehouse.id,
                        "location_id": warehouse.lot_stock_id.id,
                        "product_id": line.product_id.id,
                        "product_min_qty": line.product_min_qty,
                        "product_max_qty": line.product_max_qty,
                        "trigger": "auto",
                        "company_id": outlet.company_id.id,
                    }
                    for line in lines
                ]
            )
