# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import OutletCase

M = "repair_service_mgmt"


@tagged("post_install", "-at_install")
class TestWarrantyDecision(OutletCase):
    """R-20…R-27: one decision of who pays, from the facts of the order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Zhao Min"})
        cls.categ = cls.env["product.category"].create({"name": "Air conditioners"})
        cls.sub_categ = cls.env["product.category"].create(
            {"name": "Split units", "parent_id": cls.categ.id}
        )
        cls.appliance = cls.env["product.product"].create(
            {
                "name": "Split air conditioner",
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.sub_categ.id,
            }
        )
        cls.premium = cls.env["product.product"].create(
            {
                "name": "Premium air conditioner",
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.sub_categ.id,
            }
        )
        cls.part = cls.env["product.product"].create(
            {
                "name": "Fan capacitor",
                "type": "consu",
                "is_storable": True,
                "list_price": 60.0,
                "invoice_policy": "order",
            }
        )
        cls.compressor = cls.env.ref(f"{M}.warranty_component_compressor")
        cls.policy = cls.env["repair.warranty.policy"].create(
            {
                "name": "Air conditioners",
                "categ_id": cls.categ.id,
                "unit_months": 12,
                "component_ids": [
                    fields.Command.create(
                        {"component_id": cls.compressor.id, "months": 36}
                    )
                ],
            }
        )
        cls.premium_policy = cls.env["repair.warranty.policy"].create(
            {
                "name": "Premium: brand extension",
                "product_tmpl_id": cls.premium.product_tmpl_id.id,
                "unit_months": 24,
                "legal_months": 12,
            }
        )
        cls.manager = new_test_user(
            cls.env, login="w_manager", groups=f"base.group_user,{M}.group_cs_manager"
        )
        cls.agent = new_test_user(
            cls.env, login="w_agent", groups=f"base.group_user,{M}.group_cs_agent"
        )
        cls.today = fields.Date.context_today(cls.env["repair.order"])

    def _lot(self, product=None):
        product = product or self.appliance
        return self.env["stock.lot"].create(
            {
                "name": f"SN-{product.id}-{self.env['stock.lot'].search_count([])}",
                "product_id": product.id,
            }
        )

    def _order(self, purchase=None, product=None, lot=None, **vals):
        product = product or self.appliance
        values = {
            "partner_id": self.customer.id,
            "product_id": product.id,
            "lot_id": (lot or self._lot(product)).id,
        }
        if purchase:
            values.update(
                warranty_card_number="WC-1",
                purchase_invoice_number="INV-1",
                purchase_invoice_date=purchase,
            )
        values.update(vals)
        return self.env["repair.order"].create(values)

    # whole unit -------------------------------------------------------
    def test_r20_whole_unit_day_365_in_day_366_out(self):
        last_day = self.today - relativedelta(months=12) + timedelta(days=1)
        order = self._order(purchase=last_day)
        self.assertTrue(order.under_warranty)
        self.assertEqual(order.warranty_rule, "unit")
        self.assertEqual(order.warranty_days_left, 0)
        self.assertEqual(order.warranty_options, "repair")
        expired = self._order(purchase=self.today - relativedelta(months=12))
        self.assertFalse(expired.under_warranty)
        self.assertEqual(expired.warranty_rule, "expired")
        self.assertIn("charged", expired.warranty_reason)

    def test_r25_component_after_unit_expired(self):
        purchase = self.today - relativedelta(months=18)
        unit = self._order(purchase=purchase)
        self.assertFalse(unit.under_warranty)
        order = self._order(purchase=purchase, warranty_component_id=self.compressor.id)
        self.assertTrue(order.under_warranty)
        self.assertEqual(order.warranty_rule, "component")
        comp_end = purchase + relativedelta(months=36) - timedelta(days=1)
        self.assertEqual(order.warranty_days_left, (comp_end - self.today).days)
        self.assertIn("Compressor", order.warranty_reason)

    def test_r26_most_specific_policy_wins(self):
        purchase = self.today - relativedelta(months=18)
        order = self._order(purchase=purchase, product=self.premium)
        self.assertTrue(order.under_warranty)
        self.assertEqual(order.warranty_rule, "brand_extension")
        self.assertIn("extended", order.warranty_reason)
        self.assertEqual(self.premium_policy.extended_months, 12)

    def test_r20_open_orders_follow_a_changed_policy(self):
        purchase = self.today - relativedelta(months=14)
        order = self._order(purchase=purchase)
        self.assertFalse(order.under_warranty)
        self.policy.unit_months = 18
        self.assertTrue(order.under_warranty)
        self.assertEqual(order.warranty_rule, "brand_extension")
        self.policy.unlink()
        # the general policy (12 months) decides again
        self.assertFalse(order.under_warranty)
        self.assertEqual(order.warranty_rule, "expired")

    # exclusions ------------------------------------------------------------
    def test_r22_exclusion_makes_it_chargeable(self):
        order = self._order(purchase=self.today - timedelta(days=40))
        self.assertTrue(order.under_warranty)
        seconds = self.env.ref(f"{M}.warranty_exclusion_seconds")
        self.env["repair.warranty.exclusion"].create(
            {"repair_id": order.id, "reason_id": seconds.id, "note": "Clearance tag"}
        )
        self.assertFalse(order.under_warranty)
        self.assertEqual(order.warranty_rule, "exclusion")
        self.assertIn(seconds.name, order.warranty_reason)
        order.warranty_exclusion_ids.unlink()
        self.assertTrue(order.under_warranty)

    def test_r22_finished_order_keeps_its_warranty(self):
        order = self._order(purchase=self.today - timedelta(days=40))
        # superuser code stands for the completion steps
        order.write({"state": "done"})
        misuse = self.env.ref(f"{M}.warranty_exclusion_misuse")
        with self.assertRaises(UserError):
            self.env["repair.warranty.exclusion"].with_user(self.agent).create(
                {"repair_id": order.id, "reason_id": misuse.id}
            )
        with self.assertRaises(UserError):
            order.with_user(self.manager).action_override_warranty("out", "Late")
        self.assertTrue(order.under_warranty)

    # evidence --------------------------------------------------------
    def test_r21_missing_or_altered_evidence(self):
        purchase = self.today - timedelta(days=40)
        no_card = self._order(
            purchase_invoice_number="INV-2", purchase_invoice_date=purchase
        )
        self.assertFalse(no_card.under_warranty)
        self.assertEqual(no_card.warranty_rule, "no_evidence")
        no_invoice = self._order(
            warranty_card_number="WC-2", purchase_invoice_date=purchase
        )
        self.assertFalse(no_invoice.under_warranty)
        # a registration the CS centre checked stands in for the invoice
        no_invoice.write({"warranty_registration_checked": True})
        self.assertTrue(no_invoice.under_warranty)
        no_invoice.with_user(self.agent).write({"warranty_evidence_altered": True})
        self.assertFalse(no_invoice.under_warranty)
        self.assertEqual(no_invoice.warranty_rule, "evidence_altered")
        self.assertEqual(no_invoice.warranty_evidence_judged_by_id, self.agent)

    def test_r21_purchase_date_from_our_delivery(self):
        lot = self._lot()
        stock = self.env.ref("stock.stock_location_stock")
        customers = self.env.ref("stock.stock_location_customers")
        self.env["stock.quant"]._update_available_quantity(
            self.appliance, stock, 1, lot_id=lot
        )
        move = self.env["stock.move"].create(
            {
                "name": "Sale",
                "product_id": self.appliance.id,
                "product_uom_qty": 1,
                "product_uom": self.appliance.uom_id.id,
                "location_id": stock.id,
                "location_dest_id": customers.id,
            }
        )
        move._action_confirm()
        move.move_line_ids.unlink()
        self.env["stock.move.line"].create(
            {
                "move_id": move.id,
                "product_id": self.appliance.id,
                "lot_id": lot.id,
                "quantity": 1,
                "location_id": stock.id,
                "location_dest_id": customers.id,
            }
        )
        move.picked = True
        move._action_done()
        self.assertEqual(move.state, "done")
        # no card, no invoice: our own delivery is the evidence
        order = self._order(lot=lot)
        self.assertTrue(order.under_warranty)
        self.assertEqual(order.warranty_rule, "unit")
        self.assertEqual(order.warranty_options, "repair, exchange, refund")
        self.assertTrue(lot.repair_under_warranty)
        self.assertGreater(lot.repair_warranty_days_left, 360)

    # the override, the guard, the price --------------------------------
    def test_r24_override_with_reason_in_chatter(self):
        order = self._order()
        self.assertFalse(order.under_warranty)
        with self.assertRaises(AccessError):
            order.with_user(self.agent).action_override_warranty("in", "Goodwill")
        with self.assertRaises(UserError):
            order.with_user(self.manager).action_override_warranty("in", " ")
        action = order.with_user(self.manager).action_open_warranty_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Goodwill for a key customer"})
        )
        self.assertEqual(wizard.override, "in")
        wizard.action_confirm()
        self.assertTrue(order.under_warranty)
        self.assertEqual(order.warranty_rule, "override")
        self.assertEqual(order.warranty_override_by_id, self.manager)
        self.assertIn("Goodwill for a key customer", order.message_ids[:1].body)
        order.with_user(self.manager).action_override_warranty(False, "Back")
        self.assertFalse(order.under_warranty)
        self.assertEqual(order.warranty_rule, "no_evidence")

    def test_r24_direct_write_refused(self):
        order = self._order()
        for values in (
            {"under_warranty": True},
            {"warranty_override": "in"},
            {"warranty_override_reason": "x"},
        ):
            with self.assertRaises(UserError):
                order.with_user(self.manager).with_context(
                    repair_service_workflow_step=True
                ).write(values)
        self.assertFalse(order.under_warranty)

    def test_r24_draft_quotation_repriced(self):
        order = self._order()
        self.env["stock.move"].create(
            {
                "repair_id": order.id,
                "repair_line_type": "add",
                "product_id": self.part.id,
                "product_uom_qty": 1,
            }
        )
        order.action_create_sale_order()
        sale = order.sale_order_id
        self.assertEqual(sale.amount_untaxed, 60.0)
        order.write(
            {
                "warranty_card_number": "WC-9",
                "purchase_invoice_number": "INV-9",
                "purchase_invoice_date": self.today - timedelta(days=30),
            }
        )
        self.assertTrue(order.under_warranty)
        self.assertEqual(sale.amount_untaxed, 0.0)
        order.write({"warranty_evidence_altered": True})
        self.assertFalse(order.under_warranty)
        self.assertEqual(sale.amount_untaxed, 60.0)

    # days in repair, repeat fault -------------------------------------------
    def test_r25_days_in_repair_extend_and_repeat_fault(self):
        lot = self._lot()
        earlier = self._order(lot=lot)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE repair_order SET create_date = create_date - interval '10 days' "
            "WHERE id = %s",
            [earlier.id],
        )
        earlier.invalidate_recordset(["create_date"])
        earlier.write({"completed_at": fields.Datetime.now()})
        self.assertEqual(earlier.warranty_repair_days, 10)
        purchase = self.today - relativedelta(months=12)
        order = self._order(purchase=purchase, lot=lot)
        self.assertTrue(order.under_warranty, "10 days in repair extend the year")
        self.assertIn("10", order.warranty_reason)
        self.assertEqual(order.warranty_days_left, 9)
        self.assertTrue(order.warranty_repeat_fault)
        self.policy.extend_by_repair_days = False
        self.policy.repeat_fault_days = 0
        order.invalidate_recordset()
        self.assertEqual(order.warranty_days_left, 0)
        self.assertFalse(order.warranty_repeat_fault)

    def test_r25_exchange_after_two_repairs_of_the_same_fault(self):
        """R-25: repaired twice in warranty for the same fault, the unit may
        be exchanged even after the exchange window; another fault does not
        count."""
        lot = self._lot()
        noise = self.env.ref("repair_service_mgmt.fault_symptom_noise")
        leak = self.env.ref("repair_service_mgmt.fault_symptom_leak")
        purchase = self.today - relativedelta(months=6)
        for _i in range(2):
            earlier = self._order(purchase=purchase, lot=lot, symptom_id=noise.id)
            self.assertTrue(earlier.under_warranty)
            earlier.write({"completed_at": fields.Datetime.now()})
        order = self._order(purchase=purchase, lot=lot, symptom_id=leak.id)
        self.assertTrue(order.under_warranty)
        self.assertEqual(order.warranty_options, "repair")
        order.write({"symptom_id": noise.id})
        self.assertEqual(order.warranty_options, "repair, exchange")
        self.assertIn("Repaired 2 times", order.warranty_reason)
        self.policy.exchange_after_repairs = 3
        order.invalidate_recordset()
        self.assertEqual(order.warranty_options, "repair")
        self.assertNotIn("Repaired", order.warranty_reason)

    # set-based -------------------------------------------------------------------
    def test_r24_query_count_constant(self):
        decision = self.env["repair.warranty.decision"]
        orders = self.env["repair.order"].browse(
            [self._order(purchase=self.today - timedelta(days=i)).id for i in range(20)]
        )
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        decision._decide(orders[:1])
        one = self.cr.sql_log_count - start
        self.env.invalidate_all()
        with self.assertQueryCount(one):
            results = decision._decide(orders)
        self.assertEqual(len(results), 20)
        self.assertTrue(all(r["in_warranty"] for r in results.values()))

    def test_demo_in_component_excluded(self):
        """The demo shows the three answers: in warranty, the compressor's
        warranty after the whole unit's ended, an exclusion."""
        in_warranty = self.env.ref(f"{M}.repair_order_warranty_in_demo")
        component = self.env.ref(f"{M}.repair_order_warranty_component_demo")
        excluded = self.env.ref(f"{M}.repair_order_warranty_excluded_demo")
        self.assertEqual(
            (in_warranty.warranty_rule, in_warranty.under_warranty), ("unit", True)
        )
        self.assertEqual(
            (component.warranty_rule, component.under_warranty), ("component", True)
        )
        self.assertEqual(
            (excluded.warranty_rule, excluded.under_warranty), ("exclusion", False)
        )

    def test_r24_shown_at_intake_before_saving(self):
        """The CS agent sees the answer on the intake form while typing; the
        saved order keeps the same decision."""
        form = Form(
            self.env["repair.order"].with_user(self.agent),
            view=f"{M}.repair_order_view_form_intake",
        )
        form.partner_id = self.customer
        form.product_id = self.appliance
        self.assertFalse(form.under_warranty)
        form.warranty_card_number = "WC-7"
        form.purchase_invoice_number = "INV-7"
        form.purchase_invoice_date = self.today - timedelta(days=3)
        self.assertTrue(form.under_warranty)
        self.assertIn("refund", form.warranty_options)
        order = form.save()
        self.assertTrue(order.under_warranty)
        self.assertEqual(order.warranty_rule, "unit")
