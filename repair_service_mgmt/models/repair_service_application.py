# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from .repair_service_workflow_mixin import ALL_FIELDS

_lt = LazyTranslate(__name__)

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


def _of_company(records, company):
    """The configuration ``records`` that apply to ``company``: its own and
    those shared by every company (no company)."""
    return records.filtered(
        lambda record: not record.company_id or record.company_id == company
    )


class RepairServiceApplication(models.Model):
    """R-41, R-42: an outlet's registration (or renewal) application."""

    _name = "repair.service.application"
    _description = "Outlet Registration Application"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "repair.service.workflow.mixin",
        "repair.service.audit.mixin",
    ]
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
    # set by the server when the application is made
    _workflow_fixed_fields = ("source", "is_renewal")
    _workflow_locks = (
        # the applicant's data is frozen once submitted
        (
            [("state", "!=", "draft")],
            APPLICANT_FIELDS,
            _lt(
                "%(record)s: the application form (%(fields)s) can be changed "
                "only while the application is a draft."
            ),
        ),
        # the inspection is recorded during the inspection only
        (
            [("state", "in", ("decision", "approved", "rejected"))],
            ("inspector_id", "inspection_date"),
            _lt(
                "%(record)s: the site inspection is closed, its data "
                "(%(fields)s) is kept."
            ),
        ),
        # a decided application is kept as decided
        ([("state", "in", ("approved", "rejected"))], ALL_FIELDS),
    )

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    active = fields.Boolean(
        default=True,
        tracking=True,
        help="An application that is not pursued is archived, never deleted.",
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
            if vals.get("phone"):
                vals["phone"] = self._normalised_phone(vals)
            if not self.env.su:
                # only the public page (as superuser) makes web applications
                vals["source"] = "backoffice"
        applications = super().create(vals_list)
        applications._ensure_document_lines()
        return applications

    def write(self, vals):
        if vals.get("phone"):
            for application in self:
                super(RepairServiceApplication, application).write(
                    dict(vals, phone=application._normalised_phone(vals))
                )
            return True
        return super().write(vals)

    def _normalised_phone(self, vals):
        """R-03: every phone the module stores is E.164."""
        country = self.env["res.country"].browse(
            vals.get("country_id", self.country_id.id)
        )
        return self.env["res.partner"]._repair_phone_e164(vals["phone"], country)

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

    @api.depends("inspection_score", "company_id.repair_inspection_pass_mark")
    def _compute_pass_mark(self):
        for application in self:
            pass_mark = application.company_id.repair_inspection_pass_mark
            application.pass_mark = pass_mark
            application.inspection_passed = bool(application.inspection_line_ids) and (
                application.inspection_score >= pass_mark
            )

    @api.model
    def _page_hourly_limit(self):
        """Applications the public page accepts from one client address in
        an hour (0: no limit)."""
        return self.env.company.repair_application_hourly_limit

    def _ensure_document_lines(self):
        """One checklist line per required document type (R-41)."""
        types = self.env["repair.service.document.type"].search([])
        lines = []
        for application in self:
            present = application.document_ids.document_type_id
            lines += [
                {"application_id": application.id, "document_type_id": doc_type.id}
                for doc_type in _of_company(types, application.company_id) - present
            ]
        if lines:
            self.env["repair.service.application.document"].sudo().create(lines)

    def _missing_document_types(self):
        self.ensure_one()
        required = self.env["repair.service.document.type"].search(
            [("required", "=", True)]
        )
        required = _of_company(required, self.company_id)
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
    # Audit trail: applications are archived, not deleted
    # ------------------------------------------------------------------
    def _audit_delete_blockers(self):
        blockers = {}
        for application in self:
            reasons = []
            if application.state in ("approved", "rejected"):
                reasons.append(self.env._("it was decided"))
            if application.review_date:
                reasons.append(self.env._("its material review is recorded"))
            if application.inspection_done_date:
                reasons.append(self.env._("its site inspection is recorded"))
            if reasons:
                blockers[application] = reasons
        return blockers
