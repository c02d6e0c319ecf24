# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


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
