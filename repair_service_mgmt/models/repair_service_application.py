# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("review", "Material Review"),
    ("inspection", "Site Inspection"),
    ("decision", "Decision"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]

# the fields of the application form (back office and public page)
FORM_FIELDS = (
    "outlet_name",
    "kind",
    "region_id",
    "licence_number",
    "contact_name",
    "phone",
    "email",
    "street",
    "city",
    "state_id",
    "country_id",
    "zip",
    "description",
)
# frozen once the application is submitted
APPLICANT_FIELDS = ("outlet_id", "company_id", *FORM_FIELDS)
# applications the public page accepts per client address and hour (0: no limit)
HOURLY_LIMIT_PARAM = "repair_service_mgmt.application_hourly_limit"
DEFAULT_HOURLY_LIMIT = 5


class RepairServiceApplication(models.Model):
    """R-41, R-42: an outlet's registration (or renewal) application."""

    _name = "repair.service.application"
    _description = "Outlet Registration Application"
    _inherit = ["mail.thread", "mail.activity.mixin", "repair.service.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _sequence_code = "repair.service.application"
    _workflow_fields = (
        "state",
        "review_user_id",
        "review_date",
        "inspection_done_date",
        "decision_user_id",
        "decision_date",
        "rejection_reason",
        "certificate_number",
        "submitted_ip",  # set by the public page only
    )

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    state = fields.Selection(
        STATES,
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
        group_expand="_group_expand_states",
    )
    source = fields.Selection(
        [("backoffice", "Back office"), ("web", "Public application page")],
        required=True,
        default="backoffice",
        readonly=True,
    )
    submitted_ip = fields.Char(
        string="Submitted From",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Network address the public application page received the "
        "application from (it limits the applications per address and hour).",
    )
    outlet_id = fields.Many2one(
        "repair.service.outlet",
        check_company=True,
        tracking=True,
        help="Set for a renewal; set on approval for a new outlet.",
    )
    is_renewal = fields.Boolean(readonly=True, copy=False)
    # the application form
    outlet_name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [("brand_owned", "Brand-owned"), ("third_party", "Third-party authorised")],
        required=True,
        default="third_party",
    )
    region_id = fields.Many2one(
        "repair.service.region", required=True, check_company=True, tracking=True
    )
    licence_number = fields.Char(string="Business Licence Number")
    contact_name = fields.Char(string="Person in Charge", required=True)
    phone = fields.Char(required=True)
    email = fields.Char(required=True)
    street = fields.Char()
    city = fields.Char()
    state_id = fields.Many2one("res.country.state", string="Province")
    country_id = fields.Many2one(
        "res.country", default=lambda self: self.env.company.country_id
    )
    zip = fields.Char()
    description = fields.Text(string="Service Capability")
    # material review
    document_ids = fields.One2many(
        "repair.service.application.document", "application_id", string="Documents"
    )
    documents_complete = fields.Boolean(compute="_compute_documents_complete")
    review_user_id = fields.Many2one("res.users", string="Reviewed by", readonly=True)
    review_date = fields.Datetime(string="Reviewed on", readonly=True)
    # site inspection
    inspector_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("repair_service_mgmt.group_cs_supervisor").id,
            )
        ],
    )
    inspection_date = fields.Date(tracking=True)
    inspection_done_date = fields.Datetime(readonly=True)
    inspection_line_ids = fields.One2many(
        "repair.service.application.inspection.line",
        "application_id",
        string="Inspection Checklist",
    )
    inspection_score = fields.Float(
        compute="_compute_inspection_score", store=True, tracking=True
    )
    inspection_max_score = fields.Float(compute="_compute_inspection_score", store=True)
    pass_mark = fields.Float(compute="_compute_pass_mark")
    inspection_passed = fields.Boolean(compute="_compute_pass_mark")
    # decision
    decision_user_id = fields.Many2one("res.users", string="Decided by", readonly=True)
    decision_date = fields.Datetime(string="Decided on", readonly=True)
    rejection_reason = fields.Text(readonly=True, tracking=True)
    certificate_number = fields.Char(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in STATES]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["is_renewal"] = bool(vals.get("outlet_id"))
        applications = super().create(vals_list)
        applications._ensure_document_lines()
        return applications

    def write(self, vals):
        if not self.env.su and not self.env.context.get("repair_service_workflow_step"):
            self._check_locked_fields(vals)
        return super().write(vals)

    def _check_locked_fields(self, vals):
        """The applicant's data is frozen once submitted; the inspection is
        recorded during the inspection only."""
        applicant = set(vals) & set(APPLICANT_FIELDS)
        if applicant and self.filtered(lambda a: a.state != "draft"):
            raise UserError(
                self.env._(
                    "The application form (%(fields)s) can be changed only while "
                    "the application is a draft.",
                    fields=", ".join(self._fields[f].string for f in sorted(applicant)),
                )
            )
        inspection = set(vals) & {"inspector_id", "inspection_date"}
        if inspection and self.filtered(
            lambda a: a.state not in ("draft", "submitted", "review", "inspection")
        ):
            raise UserError(
                self.env._("The site inspection is closed: its data is kept.")
            )

    @api.depends("document_ids.attachment_ids", "document_ids.document_type_id")
    def _compute_documents_complete(self):
        for application in self:
            application.documents_complete = not application._missing_document_types()

    @api.depends("inspection_line_ids.score", "inspection_line_ids.max_score")
    def _compute_inspection_score(self):
        for application in self:
            lines = application.inspection_line_ids
            application.inspection_score = sum(lines.mapped("score"))
            application.inspection_max_score = sum(lines.mapped("max_score"))

    @api.depends("inspection_score")
    def _compute_pass_mark(self):
        pass_mark = self._inspection_pass_mark()
        for application in self:
            application.pass_mark = pass_mark
            application.inspection_passed = bool(application.inspection_line_ids) and (
                application.inspection_score >= pass_mark
            )

    @api.model
    def _page_hourly_limit(self):
        """Applications the public page accepts from one client address in
        an hour (0: no limit)."""
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(HOURLY_LIMIT_PARAM, DEFAULT_HOURLY_LIMIT)
        )
        try:
            return max(int(value), 0)
        except (TypeError, ValueError):
            return DEFAULT_HOURLY_LIMIT

    @api.model
    def _inspection_pass_mark(self):
        return float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("repair_service_mgmt.inspection_pass_mark", 60)
        )

    def _ensure_document_lines(self):
        """One checklist line per required document type (R-41)."""
        types = self.env["repair.service.document.type"].search([])
        lines = []
        for application in self:
            present = application.document_ids.document_type_id
            lines += [
                {"application_id": application.id, "document_type_id": doc_type.id}
                for doc_type in types - present
            ]
        if lines:
            self.env["repair.service.application.document"].sudo().create(lines)

    def _missing_document_types(self):
        self.ensure_one()
        required = self.env["repair.service.document.type"].search(
            [("required", "=", True)]
        )
        provided = self.document_ids.filtered("attachment_ids").document_type_id
        return required - provided

    def _get_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
        }

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
        self._workflow_step().write({"state": "submitted"})
        return True

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
        criteria = self.env["repair.service.inspection.criterion"].search([])
        if not criteria:
            raise UserError(
                self.env._(
                    "No inspection criteria are configured: add them in "
                    "Configuration → Inspection Criteria."
                )
            )
        for application in self:
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
        allow = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("repair_service_mgmt.allow_inspector_decision")
        )
        if allow and allow not in ("False", "0"):
            return
        for application in self:
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
    def _certificate_validity_years(self):
        return int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("repair_service_mgmt.certificate_validity_years", 3)
        )

    def _issue_certificate(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        outlet = self.outlet_id.sudo()
        if not outlet:
            outlet = self._create_outlet()
        number = (
            self.env["ir.sequence"].sudo().next_by_code("repair.service.certificate")
        )
        end = today + relativedelta(years=self._certificate_validity_years(), days=-1)
        values = {
            "certificate_number": number,
            "certificate_date_start": today,
            "certificate_date_end": end,
        }
        if outlet.state == "suspended" and (
            not outlet.certificate_date_end or outlet.certificate_date_end < today
        ):
            values.update(state="active", suspension_reason=False)
        outlet._workflow_step().write(values)
        outlet.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "Certificate %(number)s issued, valid until %(date)s "
                "(%(application)s).",
                number=number,
                date=end,
                application=self.name,
            )
        )
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

    def _create_outlet(self):
        self.ensure_one()
        partner = (
            self.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": self.outlet_name,
                    "is_company": True,
                    "email": self.email,
                    "phone": self.phone,
                    "street": self.street,
                    "city": self.city,
                    "zip": self.zip,
                    "state_id": self.state_id.id,
                    "country_id": self.country_id.id,
                    "company_registry": self.licence_number,
                    "company_id": self.company_id.id,
                }
            )
        )
        self.env["res.partner"].sudo().create(
            {
                "name": self.contact_name,
                "parent_id": partner.id,
                "type": "contact",
                "email": self.email,
                "phone": self.phone,
            }
        )
        outlet = (
            self.env["repair.service.outlet"]
            .sudo()
            .create(
                {
                    "name": self.outlet_name,
                    "kind": self.kind,
                    "partner_id": partner.id,
                    "region_id": self.region_id.id,
                    "company_id": self.company_id.id,
                }
            )
        )
        if self.city or self.state_id:
            self.env["repair.service.outlet.area"].sudo().create(
                {
                    "outlet_id": outlet.id,
                    "country_id": self.country_id.id,
                    "state_id": self.state_id.id,
                    "city": self.city,
                }
            )
        outlet._create_spare_parts_warehouse()
        return outlet
