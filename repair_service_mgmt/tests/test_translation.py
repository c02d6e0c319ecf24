# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

# a rule of DESIGN.md, a clause of a seed (第七条) or a seed (S1)
RULE_REFERENCE = re.compile(
    r"(?<![A-Za-z])R-\d|第[一二三四五六七八九十百零\d]+条|(?<![A-Za-z])S[0-4](?!\w)"
)


@tagged("post_install", "-at_install")
class TestTranslation(TransactionCase):
    def test_zh_cn_loads(self):
        """The Simplified Chinese terms load and name the roles and the app."""
        self.env["res.lang"]._activate_lang("zh_CN")
        module = self.env["ir.module.module"].search(
            [("name", "=", "repair_service_mgmt")]
        )
        module._update_translations(["zh_CN"])
        env = self.env(context={"lang": "zh_CN"})
        self.assertEqual(
            env.ref("repair_service_mgmt.group_technician").name, "维修人员"
        )
        self.assertEqual(env.ref("repair_service_mgmt.menu_root").name, "维修服务")
        self.assertEqual(
            env.ref("repair_service_mgmt.group_cs_supervisor").name, "区域客服主管"
        )

    def test_no_rule_numbers_in_user_strings(self):
        """Issue #9 point 7: no term a user reads names a rule or a seed
        clause (R-03, 第七条, S1); they belong in comments and test names.
        Every exported term of the module (fields, selections, views, menus,
        data, code, reports, templates) and its Simplified Chinese text are
        read."""
        self.env["res.lang"]._activate_lang("zh_CN")
        module = self.env["ir.module.module"].search(
            [("name", "=", "repair_service_mgmt")]
        )
        module._update_translations(["zh_CN"])
        reader = TranslationModuleReader(
            self.env.cr, modules=["repair_service_mgmt"], lang="zh_CN"
        )
        terms = [(source, value) for __, __, __, __, source, value, __ in reader]
        self.assertGreater(len(terms), 1000, "the module's terms were exported")
        self.assertTrue(
            any(value for __, value in terms), "the Chinese texts were exported"
        )
        offending = [
            text
            for source, value in terms
            for text in (source, value)
            if text and RULE_REFERENCE.search(text)
        ]
        self.assertEqual(offending, [])

    def test_rule_reference_pattern(self):
        """The pattern of the check above finds what it must and no model
        names."""
        for text in ("Record it (R-09, R-10)", "S1 第七条 3(1)", "按第12条"):
            self.assertTrue(RULE_REFERENCE.search(text), text)
        for text in ("Split air conditioner KFR-35GW", "SR-200", "Size S10"):
            self.assertFalse(RULE_REFERENCE.search(text), text)
