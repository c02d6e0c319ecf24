# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-36: quality information sheets (质量信息单), sent to the quality
department, analysed and closed with a countermeasure, linked to the
complaints and orders behind them."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import M
from .test_complaint import ComplaintCase


@tagged("post_install", "-at_install")
class TestQualitySheet(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quality = new_test_user(
            cls.env, "t_quality_qis", groups=f"{M}.group_quality"
        )
        cls.quality2 = new_test_user(
            cls.env, "t_quality_qis2", groups=f"{M}.group_quality"
        )
        cls.noise = cls.env.ref(f"{M}.fault_symptom_noise")
        cls.order = (
            cls.env["repair.order"]
            .sudo()
            .create(
                {
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "symptom_id": cls.noise.id,
                    "fault_description": "Loud rattle from the compressor.",
                }
            )
        )

    def _sheet(self, user=None, **values):
        return (
            self.env["repair.service.quality.sheet"]
            .with_user(user or self.agent)
            .create(
                {
                    "product_id": self.product.id,
                    "defect_type": "functional",
                    "description": "Compressor rattles after a week.",
                    **values,
                }
            )
        )

    def _analysis_activities(self, sheet):
        kind = self.env.ref(f"{M}.mail_activity_quality_sheet_analysis")
        return sheet.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def test_r36_steps_by_role_and_state(self):
        """Draft → sent (CS) → analysed (quality) → closed (quality, with the
        countermeasure); each step refused to the wrong role and state."""
        sheet = self._sheet()
        self.assertTrue(sheet.name.startswith("QIS/"))
        self.assertEqual((sheet.state, sheet.next_action), ("draft", "action_send"))
        with self._refused(UserError, "Sent to Quality"):
            sheet.with_user(self.quality).action_analyse()
        with self._refused(AccessError, "CS Agent"):
            sheet.with_user(self.tech_a).action_send()
        sheet.action_send()
        self.assertEqual((sheet.state, sheet.sent_by_id), ("sent", self.agent))
        # every member of the quality department is asked to analyse it
        activities = self._analysis_activities(sheet)
        self.assertLessEqual(self.quality | self.quality2, activities.user_id)
        # the CS agent neither analyses nor writes the analysis
        with self._refused(AccessError, "Quality"):
            sheet.action_analyse()
        with self._refused(AccessError, "Quality"):
            sheet.write({"analysis": "Not mine to write"})
        as_quality = sheet.with_user(self.quality)
        with self._refused(UserError, "Quality Analysis"):
            as_quality.action_analyse()
        as_quality.write({"analysis": "Loose mount", "cause": "Torque too low"})
        as_quality.action_analyse()
        self.assertEqual(
            (sheet.state, sheet.analysed_by_id), ("analysed", self.quality)
        )
        # the analysis answers the activities
        self.assertFalse(self._analysis_activities(sheet))
        # what was reported is kept as sent
        with self._refused(UserError, "Product"):
            sheet.write(
                {"product_id": self.env["product.product"].create({"name": "X"}).id}
            )
        with self._refused(UserError, "Countermeasure"):
            as_quality.action_close()
        with self._refused(AccessError, "Quality"):
            sheet.action_close()
        as_quality.write({"countermeasure": "Torque spec raised to 12 Nm"})
        as_quality.action_close()
        self.assertEqual(sheet.state, "closed")
        self.assertEqual(sheet.closed_by_id, self.quality)
        self.assertTrue(sheet.closed_at)
        with self._refused(UserError, "kept as recorded"):
            as_quality.write({"countermeasure": "Changed afterwards"})

    def test_r36_state_not_written_directly(self):
        """The state and the step fields change through the steps only."""
        sheet = self._sheet()
        with self._refused(UserError, "workflow buttons"):
            sheet.write({"state": "closed"})
        with self._refused(UserError, "workflow buttons"):
            sheet.with_user(self.quality).write({"closed_by_id": self.quality.id})
        with self._refused(UserError, "workflow buttons"):
            self._sheet(state="analysed")
        self.assertEqual(sheet.state, "draft")

    def test_r36_cancel_and_keep(self):
        sheet = self._sheet()
        with self._refused(AccessError, "CS supervisor or the quality"):
            sheet.action_cancel()
        sheet.action_send()
        sheet.with_user(self.quality).action_cancel()
        self.assertEqual(sheet.state, "cancelled")
        self.assertFalse(self._analysis_activities(sheet))
        self.assertEqual(
            self._line(sheet, "sla_policy_quality_sheet_analysis").state, "met"
        )
        with self._refused(AccessError, "not allowed to delete"):
            sheet.with_user(self.agent).unlink()
        with self._refused(UserError, "cannot be deleted"):
            sheet.with_user(self.env.ref("base.user_admin")).unlink()

    def test_r36_analysis_deadline_from_the_policy(self):
        """The analysis is due 72 hours after the sending (the policy's
        hours); a late analysis breaches it."""
        policy = self.env.ref(f"{M}.sla_policy_quality_sheet_analysis")
        self.assertEqual(policy.hours, 72)
        policy.hours = 48
        with freeze_time("2031-03-02 08:00:00"):
            sheet = self._sheet()
            sheet.action_send()
            line = self._line(sheet, "sla_policy_quality_sheet_analysis")
            self.assertEqual(line.deadline, fields.Datetime.now() + timedelta(hours=48))
            self.assertEqual(line.state, "running")
        with freeze_time("2031-03-05 08:00:00"):
            sheet.with_user(self.quality).write({"analysis": "Late", "cause": "Late"})
            sheet.with_user(self.quality).action_analyse()
        self.assertEqual(line.state, "breached")

    def test_r36_from_a_complaint_and_an_order(self):
        """The button on a complaint or an order issues a sheet filled from
        it; smart buttons lead both ways."""
        complaint = self._complaint(repair_ids=[Command.set(self.order.ids)])
        action = complaint.with_user(self.agent).action_create_quality_sheet()
        sheet = self.env["repair.service.quality.sheet"].browse(action["res_id"])
        self.assertEqual(sheet.state, "draft")
        self.assertEqual(sheet.complaint_ids, complaint)
        self.assertEqual(sheet.repair_ids, self.order)
        self.assertEqual(sheet.product_id, self.product)
        self.assertEqual(sheet.symptom_id, self.noise)
        self.assertEqual(sheet.description, complaint.description)
        self.assertEqual(complaint.quality_sheet_count, 1)
        self.assertEqual(self.order.quality_sheet_count, 1)
        action = self.order.with_user(self.agent).action_create_quality_sheet()
        second = self.env["repair.service.quality.sheet"].browse(action["res_id"])
        self.assertEqual(second.repair_ids, self.order)
        self.assertEqual(second.complaint_ids, complaint)
        self.assertEqual(second.description, "Loud rattle from the compressor.")
        self.order.invalidate_recordset(["quality_sheet_count"])
        self.assertEqual(self.order.quality_sheet_count, 2)
        found = self.env["repair.service.quality.sheet"].search(
            self.order.action_view_quality_sheets()["domain"]
        )
        self.assertEqual(found, sheet | second)
        self.assertEqual(
            sheet.action_view_complaints()["domain"], [("id", "in", complaint.ids)]
        )
        # an outlet user issues none
        with self._refused(AccessError, "CS Agent"):
            complaint.with_user(self.tech_a).action_create_quality_sheet()

    def test_r36_quality_reads_the_sheet_and_its_links(self):
        """The quality department reads a sheet with its complaints and
        orders; outlet roles read no sheet."""
        complaint = self._complaint(repair_ids=[Command.set(self.order.ids)])
        sheet = self._sheet(
            complaint_ids=[Command.set(complaint.ids)],
            repair_ids=[Command.set(self.order.ids)],
        )
        as_quality = sheet.with_user(self.quality)
        self.assertEqual(
            as_quality.complaint_ids.mapped("display_name"), [complaint.display_name]
        )
        self.assertEqual(as_quality.repair_ids.mapped("name"), [self.order.name])
        self.assertFalse(
            self.env["repair.service.quality.sheet"]
            .with_user(self.tech_a)
            .has_access("read")
        )

    def test_r36_quality_opens_the_sheet_and_the_complaint_forms(self):
        """The quality department works from the forms: the sheet's (its
        answer) and the complaint's behind it (read only)."""
        lot = self.env["stock.lot"].create(
            {"name": "QIS-LOT", "product_id": self.product.id}
        )
        complaint = self._complaint(
            repair_ids=[Command.set(self.order.ids)], lot_id=lot.id
        )
        sheet = self._sheet(
            complaint_ids=[Command.set(complaint.ids)],
            repair_ids=[Command.set(self.order.ids)],
            lot_id=lot.id,
            symptom_id=self.noise.id,
        )
        sheet.action_send()
        with Form(sheet.with_user(self.quality)) as form:
            self.assertEqual(form.state, "sent")
            form.analysis = "Loose mount"
            form.cause = "Torque too low"
        self.assertEqual(sheet.analysis, "Loose mount")
        complaint_form = Form(complaint.with_user(self.quality))
        self.assertEqual(complaint_form.quality_sheet_count, 1)

    def test_r34_r36_batch_accident_opens_one_sheet(self):
        """A batch quality accident found by the scheduled action opens one
        sheet, sent to the quality department; a re-run adds the new orders
        to it and never opens a second."""
        self.env.company.write({"batch_accident_rate": 0, "batch_accident_units": 2})
        self.env["repair.order"].sudo().search([]).write({"symptom_id": False})
        Complaint = self.env["repair.service.complaint"]
        Complaint.with_context(active_test=False).search(
            [("batch_key", "!=", False)]
        ).sudo().write({"batch_key": False})
        product = self.env["product.product"].create({"name": "Batch washer"})

        def repairs(count):
            return (
                self.env["repair.order"]
                .sudo()
                .create(
                    [
                        {
                            "partner_id": self.customer.id,
                            "product_id": product.id,
                            "symptom_id": self.noise.id,
                        }
                        for _i in range(count)
                    ]
                )
            )

        first = repairs(2)
        Complaint._cron_batch_quality_accidents()
        accident = Complaint.search(
            [("kind", "=", "batch_quality"), ("product_id", "=", product.id)]
        )
        self.assertEqual(len(accident), 1)
        Sheet = self.env["repair.service.quality.sheet"]
        sheet = Sheet.search([("complaint_ids", "in", accident.ids)])
        self.assertEqual(len(sheet), 1)
        self.assertEqual(
            (sheet.state, sheet.defect_type, sheet.product_id, sheet.symptom_id),
            ("sent", "representative", product, self.noise),
        )
        self.assertEqual(sheet.repair_ids, first)
        self.assertIn(self.quality, self._analysis_activities(sheet).user_id)
        more = repairs(1)
        Complaint._cron_batch_quality_accidents()
        self.assertEqual(Sheet.search([("complaint_ids", "in", accident.ids)]), sheet)
        self.assertEqual(sheet.repair_ids, first | more)

    def test_r36_issuer_and_date_are_the_servers(self):
        """Who issued a sheet and when are recorded by the server: forged at
        creation they are replaced, written later they are refused."""
        sheet = self._sheet(user_id=self.manager.id, date="2020-01-01 00:00:00")
        self.assertEqual(sheet.user_id, self.agent)
        self.assertGreater(sheet.date, fields.Datetime.to_datetime("2026-01-01"))
        for values in ({"user_id": self.manager.id}, {"date": "2020-01-01 00:00:00"}):
            with self._refused(UserError, "."):
                sheet.with_user(self.agent).write(values)
        self.assertEqual(sheet.user_id, self.agent)
