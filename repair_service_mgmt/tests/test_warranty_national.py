# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-20…R-25: the national 三包 details of the one warranty decision, and
its boundary days in the user's time zone."""

from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.misc import get_lang

from .common import OutletCase

M = "repair_service_mgmt"
SHANGHAI = "Asia/Shanghai"


@tagged("post_install", "-at_install")
class TestWarrantyNational(OutletCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Sun Li"})
        cls.categ = cls.env["product.category"].create({"name": "Washing machines"})
        cls.appliance = cls.env["product.product"].create(
            {
                "name": "Front-load washer",
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.categ.id,
            }
        )
        cls.policy = cls.env["repair.warranty.policy"].create(
            {"name": "Washing machines", "categ_id": cls.categ.id, "unit_months": 12}
        )
        cls.decision = cls.env["repair.warranty.decision"]
        cls.today = fields.Date.context_today(cls.env["repair.order"])
        cls.misuse = cls.env.ref(f"{M}.warranty_exclusion_misuse")
        cls.seconds = cls.env.ref(f"{M}.warranty_exclusion_seconds")

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _lot(self):
        return self.env["stock.lot"].create(
            {
                "name": f"WM-{self.env['stock.lot'].search_count([])}",
                "product_id": self.appliance.id,
            }
        )

    def _order(self, purchase=None, lot=None, **vals):
        values = {
            "partner_id": self.customer.id,
            "product_id": self.appliance.id,
            "lot_id": (lot or self._lot()).id,
        }
        if purchase:
            values.update(
                warranty_card_number="WC-N",
                purchase_invoice_number="INV-N",
                purchase_invoice_date=purchase,
            )
        values.update(vals)
        return self.env["repair.order"].create(values)

    def _carry_in(self, order, when):
        """Pretend ``order`` was taken in at ``when`` (a naive UTC datetime)."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE repair_order SET create_date = %s WHERE id = %s", [when, order.id]
        )
        order.invalidate_recordset()

    def _deliver(self, lot, when):
        """Deliver ``lot`` to a customer, done at ``when`` (naive UTC)."""
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
        line = self.env["stock.move.line"].create(
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
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE stock_move_line SET date = %s WHERE id = %s", [when, line.id]
        )
        line.invalidate_recordset()

    def _decide(self, order, tz=SHANGHAI):
        return self.decision.with_context(tz=tz)._decide(order)[order.id]

    def _exclude(self, order, reason, user=None):
        return (
            self.env["repair.warranty.exclusion"]
            .with_user(user or self.agent)
            .create({"repair_id": order.id, "reason_id": reason.id, "note": "Seen"})
        )

    # ------------------------------------------------------------------
    # the boundary days, in the user's time zone
    # ------------------------------------------------------------------
    def test_r20_day_365_and_366_in_shanghai(self):
        """Delivered 2025-03-01 23:30 in Shanghai (15:30 UTC): a repair taken
        in on 2026-02-28 23:30 there is on day 365, one on 2026-03-01 23:30
        on day 366."""
        lot = self._lot()
        self._deliver(lot, datetime(2025, 3, 1, 15, 30))
        order = self._order(lot=lot)
        self._carry_in(order, datetime(2026, 2, 28, 15, 30))
        day_365 = self._decide(order)
        self.assertTrue(day_365["in_warranty"])
        self.assertEqual(day_365["rule"], "unit")
        self.assertEqual(day_365["purchase_date"], date(2025, 3, 1))
        self.assertEqual(day_365["days_left"], 0)
        self._carry_in(order, datetime(2026, 3, 1, 15, 30))
        day_366 = self._decide(order)
        self.assertFalse(day_366["in_warranty"])
        self.assertEqual(day_366["rule"], "expired")

    def test_r20_midnight_in_shanghai_is_the_day_before_in_utc(self):
        """A delivery at 00:30 in Shanghai (16:30 UTC the day before) counts
        for the Shanghai day; so does a carry-in at 00:30."""
        lot = self._lot()
        self._deliver(lot, datetime(2025, 3, 1, 16, 30))  # 2025-03-02 00:30 +08
        order = self._order(lot=lot)
        self._carry_in(order, datetime(2026, 3, 1, 15, 30))  # 2026-03-01 23:30 +08
        shanghai = self._decide(order)
        self.assertEqual(shanghai["purchase_date"], date(2025, 3, 2))
        self.assertTrue(shanghai["in_warranty"])
        self.assertEqual(shanghai["days_left"], 0)
        # read in UTC, the same instants are a day earlier: expired
        self.assertFalse(self._decide(order, tz="UTC")["in_warranty"])
        self._carry_in(order, datetime(2026, 3, 1, 16, 30))  # 2026-03-02 00:30 +08
        self.assertFalse(self._decide(order)["in_warranty"])
        self.assertEqual(self._decide(order)["rule"], "expired")

    def test_r20_leap_year_last_day(self):
        """Bought on 2024-02-29: the 12-month warranty's last day is
        2025-02-28."""
        order = self._order(purchase=date(2024, 2, 29))
        self._carry_in(order, datetime(2025, 2, 28, 4, 0))  # 12:00 in Shanghai
        last_day = self._decide(order)
        self.assertTrue(last_day["in_warranty"])
        self.assertEqual(last_day["days_left"], 0)
        end = date(2025, 2, 28).strftime(get_lang(self.env).date_format)
        self.assertIn(f"until {end}", last_day["reason"])
        self._carry_in(order, datetime(2025, 3, 1, 4, 0))
        after = self._decide(order)
        self.assertFalse(after["in_warranty"])
        self.assertIn(f"ended on {end}", after["reason"])

    # ------------------------------------------------------------------
    # evidence and exclusions
    # ------------------------------------------------------------------
    def test_r21_missing_card_and_altered_invoice(self):
        purchase = self.today - timedelta(days=20)
        no_card = self._order(
            purchase_invoice_number="INV-3", purchase_invoice_date=purchase
        )
        self.assertFalse(no_card.under_warranty)
        self.assertEqual(no_card.warranty_rule, "no_evidence")
        self.assertIn("charged", no_card.warranty_reason)
        altered = self._order(purchase=purchase)
        self.assertTrue(altered.under_warranty)
        altered.with_user(self.agent).write({"warranty_evidence_altered": True})
        self.assertFalse(altered.under_warranty)
        self.assertEqual(altered.warranty_rule, "evidence_altered")
        self.assertEqual(altered.warranty_evidence_judged_by_id, self.agent)

    def test_r22_each_exclusion_reason_makes_it_chargeable(self):
        """Every exclusion reason of the data, after the presumption window."""
        reasons = self.env["repair.warranty.exclusion.reason"].search([])
        self.assertGreaterEqual(len(reasons), 6)
        purchase = self.today - relativedelta(months=8)
        for reason in reasons:
            with self.subTest(reason=reason.code):
                order = self._order(purchase=purchase)
                self.assertTrue(order.under_warranty)
                self._exclude(order, reason)
                self.assertFalse(order.under_warranty)
                self.assertEqual(order.warranty_rule, "exclusion")
                self.assertIn(reason.name, order.warranty_reason)

    def test_r22_seconds_inside_period_charged_reason_in_chinese(self):
        lang = (
            self.env["res.lang"]
            .with_context(active_test=False)
            .search([("code", "=", "zh_CN")])
        )
        if not lang.active:
            self.env["base.language.install"].create(
                {"lang_ids": [(6, 0, lang.ids)], "overwrite": False}
            ).lang_install()
        # a fact of the sale: no presumption, even a week after the purchase
        order = self._order(purchase=self.today - timedelta(days=7))
        self.assertTrue(order.under_warranty)
        self._exclude(order, self.seconds)
        self.assertFalse(order.under_warranty)
        self.assertEqual(order.warranty_rule, "exclusion")
        reason = order.with_context(lang="zh_CN").warranty_reason
        self.assertIn("作为等外品或处理品出售", reason)
        self.assertIn("维修收费", reason)

    # ------------------------------------------------------------------
    # the override
    # ------------------------------------------------------------------
    def test_r24_override_with_and_without_the_right(self):
        order = self._order(purchase=self.today - timedelta(days=30))
        self.assertTrue(order.under_warranty)
        for user in (self.agent, self.tech_a, self.staff_a):
            with self.assertRaises(AccessError):
                order.with_user(user).action_override_warranty("out", "Forged")
        self.assertTrue(order.under_warranty)
        order.with_user(self.manager).action_override_warranty("out", "Flood damage")
        self.assertFalse(order.under_warranty)
        self.assertEqual(order.warranty_rule, "override")
        self.assertEqual(order.warranty_override_by_id, self.manager)
        self.assertIn("Flood damage", order.message_ids[:1].body)

    # ------------------------------------------------------------------
    # days in repair and waiting for parts extend the warranty
    # ------------------------------------------------------------------
    def test_r25_extension_by_days_in_repair_and_waiting_for_parts(self):
        lot = self._lot()
        earlier = self._order(lot=lot)
        self._carry_in(earlier, fields.Datetime.now() - timedelta(days=12))
        earlier.action_wait_for_parts()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE repair_order SET parts_waiting_since = %s WHERE id = %s",
            [fields.Datetime.now() - timedelta(days=5), earlier.id],
        )
        earlier.invalidate_recordset()
        earlier.action_parts_arrived()
        self.assertFalse(earlier.parts_waiting_since)
        self.assertEqual(earlier.warranty_waiting_days, 5)
        earlier.write({"completed_at": fields.Datetime.now()})
        # 12 days from intake to completion: 7 in repair, 5 waiting
        self.assertEqual(earlier.warranty_repair_days, 7)
        history, _same = self.decision._repair_history(lot, ())
        self.assertEqual(history[lot.id][0], 12)
        purchase = self.today - relativedelta(months=12)
        order = self._order(purchase=purchase, lot=lot)
        self.assertTrue(order.under_warranty, "12 days extend the year")
        self.assertEqual(order.warranty_days_left, 11)
        self.assertIn(
            "extended by 7 days in repair and 5 days waiting for parts",
            order.warranty_reason,
        )
        self.policy.extend_by_repair_days = False
        order.invalidate_recordset()
        self.assertEqual(order.warranty_days_left, 0)
        self.assertNotIn("waiting for parts", order.warranty_reason)

    def test_r25_waiting_for_parts_is_the_technicians_step(self):
        outlet = self._approved_outlet(
            "Washer Outlet", technicians=[self.tech_a], staff=[self.staff_a]
        )
        order = self._order(purchase=self.today - timedelta(days=30))
        order.sudo().write({"outlet_id": outlet.id, "technician_id": self.tech_a.id})
        # the technician's form offers the step
        form = self.env.ref("repair.view_repair_order_form")
        arch = (
            self.env["repair.order"]
            .with_user(self.tech_a)
            .get_views([(form.id, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="action_wait_for_parts"', arch)
        self.assertIn('name="action_parts_arrived"', arch)
        with self.assertRaises(AccessError):
            order.with_user(self.tech_b).action_wait_for_parts()
        with self.assertRaises(UserError):
            order.with_user(self.tech_a).write(
                {"parts_waiting_since": fields.Datetime.now()}
            )
        with self.assertRaises(UserError):
            order.with_user(self.tech_a).action_parts_arrived()
        order.with_user(self.tech_a).action_wait_for_parts()
        self.assertTrue(order.parts_waiting_since)
        with self.assertRaises(UserError):
            order.with_user(self.staff_a).action_wait_for_parts()
        with self.assertRaises(UserError):
            order.with_user(self.tech_a).write({"warranty_waiting_days": 40})
        order.with_user(self.staff_a).action_parts_arrived()
        self.assertFalse(order.parts_waiting_since)
        self.assertEqual(order.warranty_waiting_days, 0)
        self.assertIn("The parts arrived after 0 days", order.message_ids[:1].body)

    # ------------------------------------------------------------------
    # the exchange proposals
    # ------------------------------------------------------------------
    def test_r25_exchange_when_parts_missing_90_days(self):
        self.policy.repair_delay_days = 0
        order = self._order(
            purchase=self.today - relativedelta(months=5), user_id=self.manager.id
        )
        self._carry_in(order, fields.Datetime.now() - timedelta(days=89))
        order.action_wait_for_parts()
        self.assertEqual(order.warranty_options, "repair")
        self.assertFalse(order.warranty_exchange_proposal)
        self.assertFalse(order.activity_ids)
        self._carry_in(order, fields.Datetime.now() - timedelta(days=90))
        self.assertTrue(order.under_warranty)
        self.assertEqual(order.warranty_options, "repair, exchange")
        self.assertEqual(order.warranty_exchange_proposal, "parts not available")
        self.assertIn(
            "still not available 90 days after carry-in", order.warranty_reason
        )
        # the daily job asks the CS centre once
        self.env["repair.order"]._cron_warranty_exchange_proposals()
        self.env["repair.order"]._cron_warranty_exchange_proposals()
        exchange = self.env.ref(f"{M}.mail_activity_warranty_exchange")
        activity = order.activity_ids.filtered(lambda a: a.activity_type_id == exchange)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager)
        self.assertTrue(order.warranty_exchange_raised_at)
        # the parts arrive: no proposal any more
        order.action_parts_arrived()
        self.assertFalse(order.warranty_exchange_proposal)
        self.assertEqual(order.warranty_options, "repair")
        # 0 disables the rule
        order.action_wait_for_parts()
        self.assertTrue(order.warranty_exchange_proposal)
        self.policy.parts_missing_days = 0
        order.invalidate_recordset()
        self.assertFalse(order.warranty_exchange_proposal)
        # the order done closes the activity
        order.action_validate()
        order.action_repair_start()
        order.action_repair_done()
        self.assertEqual(order.state, "done")
        self.assertFalse(order.parts_waiting_since)
        self.assertFalse(
            order.activity_ids.filtered(lambda a: a.activity_type_id == exchange)
        )
        done = self.env["mail.message"].search(
            [
                ("model", "=", "repair.order"),
                ("res_id", "=", order.id),
                ("mail_activity_type_id", "=", exchange.id),
            ]
        )
        self.assertEqual(len(done), 1, "closed as done, kept in the chatter")

    def test_r25_exchange_when_repair_delayed_30_days(self):
        order = self._order(
            purchase=self.today - relativedelta(months=3), user_id=self.manager.id
        )
        self._carry_in(order, fields.Datetime.now() - timedelta(days=30))
        self.assertFalse(order.warranty_exchange_proposal)
        self.assertEqual(order.warranty_options, "repair")
        self._carry_in(order, fields.Datetime.now() - timedelta(days=31))
        self.assertEqual(order.warranty_exchange_proposal, "repair delayed")
        self.assertEqual(order.warranty_options, "repair, exchange")
        self.assertIn(
            "31 days since carry-in, more than 30 days", order.warranty_reason
        )
        self.env["repair.order"]._cron_warranty_exchange_proposals()
        exchange = self.env.ref(f"{M}.mail_activity_warranty_exchange")
        self.assertEqual(
            len(order.activity_ids.filtered(lambda a: a.activity_type_id == exchange)),
            1,
        )
        # out of warranty: no 三包 exchange
        expired = self._order(purchase=self.today - relativedelta(months=14))
        self._carry_in(expired, fields.Datetime.now() - timedelta(days=31))
        self.assertFalse(expired.warranty_exchange_proposal)
        self.policy.repair_delay_days = 0
        order.invalidate_recordset()
        self.assertFalse(order.warranty_exchange_proposal)

    # ------------------------------------------------------------------
    # durable goods, the seller's presumption
    # ------------------------------------------------------------------
    def test_r25_presumption_exclusion_waits_for_the_cs_centre(self):
        self.assertTrue(self.policy.durable_goods)
        self.assertEqual(self.policy.presumption_months, 6)
        # the window's last day: carry-in today, bought 6 months ago + 1 day
        order = self._order(
            purchase=self.today - relativedelta(months=6) + timedelta(days=1)
        )
        exclusion = self._exclude(order, self.misuse)
        self.assertTrue(order.under_warranty, "presumed the seller's")
        self.assertEqual(order.warranty_rule, "unit")
        self.assertIn("presumed the seller's", order.warranty_reason)
        self.assertIn(self.misuse.name, order.warranty_reason)
        self.assertTrue(exclusion.needs_cs_confirmation)
        for user in (self.agent, self.tech_a, self.staff_a):
            with self.assertRaises(AccessError):
                exclusion.with_user(user).action_cs_confirm()
            with self.assertRaises(UserError):
                exclusion.with_user(user).write({"cs_confirmed": True})
        self.assertTrue(order.under_warranty)
        exclusion.with_user(self.manager).action_cs_confirm()
        self.assertTrue(exclusion.cs_confirmed)
        self.assertEqual(exclusion.cs_confirmed_by_id, self.manager)
        self.assertFalse(exclusion.needs_cs_confirmation)
        self.assertFalse(order.under_warranty)
        self.assertEqual(order.warranty_rule, "exclusion")
        self.assertIn("confirmed by the CS centre", order.message_ids[:1].body)
        with self.assertRaises(UserError):
            exclusion.with_user(self.manager).action_cs_confirm()
        # what the CS centre confirmed stays: the outlet cannot swap or drop it
        with self.assertRaises(UserError):
            exclusion.with_user(self.agent).write({"reason_id": self.seconds.id})
        with self.assertRaises(AccessError):
            exclusion.with_user(self.agent).unlink()
        self.assertTrue(exclusion.exists())
        self.assertFalse(order.under_warranty)

    def test_r25_presumption_ends_after_six_months(self):
        order = self._order(purchase=self.today - relativedelta(months=6))
        exclusion = self._exclude(order, self.misuse)
        self.assertFalse(exclusion.needs_cs_confirmation)
        self.assertFalse(order.under_warranty)
        self.assertEqual(order.warranty_rule, "exclusion")
        self.assertNotIn("presumed", order.warranty_reason)
        # not a durable good: the exclusion counts at once
        recent = self._order(purchase=self.today - timedelta(days=10))
        self._exclude(recent, self.misuse)
        self.assertTrue(recent.under_warranty)
        self.policy.durable_goods = False
        self.assertFalse(recent.under_warranty)
        self.assertEqual(recent.warranty_rule, "exclusion")
