# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import OutletCase


@tagged("post_install", "-at_install")
class TestOutletApplication(OutletCase):
    def test_full_workflow_creates_certified_outlet(self):
        """R-42, R-43: approval creates outlet, partner, warehouse with reorder
        rules and a certificate valid for the configured years."""
        application = self._to_state(self._application(), "approved")
        outlet = application.outlet_id
        today = fields.Date.context_today(application)
        self.assertEqual(application.state, "approved")
        self.assertEqual(outlet.state, "active")
        self.assertEqual(outlet.partner_id.name, "Test Outlet")
        self.assertEqual(outlet.partner_id.child_ids.name, "Chen Jie")
        self.assertTrue(outlet.certificate_number.startswith("RSC-"))
        self.assertEqual(application.certificate_number, outlet.certificate_number)
        self.assertEqual(outlet.certificate_date_start, today)
        self.assertEqual(
            outlet.certificate_date_end, today + relativedelta(years=3, days=-1)
        )
        self.assertEqual(outlet.warehouse_id.code, outlet.code[:5])
        orderpoint = self.env["stock.warehouse.orderpoint"].search(
            [("warehouse_id", "=", outlet.warehouse_id.id)]
        )
        self.assertEqual(orderpoint.product_id, self.part)
        self.assertEqual(
            (orderpoint.product_min_qty, orderpoint.product_max_qty), (2, 6)
        )
        self.assertEqual(outlet.area_ids.city, "Shanghai")
        self.assertEqual(application.review_user_id, self.agent)
        self.assertEqual(application.inspector_id, self.supervisor)
        self.assertEqual(application.decision_user_id, self.manager)
        self.assertEqual(application.inspection_score, 80)
        self.assertIn(
            outlet.certificate_number,
            application.message_ids.filtered(lambda m: m.message_type == "comment")[
                :1
            ].body,
        )

    def test_validity_years_is_configuration(self):
        """R-42: the certificate validity comes from Settings."""
        settings = self.env["res.config.settings"].create(
            {"repair_certificate_validity_years": 1}
        )
        settings.execute()
        outlet = self._to_state(self._application(), "approved").outlet_id
        self.assertEqual(
            outlet.certificate_date_end,
            outlet.certificate_date_start + relativedelta(years=1, days=-1),
        )

    def test_submit_needs_every_required_document(self):
        """R-41: a missing document refuses the submission."""
        application = self._application(with_documents=False)
        with self.assertRaisesRegex(UserError, "Business licence"):
            application.with_user(self.agent).action_submit()
        self.assertEqual(application.state, "draft")

    def test_steps_by_their_group_only(self):
        """R-42: each step only by the group that owns it."""
        application = self._application()
        with self.assertRaises(AccessError):
            application.with_user(self.tech_a).action_submit()
        self._to_state(application, "inspection")
        with self.assertRaisesRegex(AccessError, "Regional CS Supervisor"):
            application.with_user(self.agent).action_complete_inspection()
        with self.assertRaises(AccessError):
            application.inspection_line_ids[0].with_user(self.agent).score = 10
        self._to_state_from_inspection(application)
        with self.assertRaisesRegex(AccessError, "CS-Centre Manager"):
            application.with_user(self.supervisor).action_approve()
        with self.assertRaisesRegex(AccessError, "CS-Centre Manager"):
            application.with_user(self.agent).action_reject()
        self.assertEqual(application.state, "decision")

    def _to_state_from_inspection(self, application):
        app = application.with_user(self.supervisor)
        app.inspection_date = "2026-11-20"
        for line in app.inspection_line_ids:
            line.score = 20
        app.action_complete_inspection()

    def test_no_step_skipped(self):
        """R-42: a step out of order and a direct state write are refused."""
        application = self._application()
        with self.assertRaisesRegex(UserError, "only when"):
            application.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(UserError, "only when"):
            application.with_user(self.agent).action_pass_review()
        with self.assertRaisesRegex(UserError, "change only through the workflow"):
            application.with_user(self.manager).write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "change only through the workflow"):
            self.env["repair.service.application"].with_user(self.manager).create(
                {
                    "outlet_name": "Forged",
                    "region_id": self.east.id,
                    "contact_name": "X",
                    "phone": "+86 21 5555 0102",
                    "email": "x@example.com",
                    "state": "approved",
                }
            )
        self.assertEqual(application.state, "draft")

    def test_material_review_needs_every_document_valid(self):
        """R-42: an invalid document blocks the review; returning it to the
        applicant sends them the remarks."""
        application = self._to_state(self._application(), "review")
        lines = application.document_ids.with_user(self.agent)
        lines.action_mark_valid()
        lines[0].write({"review_state": "invalid", "remark": "Expired licence"})
        with self.assertRaisesRegex(UserError, "Business licence"):
            application.with_user(self.agent).action_pass_review()
        application.with_user(self.agent).action_return_to_applicant()
        self.assertEqual(application.state, "draft")
        mail = application.message_ids.filtered(lambda m: m.message_type == "comment")[
            :1
        ]
        self.assertIn("Expired licence", mail.body)
        self.assertEqual(mail.partner_ids.email, "chen.jie@example.com")

    def test_form_frozen_after_submission(self):
        """R-42: what was reviewed cannot be changed afterwards (RPC write)."""
        application = self._to_state(self._application(), "review")
        with self.assertRaisesRegex(UserError, "only while the application is a draft"):
            application.with_user(self.agent).write({"outlet_name": "Renamed"})
        outlet = self._to_state(self._application(name="Other"), "approved").outlet_id
        with self.assertRaisesRegex(UserError, "only while the application is a draft"):
            application.with_user(self.agent).write({"outlet_id": outlet.id})
        with self.assertRaisesRegex(UserError, "inspection is closed"):
            outlet.application_ids.with_user(self.manager).write(
                {"inspection_date": "2020-01-01"}
            )

    def test_review_marks_only_during_review(self):
        """R-42: document checks belong to the material review step."""
        application = self._application()
        with self.assertRaisesRegex(UserError, "material review only"):
            application.document_ids[0].with_user(self.agent).action_mark_valid()

    def test_inspection_needs_date_and_scores(self):
        """R-42: the inspection is dated and every criterion scored."""
        application = self._to_state(self._application(), "inspection")
        app = application.with_user(self.supervisor)
        self.assertEqual(app.inspection_date, fields.Date.context_today(app))
        app.inspection_date = False
        with self.assertRaisesRegex(UserError, "Enter the date of the site inspection"):
            app.action_complete_inspection()
        app.inspection_date = "2026-11-20"
        with self.assertRaisesRegex(UserError, "Score every criterion"):
            app.action_complete_inspection()
        with self.assertRaisesRegex(ValidationError, "between 0 and 25"):
            app.inspection_line_ids[0].score = 30
        self.assertEqual(len(app.inspection_line_ids), 4)

    def test_assigned_inspector_only(self):
        """R-42: an assigned inspection is completed by its inspector."""
        application = self._to_state(self._application(), "inspection")
        application.with_user(self.agent).inspector_id = self.supervisor_north
        app = application.with_user(self.supervisor)
        app.inspection_date = "2026-11-20"
        for line in app.inspection_line_ids:
            line.score = 20
        with self.assertRaisesRegex(UserError, "only they can complete"):
            app.action_complete_inspection()

    def test_inspector_does_not_decide(self):
        """R-42: the person deciding is not the inspector (configurable)."""
        application = self._to_state(self._application(), "inspection")
        app = application.with_user(self.manager)
        app.inspection_date = "2026-11-20"
        for line in app.inspection_line_ids:
            line.score = 20
        app.action_complete_inspection()
        self.assertEqual(application.inspector_id, self.manager)
        with self.assertRaisesRegex(UserError, "another CS-centre manager"):
            app.action_approve()
        application.company_id.sudo().repair_allow_inspector_decision = True
        app.action_approve()
        self.assertEqual(application.state, "approved")

    def test_below_pass_mark_only_rejected(self):
        """R-42: the pass mark is configuration; below it, approval is refused."""
        application = self._to_state(self._application(), "decision", score=14)
        self.assertEqual(application.inspection_score, 56)
        with self.assertRaisesRegex(UserError, "below the pass mark of 60"):
            application.with_user(self.manager).action_approve()
        application.company_id.sudo().repair_inspection_pass_mark = 50
        application.with_user(self.manager).action_approve()
        self.assertEqual(application.state, "approved")

    def test_reject_needs_reason_and_informs_applicant(self):
        """R-42: rejection has a mandatory reason, e-mailed to the applicant."""
        application = self._to_state(self._application(), "decision")
        wizard_model = self.env["repair.service.application.reject.wizard"]
        with (
            self.assertRaises(AssertionError),
            Form(
                wizard_model.with_user(self.manager).with_context(
                    default_application_ids=application.ids
                )
            ) as wizard,
        ):
            wizard.reason = False
        wizard = wizard_model.with_user(self.manager).create(
            {"application_ids": application.ids, "reason": "   "}
        )
        with self.assertRaisesRegex(UserError, "Give the reason for the rejection"):
            wizard.action_reject()
        self.assertEqual(application.state, "decision")
        wizard.reason = "No repair bench and no trained staff."
        wizard.action_reject()
        self.assertEqual(application.state, "rejected")
        self.assertFalse(application.outlet_id)
        mail = application.message_ids.filtered(lambda m: m.message_type == "comment")[
            :1
        ]
        self.assertIn("No repair bench", mail.body)
        self.assertEqual(mail.partner_ids.email, "chen.jie@example.com")
        self.assertTrue(
            self.env["mail.mail"].search([("mail_message_id", "=", mail.id)])
        )
