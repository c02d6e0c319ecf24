# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .repair_service_workflow_mixin import ALL_FIELDS

MODULE = "repair_service_mgmt"

# R-36 (S1 第十条 5): the defects the quality department is told of
DEFECT_TYPES = [
    ("first_time", "First-Time"),
    ("representative", "Representative"),
    ("functional", "Functional"),
    ("safety", "Safety"),
]
STATES = [
    ("draft", "Draft"),
    ("sent", "Sent to Quality"),
    ("analysed", "Analysed"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
OPEN_STATES = ("draft", "sent", "analysed")
# what the sheet reports: kept as sent once the quality department analysed it
REPORTED_FIELDS = (
    "product_id",
    "lot_id",
    "symptom_id",
    "defect_type",
    "description",
    "company_id",
)


class RepairServiceQualitySheet(models.Model):
    """R-36: a quality information sheet (质量信息单): a first-time,
    representative, functional or safety defect found in service, sent to
    the quality department, analysed by it and closed with its
    countermeasure; linked to the complaints and repair orders behind it."""

    _name = "repair.service.quality.sheet"
    _description = "Quality Information Sheet"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "repair.service.sla.mixin",
        "repair.service.workflow.mixin",
        "repair.service.audit.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _sequence_code = "repair.service.quality.sheet"
    _workflow_fields = (
        "state",
        "sent_at",
        "sent_by_id",
        "analysed_at",
        "analysed_by_id",
        "closed_at",
        "closed_by_id",
    )
    _workflow_locks = (
        ([("state", "in", ("closed", "cancelled"))], ALL_FIELDS),
        ([("state", "=", "analysed")], REPORTED_FIELDS),
    )
    # the quality department's answer is its own
    _workflow_role_fields = (
        ("group_quality", ("analysis", "cause", "countermeasure")),
    )
    # who issued the sheet and when: the server's, never typed in
    _workflow_fixed_fields = ("date", "user_id")

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    active = fields.Boolean(default=True, tracking=True)
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand="_read_group_state",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date = fields.Datetime(
        string="Issued On",
        required=True,
        default=fields.Datetime.now,
        readonly=True,
        copy=False,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Issued By",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )
    product_id = fields.Many2one(
        "product.product", required=True, tracking=True, check_company=True, index=True
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        domain="[('product_id', '=?', product_id)]",
        tracking=True,
        check_company=True,
    )
    symptom_id = fields.Many2one(
        "repair.service.fault.code",
        domain=[("kind", "=", "symptom")],
        tracking=True,
    )
    defect_type = fields.Selection(
        DEFECT_TYPES,
        required=True,
        default="first_time",
        tracking=True,
        help="First-time: never seen before; representative: typical of a "
        "series; functional: the product does not work as specified; safety: "
        "it endangers people or property.",
    )
    description = fields.Text(
        required=True, help="The defect as found in service: what, where, how often."
    )
    evidence_ids = fields.Many2many(
        "ir.attachment",
        "repair_service_quality_sheet_evidence_rel",
        "sheet_id",
        "attachment_id",
        help="Photos, test reports, the faulty part's label.",
    )
    complaint_ids = fields.Many2many(
        "repair.service.complaint",
        "repair_service_quality_sheet_complaint_rel",
        "sheet_id",
        "complaint_id",
        string="Complaints",
        check_company=True,
    )
    repair_ids = fields.Many2many(
        "repair.order",
        "repair_service_quality_sheet_repair_rel",
        "sheet_id",
        "repair_id",
        string="Repair Orders",
        check_company=True,
    )
    complaint_count = fields.Integer(compute="_compute_counts")
    repair_count = fields.Integer(compute="_compute_counts")
    # --- the quality department's answer ----------------------------------
    analysis = fields.Text(string="Quality Analysis", tracking=True)
    cause = fields.Text(tracking=True)
    countermeasure = fields.Text(
        tracking=True, help="What the factory or the quality department changes."
    )
    sent_at = fields.Datetime(string="Sent On", readonly=True, copy=False)
    sent_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    analysed_at = fields.Datetime(string="Analysed On", readonly=True, copy=False)
    analysed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    closed_at = fields.Datetime(
        string="Closed On", readonly=True, copy=False, tracking=True
    )
    closed_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    days_to_close = fields.Float(
        compute="_compute_days_to_close",
        help="Days from sending to closing.",
    )
    next_action = fields.Selection(
        [
            ("action_send", "Send to Quality"),
            ("action_analyse", "Analysed"),
            ("action_close", "Close"),
        ],
        compute="_compute_next_action",
    )

    _sql_constraints = [
        ("name_uniq", "unique(name, company_id)", "A sheet number is unique."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("complaint_ids", "repair_ids")
    @api.model_create_multi
    def create(self, vals_list):
        if not self._in_workflow_step():
            now = fields.Datetime.now()
            for vals in vals_list:
                vals.update({"date": now, "user_id": self.env.uid})
        return super().create(vals_list)

    def _compute_counts(self):
        for sheet in self:
            sheet.complaint_count = len(sheet.complaint_ids)
            sheet.repair_count = len(sheet.repair_ids)

    @api.depends("sent_at", "closed_at")
    def _compute_days_to_close(self):
        for sheet in self:
            start = sheet.sent_at or sheet.date
            sheet.days_to_close = (
                round((sheet.closed_at - start).total_seconds() / 86400.0, 1)
                if sheet.closed_at and start
                else 0.0
            )

    @api.depends("state")
    def _compute_next_action(self):
        step = {"draft": "action_send", "sent": "action_analyse"}
        step["analysed"] = "action_close"
        for sheet in self:
            sheet.next_action = step.get(sheet.state, False)

    @api.model
    def _read_group_state(self, values, domain):
        return [key for key, _label in STATES if key != "cancelled" or key in values]

    def _audit_delete_blockers(self):
        return {
            sheet: [self.env._("a quality information sheet is kept once issued")]
            for sheet in self
        }

    def _audit_keep_advice(self):
        return self.env._("Cancel or archive it instead.")

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def _require(self, names, action):
        for sheet in self:
            missing = [
                sheet._fields[name].get_description(self.env)["string"]
                for name in names
                if not (
                    sheet[name].strip() if isinstance(sheet[name], str) else sheet[name]
                )
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(sheet)s: fill in %(fields)s to %(action)s.",
                        sheet=sheet.display_name,
                        fields=", ".join(missing),
                        action=action,
                    )
                )

    def action_send(self):
        """R-36: the CS centre sends the sheet to the quality department,
        whose members get an activity; the analysis deadline starts."""
        action = self.env._(
            "send a quality information sheet to the quality department"
        )
        self._check_role("group_cs_agent", action)
        self._check_state(["draft"], action)
        self._require(["product_id", "defect_type", "description"], action)
        self._workflow_step().write(
            {
                "state": "sent",
                "sent_at": fields.Datetime.now(),
                "sent_by_id": self.env.uid,
            }
        )
        self._analysis_activity_start()
        return True

    def action_analyse(self):
        """R-36: the quality department's analysis and cause are recorded."""
        action = self.env._("record the quality department's analysis")
        self._check_role("group_quality", action)
        self._check_state(["sent"], action)
        self._require(["analysis", "cause"], action)
        self._workflow_step().write(
            {
                "state": "analysed",
                "analysed_at": fields.Datetime.now(),
                "analysed_by_id": self.env.uid,
            }
        )
        self._activity_close(
            ["mail_activity_quality_sheet_analysis"],
            feedback=self.env._("The quality department analysed the defect."),
        )
        return True

    def action_close(self):
        """R-36: tracked to closure: closed with its countermeasure."""
        action = self.env._("close a quality information sheet")
        self._check_role("group_quality", action)
        self._check_state(["analysed"], action)
        self._require(["countermeasure"], action)
        self._workflow_step().write(
            {
                "state": "closed",
                "closed_at": fields.Datetime.now(),
                "closed_by_id": self.env.uid,
            }
        )
        return True

    def action_cancel(self):
        """A sheet issued by mistake: cancelled (kept) by a CS supervisor or
        the quality department, before it is closed."""
        action = self.env._("cancel a quality information sheet")
        user = self.env.user
        if not (
            self.env.su
            or user.has_group(f"{MODULE}.group_cs_supervisor")
            or user.has_group(f"{MODULE}.group_quality")
        ):
            raise AccessError(
                self.env._(
                    "Only a CS supervisor or the quality department may %(action)s.",
                    action=action,
                )
            )
        self._check_state(list(OPEN_STATES), action)
        self._workflow_step().write({"state": "cancelled"})
        self._activity_cancel(["mail_activity_quality_sheet_analysis"])
        return True

    # ------------------------------------------------------------------
    # Activities, links
    # ------------------------------------------------------------------
    def _quality_users(self, company):
        users = self.env.ref(f"{MODULE}.group_quality").sudo().users
        return users.filtered(
            lambda u: u.active and not u.share and company in u.company_ids
        )

    def _analysis_activity_start(self):
        """One activity per member of the quality department; the analysis
        closes them."""
        self._activity_start(
            "mail_activity_quality_sheet_analysis",
            lambda sheet: self._quality_users(sheet.company_id),
            summary=lambda sheet: self.env._(
                "Quality information sheet %(sheet)s: analyse the defect",
                sheet=sheet.name,
            ),
        )

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            f"{MODULE}.repair_service_complaint_action"
        )
        action["domain"] = [("id", "in", self.complaint_ids.ids)]
        action["context"] = {}
        return action

    def action_view_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            f"{MODULE}.repair_order_action"
        )
        action["domain"] = [("id", "in", self.repair_ids.ids)]
        action["context"] = {}
        return action
