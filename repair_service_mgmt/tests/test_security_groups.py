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

    def test_each_role_sees_its_menus(self):
        """What each role finds in the app: technicians their jobs, the CS
        centre the intake and the follow-up calls, the administrator the
        configuration; an employee without a role not the app."""
        menus = self.env["ir.ui.menu"]

        def visible(role):
            user = new_test_user(self.env, f"rsm_menu_{role}", groups=role)
            return menus.with_user(user)._visible_menu_ids()

        ref = lambda xmlid: self.env.ref(f"{MODULE}.{xmlid}").id
        technician = visible(f"{MODULE}.group_technician")
        self.assertIn(ref("repair_order_my_jobs_menu"), technician)
        self.assertNotIn(ref("repair_order_intake_menu"), technician)
        self.assertNotIn(ref("repair_service_followup_menu"), technician)
        agent = visible(f"{MODULE}.group_cs_agent")
        self.assertIn(ref("repair_order_intake_menu"), agent)
        self.assertIn(ref("repair_service_followup_menu"), agent)
        self.assertNotIn(ref("menu_configuration"), agent)
        admin = visible(f"{MODULE}.group_service_admin")
        self.assertIn(ref("menu_configuration"), admin)
        self.assertIn(ref("repair_service_followup_question_menu"), admin)

    def test_outlet_staff_are_not_salespeople(self):
        """Outlet staff prepare the quotations of their orders through the
        repair order, without the sales rights on every customer."""
        staff = new_test_user(
            self.env, "rsm_staff", groups=f"{MODULE}.group_outlet_staff"
        )
        self.assertFalse(staff.has_group("sales_team.group_sale_salesman"))
        self.assertFalse(self.env["sale.order"].with_user(staff).has_access("create"))

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
