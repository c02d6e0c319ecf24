# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import M
from .test_complaint import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintBatchAccident(ComplaintCase):
    """R-34: batch quality accidents found by the scheduled action."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quality = new_test_user(
            cls.env, "t_quality_batch", groups=f"{M}.group_quality"
        )
        cls.noise = cls.env.ref(f"{M}.fault_symptom_noise")
        cls.no_power = cls.env.ref(f"{M}.fault_symptom_no_power")
        cls.stock = cls.env.ref("stock.stock_location_stock")
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.env.company.write({"batch_accident_rate": 5.0, "batch_accident_units": 50})
        Accident = cls.env["repair.service.complaint"].with_context(active_test=False)
        # only the figures of this test count
        cls.env["repair.order"].sudo().search([]).write({"symptom_id": False})
        Accident.search([("batch_key", "!=", False)]).sudo().write({"batch_key": False})

    def _product(self, name, tracking="none"):
        return self.env["product.product"].create(
            {"name": name, "is_storable": True, "tracking": tracking}
        )

    def _lot(self, product, name):
        return self.env["stock.lot"].create({"name": name, "product_id": product.id})

    def _deliver(self, product, quantity, lot=None):
        move = self.env["stock.move"].create(
            {
                "name": product.name,
                "product_id": product.id,
                "product_uom_qty": quantity,
                "product_uom": product.uom_id.id,
                "location_id": self.stock.id,
                "location_dest_id": self.customers.id,
            }
        )
        move._action_confirm()
        move.move_line_ids.unlink()
        move.write(
            {
                "move_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "lot_id": lot and lot.id,
                            "quantity": quantity,
                            "product_uom_id": product.uom_id.id,
                            "location_id": self.stock.id,
                            "location_dest_id": self.customers.id,
                        }
                    )
                ],
                "picked": True,
            }
        )
        move._action_done()
        self.assertEqual(move.state, "done")
        return move

    def _repairs(self, product, count, symptom, lot=None):
        return (
            self.env["repair.order"]
            .sudo()
            .create(
                [
                    {
                        "partner_id": self.customer.id,
                        "product_id": product.id,
                        "lot_id": lot and lot.id,
                        "symptom_id": symptom.id,
                    }
                    for _i in range(count)
                ]
            )
        )

    def _accidents(self, product):
        return self.env["repair.service.complaint"].search(
            [("kind", "=", "batch_quality"), ("product_id", "=", product.id)]
        )

    def _run(self):
        return self.env["repair.service.complaint"]._cron_batch_quality_accidents()

    def test_r34_five_percent_of_a_lot_raises_one_major_accident(self):
        product = self._product("Batch fridge", tracking="lot")
        lot = self._lot(product, "LOT-A")
        other_lot = self._lot(product, "LOT-B")
        self._deliver(product, 40, lot)
        self._deliver(product, 40, other_lot)
        repairs = self._repairs(product, 2, self.noise, lot)
        # one of 40 in the other lot, and another symptom: below 5 %
        self._repairs(product, 1, self.noise, other_lot)
        self._repairs(product, 1, self.no_power, lot)
        self._run()
        accident = self._accidents(product)
        self.assertEqual(len(accident), 1)
        self.assertEqual(accident.lot_id, lot)
        self.assertEqual(accident.batch_symptom_id, self.noise)
        self.assertEqual(
            (accident.severity, accident.state, accident.channel),
            ("major", "new", "detection"),
        )
        self.assertEqual(
            (accident.batch_units_repaired, accident.batch_units_sold), (2, 40)
        )
        self.assertAlmostEqual(accident.batch_rate, 5.0)
        self.assertEqual(accident.repair_ids, repairs)
        activity = accident.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref(f"{M}.mail_activity_complaint_batch_accident")
            )
        )
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group(f"{M}.group_quality"))
        # its deadlines run for the quality department
        self.assertEqual(accident.taker_id, activity.user_id)

    def test_r34_one_of_forty_raises_nothing(self):
        product = self._product("Quiet fridge", tracking="lot")
        lot = self._lot(product, "LOT-Q")
        self._deliver(product, 40, lot)
        self._repairs(product, 1, self.noise, lot)
        self._run()
        self.assertFalse(self._accidents(product))

    def test_r34_fifty_of_ten_thousand_raised_by_the_count(self):
        product = self._product("Mass fridge")
        self._deliver(product, 10000)
        self._repairs(product, 49, self.noise)
        self._run()
        self.assertFalse(self._accidents(product), "49 units, 0.49 %: no accident")
        self._repairs(product, 1, self.noise)
        self._run()
        accident = self._accidents(product)
        self.assertEqual(
            (accident.batch_units_repaired, accident.batch_units_sold), (50, 10000)
        )
        self.assertAlmostEqual(accident.batch_rate, 0.5)
        # 0 disables the count threshold
        self.env.company.batch_accident_units = 0
        self._repairs(product, 5, self.no_power)
        self._run()
        self.assertEqual(len(self._accidents(product)), 1)

    def test_r34_rerun_updates_the_same_record_never_duplicates(self):
        product = self._product("Rerun fridge", tracking="lot")
        lot = self._lot(product, "LOT-R")
        self._deliver(product, 40, lot)
        first = self._repairs(product, 2, self.noise, lot)
        self._run()
        accident = self._accidents(product)
        self._run()
        self.assertEqual(self._accidents(product), accident)
        more = self._repairs(product, 2, self.noise, lot)
        self._deliver(product, 10, lot)
        self._run()
        self.assertEqual(self._accidents(product), accident)
        self.assertEqual(
            (accident.batch_units_repaired, accident.batch_units_sold), (4, 50)
        )
        self.assertAlmostEqual(accident.batch_rate, 8.0)
        self.assertEqual(accident.repair_ids, first | more)
        # the counts are the scheduled action's: nobody types them in
        with self._refused(Exception, "Units Repaired"):
            accident.with_user(self.agent).write({"batch_units_repaired": 1})
        # once finished, a new accident needs new repairs meeting a threshold
        accident.sudo().write({"state": "cancelled"})
        self._run()
        self.assertEqual(self._accidents(product), accident)
        self._repairs(product, 3, self.noise, lot)
        self._deliver(product, 10, lot)
        self._run()
        accidents = self._accidents(product)
        self.assertEqual(len(accidents), 2)
        self.assertEqual(
            (
                (accidents - accident).batch_units_repaired,
                accident.batch_units_repaired,
            ),
            (7, 4),
        )

    def test_r34_untracked_product_counted_per_product(self):
        product = self._product("Untracked fridge")
        self._deliver(product, 20)
        self._deliver(product, 20)
        self._repairs(product, 2, self.noise)
        self._run()
        accident = self._accidents(product)
        self.assertEqual(len(accident), 1)
        self.assertFalse(accident.lot_id)
        self.assertEqual(
            (accident.batch_units_repaired, accident.batch_units_sold), (2, 40)
        )

    def test_r34_query_count_does_not_grow_with_products_and_lots(self):
        def queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._run()
            return self.env.cr.sql_log_count - before

        product = self._product("Count fridge 0", tracking="lot")
        lot = self._lot(product, "C-0")
        self._deliver(product, 100, lot)
        self._repairs(product, 1, self.noise, lot)
        one = queries()
        for index in range(1, 6):
            product = self._product(f"Count fridge {index}", tracking="lot")
            for suffix in "ab":
                lot = self._lot(product, f"C-{index}{suffix}")
                self._deliver(product, 100, lot)
                self._repairs(product, 1, self.noise, lot)
            self._repairs(self._product(f"Plain fridge {index}"), 1, self.noise)
        self.assertEqual(queries(), one)
