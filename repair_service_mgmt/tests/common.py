# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from contextlib import contextmanager

from odoo import Command
from odoo.tests import HttpCase, TransactionCase, new_test_user

M = "repair_service_mgmt"
PDF = base64.b64encode(b"%PDF-1.4\n% test document\n%%EOF\n")


class OutletFixtures:
    """Users of every role, two regions and helpers to walk an application."""

    @classmethod
    def _setup_outlet_fixtures(cls):
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        user = lambda login, group: new_test_user(
            cls.env, login, groups=f"{M}.{group}", email=f"{login}@example.com"
        )
        cls.agent = user("t_agent", "group_cs_agent")
        cls.supervisor = user("t_sup_east", "group_cs_supervisor")
        cls.supervisor_north = user("t_sup_north", "group_cs_supervisor")
        cls.manager = user("t_csm", "group_cs_manager")
        cls.manager2 = user("t_csm2", "group_cs_manager")
        cls.tech_a = user("t_tech_a", "group_technician")
        cls.staff_a = user("t_staff_a", "group_outlet_staff")
        cls.tech_b = user("t_tech_b", "group_technician")
        Region = cls.env["repair.service.region"]
        cls.east = Region.create(
            {"name": "East", "code": "TE", "supervisor_ids": [(4, cls.supervisor.id)]}
        )
        cls.north = Region.create(
            {
                "name": "North",
                "code": "TN",
                "supervisor_ids": [(4, cls.supervisor_north.id)],
            }
        )
        cls.part = cls.env["product.product"].create(
            {"name": "Test compressor", "type": "consu", "is_storable": True}
        )
        cls.env["repair.service.spare.template.line"].search([]).unlink()
        cls.env["repair.service.spare.template.line"].create(
            {"product_id": cls.part.id, "product_min_qty": 2, "product_max_qty": 6}
        )
        cls.doc_types = cls.env["repair.service.document.type"].search([])

    @contextmanager
    def _refused(self, exception, regex):
        """The call is refused with ``exception`` matching ``regex``, and
        rolled back to a savepoint as the refused request would be (Odoo's
        ``assertRaises`` does that, ``assertRaisesRegex`` does not)."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertRegex(str(caught.exception), regex)

    @classmethod
    def _invoice(cls, order, labour, price):
        """The posted invoice of ``order``: its quotation with ``labour`` at
        ``price``, confirmed, its fees checked by the CS agent (a negotiated
        rate, with its reason), invoiced."""
        order.action_create_sale_order()
        sale_order = order.sale_order_id
        cls.env["sale.order.line"].create(
            {
                "order_id": sale_order.id,
                "product_id": labour.id,
                "product_uom_qty": 1,
                "price_unit": price,
                "tax_id": [Command.clear()],
            }
        )
        sale_order.action_confirm()
        sale_order.with_user(cls.agent).repair_fee_check_note = "Rate agreed"
        sale_order.with_user(cls.agent).action_repair_check_fees()
        invoice = sale_order._create_invoices()
        invoice.action_post()
        return invoice

    @classmethod
    def _application(cls, region=None, name="Test Outlet", with_documents=True):
        application = (
            cls.env["repair.service.application"]
            .with_user(cls.agent)
            .create(
                {
                    "outlet_name": name,
                    "region_id": (region or cls.east).id,
                    "contact_name": "Chen Jie",
                    "phone": "+86 21 5555 0101",
                    "email": "chen.jie@example.com",
                    "city": "Shanghai",
                }
            )
        )
        if with_documents:
            cls._attach_documents(application)
        return application

    @classmethod
    def _approved_outlet(cls, name, region=None, technicians=(), staff=(), **values):
        """An outlet certified through the whole workflow, with its people."""
        outlet = cls._to_state(
            cls._application(region=region, name=name), "approved"
        ).outlet_id
        outlet.sudo().write(
            {
                "technician_ids": [(4, user.id) for user in technicians],
                "staff_ids": [(4, user.id) for user in staff],
                **values,
            }
        )
        return outlet

    @classmethod
    def _attach_documents(cls, application):
        for line in application.document_ids:
            attachment = cls.env["ir.attachment"].create(
                {
                    "name": f"{line.document_type_id.code}.pdf",
                    "datas": PDF,
                    "res_model": application._name,
                    "res_id": application.id,
                }
            )
            line.with_user(cls.agent).attachment_ids = [(4, attachment.id)]

    @classmethod
    def _to_state(cls, application, state, score=20.0):
        """Walk an application to ``state`` with the right users."""
        order = ["draft", "submitted", "review", "inspection", "decision", "approved"]
        target = order.index(state)
        if target >= 1:
            application.with_user(cls.agent).action_submit()
        if target >= 2:
            application.with_user(cls.agent).action_start_review()
        if target >= 3:
            application.document_ids.with_user(cls.agent).action_mark_valid()
            application.with_user(cls.agent).action_pass_review()
        if target >= 4:
            supervisor = (
                cls.supervisor_north
                if application.region_id == cls.north
                else cls.supervisor
            )
            app = application.with_user(supervisor)
            app.inspection_date = "2026-11-20"
            for line in app.inspection_line_ids:
                line.score = score
            app.action_complete_inspection()
        if target >= 5:
            application.with_user(cls.manager).action_approve()
        return application


class OutletCase(OutletFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_outlet_fixtures()


class OutletHttpCase(OutletFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_outlet_fixtures()
