# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .repair_service_workflow_mixin import ALL_FIELDS

MODULE = "repair_service_mgmt"

# R-30 (S1 第五章, S4 二): where the complaint came from
CHANNELS = [
    ("letter", "Letter"),
    ("phone", "Phone"),
    ("fax", "Fax"),
    ("visit", "Visit"),
    ("portal", "Portal"),
    ("email", "E-mail"),
    ("consumer_association", "Consumer Association"),
    ("media", "Media"),
    ("regulator", "Regulator"),
]
# R-33 (S1 第十条 2): the kinds, each with its own approval chain later
KINDS = [
    ("customer", "Customer Complaint"),
    ("dealer", "Agent/Dealer Complaint"),
    ("batch_quality", "Batch Quality Accident"),
    ("single_return", "Single-Unit Return/Exchange"),
    ("crisis", "Crisis Event"),
]
# new → analysed → (to approve → approved, when an approval chain is
# needed: R-33, ``repair_service_complaint_approval.py``) → resolved →
# followed up → closed; or invalid; or cancelled.
STATES = [
    ("new", "New"),
    ("analysed", "Analysed"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("resolved", "Resolved"),
    ("followed_up", "Followed Up"),
    ("closed", "Closed"),
    ("invalid", "Invalid"),
    ("cancelled", "Cancelled"),
]
OPEN_STATES = ("new", "analysed", "to_approve", "approved", "resolved", "followed_up")
# a crisis event (重大投诉) is any of these
MAJOR_CRITERIA = (
    "major_property_loss",
    "major_injury",
    "major_unsafe_repair",
    "major_deception",
    "major_rude_claim",
)
# R-31 (S4 二(3)): a serious complaint (严重投诉) is any of these
SERIOUS_CRITERIA = (
    "serious_media",
    "serious_image",
    "serious_system_doubt",
    "serious_repeated",
    "serious_quality_system",
)


class RepairServiceComplaint(models.Model):
    """R-30, R-31: a complaint of a customer or of an agent/dealer, with its
    classification; its steps are in ``repair_service_complaint_step.py``,
    its deadlines (R-32) are policies of the deadline engine."""

    _name = "repair.service.complaint"
    _description = "Complaint"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "repair.service.sla.mixin",
        "repair.service.workflow.mixin",
        "repair.service.audit.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _sequence_code = "repair.service.complaint"
    # the customer follows their complaint and writes in its chatter
    _mail_post_access = "read"
    _workflow_fields = (
        "state",
        "validity",
        "taker_id",
        "analysed_at",
        "resolved_at",
        "followed_up_at",
        "closed_at",
        "invalid_at",
        "complainant_contacted_at",
        "progress_reported_at",
        "reviewed_at",
        "reviewed_by_id",
        "escalated_at",
        "escalated_by_id",
        "reopen_count",
    )
    _workflow_locks = (
        ([("state", "in", ("closed", "cancelled"))], ALL_FIELDS),
        (
            [("state", "=", "invalid"), ("complainant_contacted_at", "!=", False)],
            ALL_FIELDS,
        ),
    )
    # what the complaint is and how it is judged: the CS centre's record
    _workflow_role_fields = (("group_cs_agent", ALL_FIELDS),)
    _workflow_open_fields = ("evidence_ids",)

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
        help="A complaint recorded by mistake is archived, never deleted.",
    )
    state = fields.Selection(
        STATES,
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand="_read_group_state",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    # --- intake (R-30) ---------------------------------------------------
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    complainant_type = fields.Selection(
        [("customer", "Customer"), ("dealer", "Agent/Dealer")],
        string="Complainant Is",
        required=True,
        default="customer",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Complainant",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    complainant_phone = fields.Char(
        related="partner_id.phone", string="Complainant Phone"
    )
    taker_id = fields.Many2one(
        "res.users",
        string="Taken By",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
        tracking=True,
        help="The employee who took the complaint; they may escalate it past "
        "their superiors when a deadline is missed.",
    )
    date = fields.Datetime(
        string="Received On",
        required=True,
        default=fields.Datetime.now,
        readonly=True,
        copy=False,
    )
    product_id = fields.Many2one("product.product", tracking=True, check_company=True)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        domain="[('product_id', '=?', product_id)]",
        tracking=True,
        check_company=True,
    )
    outlet_id = fields.Many2one(
        "repair.service.outlet",
        string="Service Outlet",
        tracking=True,
        index=True,
        check_company=True,
    )
    region_id = fields.Many2one(
        related="outlet_id.region_id", store=True, string="Region"
    )
    technician_id = fields.Many2one(
        "res.users", tracking=True, domain=[("share", "=", False)]
    )
    repair_ids = fields.Many2many(
        "repair.order",
        "repair_service_complaint_repair_rel",
        "complaint_id",
        "repair_id",
        string="Repair Orders",
        check_company=True,
    )
    repair_count = fields.Integer(compute="_compute_repair_count")
    followup_id = fields.Many2one(
        "repair.service.followup",
        string="From Follow-up Call",
        readonly=True,
        copy=False,
        check_company=True,
    )
    description = fields.Text(
        required=True, help="What the complainant says, in their words."
    )
    evidence_ids = fields.Many2many(
        "ir.attachment",
        "repair_service_complaint_evidence_rel",
        "complaint_id",
        "attachment_id",
        help="Photos, recordings, letters, receipts.",
    )
    # --- classification (R-31) ------------------------------------------
    kind = fields.Selection(KINDS, required=True, default="customer", tracking=True)
    major_property_loss = fields.Boolean(
        string="Property Loss",
        tracking=True,
        help="The product or the service caused a loss of the customer's property.",
    )
    major_injury = fields.Boolean(
        string="Personal Injury", tracking=True, help="Someone was injured."
    )
    major_unsafe_repair = fields.Boolean(
        string="Unsafe Repair",
        tracking=True,
        help="The repair left the product unsafe.",
    )
    major_deception = fields.Boolean(
        string="Deception of the Customer",
        tracking=True,
        help="The customer was deceived (fees, parts, warranty).",
    )
    major_rude_claim = fields.Boolean(
        string="Rude Service, Claim or Report",
        tracking=True,
        help="Rude service caused a loss and the customer claims compensation "
        "or reported it to a consumer association, a regulator or the media.",
    )
    severity = fields.Selection(
        [("general", "General"), ("major", "Major")],
        compute="_compute_severity",
        store=True,
        tracking=True,
        help="Major: a crisis event (any of its criteria) or a batch quality accident.",
    )
    serious_media = fields.Boolean(string="Exposed in Public Media", tracking=True)
    serious_image = fields.Boolean(
        string="Harms the Company's Image or Interests",
        tracking=True,
        help="Seriously harms the company's image, reputation or interests.",
    )
    serious_system_doubt = fields.Boolean(
        string="Doubt on the Management System",
        tracking=True,
        help="Casts doubt on the company's management system.",
    )
    serious_repeated = fields.Boolean(
        string="Repeated, Corrective Actions Ineffective",
        tracking=True,
        help="The same customer complained again within a short time and the "
        "corrective actions did not work.",
    )
    serious_quality_system = fields.Boolean(
        string="Quality-System Defect",
        tracking=True,
        help="Caused by a defect of the quality system.",
    )
    is_serious = fields.Boolean(
        string="Serious",
        compute="_compute_is_serious",
        store=True,
        tracking=True,
        help="A serious complaint goes to a management review and is passed "
        "on in writing; its result is due within 48 hours.",
    )
    review_note = fields.Text(
        string="Written Notice",
        help="The management review's written notice of a serious complaint.",
    )
    reviewed_at = fields.Datetime(readonly=True, copy=False)
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    about_attitude = fields.Boolean(
        string="About the Service Attitude",
        tracking=True,
        help="The complaint is about the attitude of the outlet's staff: a "
        "valid one counts against the outlet's service attitude when it is "
        "scored.",
    )
    other_departments = fields.Boolean(
        string="Other Departments Involved",
        tracking=True,
        help="Its handling needs other departments: the complainant is "
        "contacted within 3 days.",
    )
    # --- analysis, validity, resolution ----------------------------------
    validity = fields.Selection(
        [("valid", "Valid"), ("invalid", "Invalid")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    invalid_explanation = fields.Text(
        tracking=True,
        help="Why the complaint is invalid, as explained to the complainant.",
    )
    cause = fields.Text(tracking=True)
    responsibility = fields.Text(
        tracking=True, help="Who or what is responsible (staff, outlet, product)."
    )
    resolution = fields.Text(tracking=True, help="How the complaint was resolved.")
    progress_note = fields.Text(
        help="What the complainant is told at the next progress report."
    )
    followup_satisfaction = fields.Selection(
        [
            ("very_satisfied", "Very satisfied"),
            ("satisfied", "Satisfied"),
            ("neutral", "Neutral"),
            ("dissatisfied", "Dissatisfied"),
        ],
        string="Satisfaction",
        tracking=True,
    )
    followup_note = fields.Text(string="Follow-up Notes", tracking=True)
    followup_problem = fields.Boolean(
        string="Problem Found on Follow-up",
        help="The complainant is still not satisfied: the complaint is handled again.",
    )
    analysed_at = fields.Datetime(readonly=True, copy=False)
    invalid_at = fields.Datetime(readonly=True, copy=False)
    complainant_contacted_at = fields.Datetime(
        string="Complainant Contacted", readonly=True, copy=False, tracking=True
    )
    progress_reported_at = fields.Datetime(
        string="Progress Last Reported", readonly=True, copy=False
    )
    progress_due_at = fields.Datetime(
        string="Next Progress Report",
        compute="_compute_progress_due_at",
        store=True,
        help="The complainant is told of the progress at a regular interval.",
    )
    resolved_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    followed_up_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    closed_at = fields.Datetime(readonly=True, copy=False)
    reopen_count = fields.Integer(readonly=True, copy=False)
    escalated_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    escalated_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )

    _sql_constraints = [
        ("name_uniq", "unique(name, company_id)", "A complaint number is unique."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("kind", *MAJOR_CRITERIA)
    def _compute_severity(self):
        for complaint in self:
            major = complaint.kind in ("crisis", "batch_quality") or any(
                complaint[name] for name in MAJOR_CRITERIA
            )
            complaint.severity = "major" if major else "general"

    @api.depends(*SERIOUS_CRITERIA)
    def _compute_is_serious(self):
        for complaint in self:
            complaint.is_serious = any(complaint[name] for name in SERIOUS_CRITERIA)

    @api.depends("repair_ids")
    def _compute_repair_count(self):
        for complaint in self:
            complaint.repair_count = len(complaint.repair_ids)

    @api.depends(
        "date",
        "progress_reported_at",
        "state",
        "resolved_at",
        "company_id.complaint_progress_days",
    )
    def _compute_progress_due_at(self):
        # until the result reaches the complainant (resolution): after it,
        # the follow-up deadline runs
        for complaint in self:
            if complaint.state not in OPEN_STATES or complaint.resolved_at:
                complaint.progress_due_at = False
                continue
            days = complaint.company_id.complaint_progress_days or 3
            start = complaint.progress_reported_at or complaint.date
            complaint.progress_due_at = start and fields.Datetime.add(start, days=days)

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for complaint in self:
            complaint.is_overdue = complaint.state in OPEN_STATES + ("invalid",) and (
                complaint.sla_status == "breached"
                or any(
                    line.state == "running" and line.deadline < now
                    for line in complaint.sla_line_ids
                )
            )

    def _search_is_overdue(self, operator, value):
        now = fields.Datetime.now()
        # one line breached, or one same line running past its deadline
        domain = [
            (
                "sla_line_ids",
                "any",
                [
                    "|",
                    ("state", "=", "breached"),
                    "&",
                    ("state", "=", "running"),
                    ("deadline", "<", now),
                ],
            )
        ]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["!", *domain]

    def _compute_access_url(self):
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"

    @api.model
    def _read_group_state(self, values, domain):
        return [key for key, _label in STATES if key != "cancelled" or key in values]

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        complaints = super().create(vals_list)
        for complaint in complaints:
            complaint.message_subscribe(partner_ids=complaint.partner_id.ids)
        complaints.filtered("is_serious")._review_activity_start()
        return complaints

    def write(self, vals):
        serious_before = {c.id for c in self if c.is_serious}
        result = super().write(vals)
        if set(vals) & set(SERIOUS_CRITERIA):
            self.filtered(
                lambda c: (
                    c.is_serious and c.id not in serious_before and not c.reviewed_at
                )
            )._review_activity_start()
        return result

    def _audit_delete_blockers(self):
        return {
            complaint: [self.env._("a complaint is kept once recorded")]
            for complaint in self
        }

    def _audit_keep_advice(self):
        return self.env._("Cancel or archive it instead.")
