# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

M = "repair_service_mgmt"


@tagged("post_install", "-at_install")
class TestDemoCompany(TransactionCase):
    """The demo is a Chinese after-sales service company: its users meet
    their own country, currency, time zone, paper and language."""

    def test_company(self):
        """China, CNY, Asia/Shanghai, A4, a Shanghai address and phone."""
        company = self.env.ref("base.main_company")
        self.assertEqual(company.country_id, self.env.ref("base.cn"))
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.partner_id.tz, "Asia/Shanghai")
        self.assertEqual(company.resource_calendar_id.tz, "Asia/Shanghai")
        self.assertEqual(company.paperformat_id.format, "A4")
        self.assertEqual(company.state_id, self.env.ref("base.state_cn_SH"))
        self.assertEqual(company.phone, "+86 21 5033 7788")
        self.assertIn("上海", company.name)
        # the accounting demo was made again in the company's currency
        moves = self.env["account.move"].search(
            [("company_id", "=", company.id), ("state", "=", "posted")]
        )
        self.assertTrue(moves)
        self.assertEqual(moves.line_ids.company_currency_id, company.currency_id)

    def test_languages(self):
        """zh_CN is installed, with times to the minute; the Chinese demo
        users work in it, the administrator and the CS agent "demo" in
        English."""
        lang = self.env["res.lang"]._lang_get("zh_CN")
        self.assertTrue(lang.active)
        self.assertNotIn("%S", lang.time_format)
        self.assertIn(("zh_CN", lang.name), self.env["res.lang"].get_installed())
        chinese = [
            "user_technician_demo",
            "user_technician2_demo",
            "user_outlet_manager_demo",
            "user_outlet2_manager_demo",
            "user_cs_manager_demo",
            "user_cs_supervisor_demo",
            "user_cs_supervisor_north_demo",
        ]
        for xmlid in chinese:
            self.assertEqual(self.env.ref(f"{M}.{xmlid}").lang, "zh_CN", xmlid)
        for xmlid in ("base.user_admin", "base.user_demo"):
            self.assertEqual(self.env.ref(xmlid).lang, "en_US", xmlid)
        # Odoo's own terms and this module's are translated
        category = self.env.ref("base.module_category_services")
        self.assertEqual(category.with_context(lang="zh_CN").name, "服务")
        menu = self.env.ref(f"{M}.menu_root")
        self.assertEqual(menu.with_context(lang="en_US").name, "Repair Service")
        self.assertNotEqual(menu.with_context(lang="zh_CN").name, "Repair Service")
