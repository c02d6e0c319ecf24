# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from .repair_service_application import _of_company


class RepairServiceApplication(models.Model):
    """R-42: the steps of an application, each by the role that owns it:
    submission, material review, site inspection, decision."""

    _inherit = "repair.service.application"

    # ------------------------------------------------------------------
    # Workflow: each step by the group that owns it, none skipped
    # ------------------------------------------------------------------
    def action_submit(self):
        self._check_role("group_cs_agent", self.env._("submit an application"))
        self._check_state(["draft"], self.env._("submit the application"))
        for application in self:
            missing = application._missing_document_types()
            if missing:
                raise UserError(
                    self.env._(
                        "%(application)s cannot be submitted: these documents are "
                        "missing: %(documents)s. Attach them first.",
                        application=application.display_name,
                        documents=", ".join(missing.mapped("name")),
                    )
                )
            application._check_name_free()
        self._workflow_step().write({"state": "submitted"})
        return True

    def _check_name_free(self):
        """A new outlet needs a name of its own: its warehouse and its
        partner carry it (an application for an existing outlet renews it)."""
        self.ensure_one()
        if self.outlet_id:
            return
        name = (self.outlet_name or "").strip()
        taken = self.env["repair.service.outlet"].sudo().with_context(
            active_test=False
        ).search_count(
            [("name", "=ilike", name), ("company_id", "=", self.company_id.id)],
            limit=1,
        ) or self.env["stock.warehouse"].sudo().with_context(
            active_test=False
        ).search_count(
            [("name", "=ilike", name), ("company_id", "=", self.company_id.id)],
            limit=1,
        )
        if taken:
            raise UserError(
                self.env._(
                    "%(application)s: an outlet or warehouse named “%(name)s” "
                    "already exists. Give the new outlet a distinct name (for "
                    "example with its district), or renew the existing outlet "
                    "from its form.",
                    application=self.display_name,
                    name=name,
                )
            )

    def action_start_review(self):
        self._check_role("group_cs_agent", self.env._("review the materials"))
        self._check_state(["submitted"], self.env._("start the material review"))
        self._ensure_document_lines()
        self.document_ids.sudo().write({"review_state": "pending", "remark": False})
        self._workflow_step().write({"state": "review"})
        return True

    def action_return_to_applicant(self):
        """The materials are incomplete or invalid: back to draft."""
        self._check_role("group_cs_agent", self.env._("return an application"))
        self._check_state(["review"], self.env._("return the application"))
        for application in self:
            problems = application.document_ids.filtered(
                lambda d: d.review_state in ("invalid", "missing")
            )
            if not problems:
                raise UserError(
                    self.env._(
                        "Mark the invalid or missing documents (with a remark) "
                        "before returning %(application)s to the applicant.",
                        application=application.display_name,
                    )
                )
            application._workflow_step().write({"state": "draft"})
            application._notify_applicant(
                "repair_service_mgmt.mail_template_application_returned"
            )
        return True

    def action_pass_review(self):
        self._check_role("group_cs_agent", self.env._("pass the material review"))
        self._check_state(["review"], self.env._("pass the material review"))
        all_criteria = self.env["repair.service.inspection.criterion"].search([])
        for application in self:
            criteria = _of_company(all_criteria, application.company_id)
            if not criteria:
                raise UserError(
                    self.env._(
                        "No inspection criteria are configured: add them in "
                        "Configuration → Inspection Criteria."
                    )
                )
            required = application.document_ids.filtered("document_type_id.required")
            not_valid = required.filtered(lambda d: d.review_state != "valid")
            if not_valid:
                raise UserError(
                    self.env._(
                        "The material review of %(application)s passes only when "
                        "every required document is valid. Not valid: "
                        "%(documents)s.",
                        application=application.display_name,
                        documents=", ".join(not_valid.mapped("document_type_id.name")),
                    )
                )
            application.inspection_line_ids.sudo().unlink()
            self.env["repair.service.application.inspection.line"].sudo().create(
                [
                    {
                        "application_id": application.id,
                        "criterion_id": criterion.id,
                        "max_score": criterion.max_score,
                    }
                    for criterion in criteria
                ]
            )
        self.filtered(lambda a: not a.inspection_date).write(
            {"inspection_date": fields.Date.context_today(self)}
        )
        self._workflow_step().write(
            {
                "state": "inspection",
                "review_user_id": self.env.uid,
                "review_date": fields.Datetime.now(),
            }
        )
        return True

    def action_complete_inspection(self):
        self._check_role("group_cs_supervisor", self.env._("record a site inspection"))
        self._check_state(["inspection"], self.env._("complete the site inspection"))
        user = self.env.user
        for application in self:
            if not application.inspection_date:
                raise UserError(
                    self.env._(
                        "Enter the date of the site inspection of %(application)s.",
                        application=application.display_name,
                    )
                )
            if application.inspector_id and application.inspector_id != user:
                raise UserError(
                    self.env._(
                        "The site inspection of %(application)s is assigned to "
                        "%(inspector)s: only they can complete it.",
                        application=application.display_name,
                        inspector=application.inspector_id.name,
                    )
                )
            unscored = application.inspection_line_ids.filtered(
                lambda line: not line.scored
            )
            if unscored or not application.inspection_line_ids:
                raise UserError(
                    self.env._(
                        "Score every criterion of the inspection checklist of "
                        "%(application)s first (not scored: %(criteria)s).",
                        application=application.display_name,
                        criteria=", ".join(unscored.mapped("criterion_id.name")),
                    )
                )
        self.filtered(lambda a: not a.inspector_id).write({"inspector_id": user.id})
        self._workflow_step().write(
            {"state": "decision", "inspection_done_date": fields.Datetime.now()}
        )
        return True

    def _check_decider(self):
        for application in self:
            if application.company_id.repair_allow_inspector_decision:
                continue
            if application.inspector_id == self.env.user:
                raise UserError(
                    self.env._(
                        "You inspected %(application)s: another CS-centre manager "
                        "must take the decision.",
                        application=application.display_name,
                    )
                )

    def action_approve(self):
        self._check_role("group_cs_manager", self.env._("approve an application"))
        self._check_state(["decision"], self.env._("approve the application"))
        self._check_decider()
        for application in self:
            if not application.inspection_passed:
                raise UserError(
                    self.env._(
                        "%(application)s scored %(score)s at the site inspection, "
                        "below the pass mark of %(mark)s: it can only be rejected.",
                        application=application.display_name,
                        score=application.inspection_score,
                        mark=application.pass_mark,
                    )
                )
        for application in self:
            application._issue_certificate()
        return True

    def action_reject(self):
        """Open the rejection wizard (the reason is mandatory)."""
        self._check_role("group_cs_manager", self.env._("reject an application"))
        self._check_state(["decision"], self.env._("reject the application"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject Application"),
            "res_model": "repair.service.application.reject.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_application_ids": self.ids},
        }

    def _reject(self, reason):
        self._check_role("group_cs_manager", self.env._("reject an application"))
        self._check_state(["decision"], self.env._("reject the application"))
        self._check_decider()
        if not (reason or "").strip():
            raise UserError(
                self.env._(
                    "Give the reason for the rejection: it is sent to the applicant."
                )
            )
        self._workflow_step().write(
            {
                "state": "rejected",
                "rejection_reason": reason.strip(),
                "decision_user_id": self.env.uid,
                "decision_date": fields.Datetime.now(),
            }
        )
        for application in self:
            application._notify_applicant(
                "repair_service_mgmt.mail_template_application_rejected"
            )

    def _notify_applicant(self, template_xmlid):
        template = self.env.ref(template_xmlid)
        for application in self:
            application.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )

    # ------------------------------------------------------------------
    # Approval: outlet, partner, warehouse, reorder rules, certificate
    # ------------------------------------------------------------------
    def _issue_certificate(self):
        self.ensure_one()
        outlet = self.outlet_id.sudo() or self.env[
            "repair.service.outlet"
        ]._create_from_application(self)
        number = outlet._issue_certificate(self)
        self._workflow_step().write(
            {
                "state": "approved",
                "outlet_id": outlet.id,
                "certificate_number": number,
                "decision_user_id": self.env.uid,
                "decision_date": fields.Datetime.now(),
            }
        )
        self._notify_applicant("repair_service_mgmt.mail_template_application_approved")
