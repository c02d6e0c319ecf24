# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user, tagged

MODULE = "repair_service_mgmt"


@tagged("post_install", "-at_install")
class TestSecurityGroups(TransactionCase):
    """The roles of DESIGN.md (Architecture → Roles) and their implications."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env.ref(f"{MODULE}.module_category_repair_service")

    def _group(self, name):
        return self.env.ref(f"{MODULE}.group_{name}")

    def test_module_installed(self):
        module = self.env["ir.module.module"].search([("name", "=", MODULE)])
        self.assertEqual(module.state, "installed")
        self.assertTrue(module.application)

    def test_roles_in_category(self):
        groups = self.env["res.groups"].search([("category_id", "=", self.category.id)])
        self.assertEqual(
            sorted(groups.mapped(lambda g: g.get_external_id()[g.id].split(".")[1])),
            sorted(
                f"group_{name}"
                for name in [
                    "technician",
                    "outlet_staff",
                    "outlet_manager",
                    "cs_agent",
                    "cs_supervisor",
                    "cs_manager",
                    "commercial_office",
                    "quality",
                    "factory",
                    "vice_president",
                    "service_admin",
                ]
            ),
        )
        self.assertEqual(self.category.name, "Repair Service")

    def test_chains(self):
        chains = [
            ("outlet_staff", "technician"),
            ("outlet_manager", "outlet_staff"),
            ("cs_supervisor", "cs_agent"),
            ("cs_manager", "cs_supervisor"),
        ]
        for upper, lower in chains:
            with self.subTest(upper=upper):
                self.assertIn(self._group(lower), self._group(upper).implied_ids)
        # the two chains do not mix: an outlet manager is not in the CS centre
        self.assertNotIn(
            self._group("cs_agent"), self._group("outlet_manager").trans_implied_ids
        )
        self.assertNotIn(
            self._group("technician"), self._group("cs_manager").trans_implied_ids
        )

    def test_service_admin_has_every_role(self):
        admin = self._group("service_admin")
        others = self.env["res.groups"].search(
            [("category_id", "=", self.category.id), ("id", "!=", admin.id)]
        )
        self.assertEqual(others - admin.trans_implied_ids, self.env["res.groups"])
        self.assertIn(self.env.ref("base.group_user"), admin.trans_implied_ids)

    def test_user_gets_implied_groups(self):
        user = new_test_user(
            self.env, "rsm_mgr", groups=f"{MODULE}.group_outlet_manager"
        )
        self.assertTrue(user.has_group(f"{MODULE}.group_technician"))
        self.assertTrue(user.has_group("stock.group_stock_user"))
        self.assertFalse(user.has_group(f"{MODULE}.group_cs_agent"))
        self.assertFalse(user.has_group(f"{MODULE}.group_service_admin"))

    def test_configuration_menu_for_service_admin_only(self):
        config = self.env.ref(f"{MODULE}.menu_configuration")
        root = self.env.ref(f"{MODULE}.menu_root")
        manager = new_test_user(
            self.env, "rsm_csm", groups=f"{MODULE}.group_cs_manager"
        )
        admin = new_test_user(
            self.env, "rsm_adm", groups=f"{MODULE}.group_service_admin"
        )
        outsider = new_test_user(self.env, "rsm_out", groups="base.group_user")
        menus = self.env["ir.ui.menu"]
        self.assertIn(root.id, menus.with_user(manager)._visible_menu_ids())
        self.assertNotIn(config.id, menus.with_user(manager)._visible_menu_ids())
        self.assertIn(config.id, menus.with_user(admin)._visible_menu_ids())
        self.assertNotIn(root.id, menus.with_user(outsider)._visible_menu_ids())

    def test_service_admin_edits_approval_tiers(self):
        admin = new_test_user(
            self.env, "rsm_adm2", groups=f"{MODULE}.group_service_admin"
        )
        agent = new_test_user(self.env, "rsm_agent", groups=f"{MODULE}.group_cs_agent")
        tier = self.env["tier.definition"]
        self.assertTrue(tier.with_user(admin).has_access("create"))
        self.assertFalse(tier.with_user(agent).has_access("create"))
        self.assertTrue(tier.with_user(agent).has_access("read"))
