# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .repair_service_complaint import MAJOR_CRITERIA, OPEN_STATES
from .repair_service_complaint_batch import RepairServiceComplaint as ComplaintBase

MODULE = "repair_service_mgmt"
INSURER_ACTIVITY = "mail_activity_complaint_insurer"


class RepairServiceComplaint(models.Model):
    """R-35 (S1 第十条 2 危机事件): a crisis event is closed only with the
    settlement agreement (协议书) and the customer's receipt for the money
    paid attached; a major complaint with a property loss of the company's
    threshold or more (以上: 500 by default) raises an insurer-notification
    activity for the CS centre, which must be done before closing."""

    _inherit = "repair.service.complaint"
    # who notified the insurer is recorded by the activity, never typed in
    _workflow_fields = (
        *ComplaintBase._workflow_fields,
        "insurer_notified_at",
        "insurer_notified_by_id",
    )

    crisis_agreement_ids = fields.Many2many(
        "ir.attachment",
        "repair_service_complaint_agreement_rel",
        "complaint_id",
        "attachment_id",
        string="Settlement Agreement",
        help="The settlement agreement signed with the customer.",
    )
    crisis_receipt_ids = fields.Many2many(
        "ir.attachment",
        "repair_service_complaint_receipt_rel",
        "complaint_id",
        "attachment_id",
        string="Customer's Receipt",
        help="The customer's receipt for the money paid to them.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    property_loss = fields.Monetary(
        string="Property Loss Amount",
        tracking=True,
        currency_field="currency_id",
        help="The customer's property loss, in the company currency.",
    )
    insurer_required = fields.Boolean(
        string="Insurer to Be Notified",
        compute="_compute_insurer_required",
        store=True,
        help="A major complaint whose property loss reaches the company's "
        "threshold: the insurer is notified before it is closed.",
    )
    insurer_notified_at = fields.Datetime(
        string="Insurer Notified On", readonly=True, copy=False, tracking=True
    )
    insurer_notified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    close_missing = fields.Char(
        string="Missing Before Closing",
        compute="_compute_close_missing",
        help="What must be done or attached before the complaint can be closed.",
    )

    @api.depends("severity", "property_loss", "company_id.crisis_insurer_threshold")
    def _compute_insurer_required(self):
        for complaint in self:
            threshold = complaint.company_id.crisis_insurer_threshold
            complaint.insurer_required = (
                complaint.severity == "major"
                and bool(complaint.property_loss)
                and complaint.currency_id.compare_amounts(
                    complaint.property_loss, threshold
                )
                >= 0
            )

    @api.depends(
        "kind", "crisis_agreement_ids", "crisis_receipt_ids", "insurer_required"
    )
    @api.depends_context("lang")
    def _compute_close_missing(self):
        for complaint in self:
            complaint.close_missing = ", ".join(complaint._close_missing())

    def _close_missing(self):
        self.ensure_one()
        missing = []
        if self.kind == "crisis":
            if not self.crisis_agreement_ids:
                missing.append(self.env._("the settlement agreement"))
            if not self.crisis_receipt_ids:
                missing.append(self.env._("the customer's receipt for the money paid"))
        if self.insurer_required and not self.insurer_notified_at:
            missing.append(self.env._("the insurer's notification"))
        return missing

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def action_close(self):
        for complaint in self:
            missing = complaint._close_missing()
            if missing:
                raise UserError(
                    self.env._(
                        "%(complaint)s cannot be closed yet: %(missing)s missing. "
                        "Attach the documents on the Crisis Event tab and mark "
                        "the insurer's notification done in the chatter.",
                        complaint=complaint.display_name,
                        missing=", ".join(missing),
                    )
                )
        return super().action_close()

    def action_cancel(self):
        result = super().action_cancel()
        self._activity_cancel([INSURER_ACTIVITY])
        return result

    def _insurer_activity_sync(self):
        """R-35: one insurer-notification activity for the CS centre on each
        open complaint that needs it and has none yet."""
        due = self.filtered(
            lambda c: (
                c.insurer_required
                and not c.insurer_notified_at
                and c.state in OPEN_STATES
            )
        )
        if not due:
            return
        waiting = set(due._activities_of([INSURER_ACTIVITY]).mapped("res_id"))
        managers = self.env.ref(f"{MODULE}.group_cs_manager").sudo().users
        due.filtered(lambda c: c.id not in waiting)._activity_start(
            INSURER_ACTIVITY,
            lambda c: managers.filtered(
                lambda u: u.active and not u.share and c.company_id in u.company_ids
            )[:1],
            summary=lambda c: self.env._(
                "%(complaint)s: notify the insurer of a property loss of %(loss)s",
                complaint=c.name,
                loss=c.currency_id.format(c.property_loss),
            ),
        )

    def _insurer_notified(self, user):
        """The insurer-notification activity was marked done."""
        todo = self.filtered(lambda c: not c.insurer_notified_at)
        todo._workflow_step().write(
            {
                "insurer_notified_at": fields.Datetime.now(),
                "insurer_notified_by_id": user.id,
            }
        )

    @api.model_create_multi
    def create(self, vals_list):
        complaints = super().create(vals_list)
        complaints._insurer_activity_sync()
        return complaints

    def write(self, vals):
        result = super().write(vals)
        if {"property_loss", "kind", *MAJOR_CRITERIA} & set(vals):
            self._insurer_activity_sync()
        return result


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        insurer = self.env.ref(f"{MODULE}.{INSURER_ACTIVITY}", raise_if_not_found=False)
        done = {}
        if insurer:
            for activity in self:
                if (
                    activity.res_model == "repair.service.complaint"
                    and activity.activity_type_id == insurer
                ):
                    done.setdefault(self.env.user, set()).add(activity.res_id)
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        for user, ids in done.items():
            self.env["repair.service.complaint"].sudo().browse(ids)._insurer_notified(
                user
            )
        return result


class ResCompany(models.Model):
    _inherit = "res.company"

    # R-35 (S1 第十条 2): 财产损失500元以上 — 500 or more
    crisis_insurer_threshold = fields.Monetary(
        string="Insurer Notified From",
        currency_field="currency_id",
        default=500.0,
        help="A major complaint with a property loss of this amount or more "
        "needs the insurer notified before it is closed.",
    )

    @api.constrains("crisis_insurer_threshold")
    def _check_crisis_insurer_threshold(self):
        for company in self:
            if company.crisis_insurer_threshold <= 0:
                raise ValidationError(
                    self.env._(
                        "The property loss from which the insurer is notified "
                        "must be positive."
                    )
                )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crisis_insurer_threshold = fields.Monetary(
        related="company_id.crisis_insurer_threshold", readonly=False
    )
