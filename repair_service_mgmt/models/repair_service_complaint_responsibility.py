# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .repair_service_bounds import MAX_AMOUNT, check_bounds

# what a recorded violation carries over from the complaint: kept as it was
# once the violation exists (the violation's own steps decide the fine)
RESPONSIBILITY_FIELDS = ("responsible_outlet_id", "penalty_amount")
# a complaint whose cause was not analysed, or that is no longer handled
# (every other state — analysed, in its approval chain, resolved, followed
# up — is a valid complaint being handled)
NOT_HANDLED_STATES = ("new", "invalid", "closed", "cancelled")


class RepairServiceComplaint(models.Model):
    """R-38 (S4 二(5)2, S0 五(四)2): who is responsible for a valid
    complaint, the penalty proposed, the outlet's violation record and the
    corrective actions the responsible people set."""

    _inherit = "repair.service.complaint"

    responsible_user_id = fields.Many2one(
        "res.users",
        string="Responsible Employee",
        domain=[("share", "=", False)],
        tracking=True,
        help="The employee responsible for what the complaint is about; the "
        "outcome feeds their assessment.",
    )
    responsible_outlet_id = fields.Many2one(
        "repair.service.outlet",
        tracking=True,
        index="btree_not_null",
        check_company=True,
        help="The outlet responsible for what the complaint is about: its "
        "violation record is made from the complaint, and its manager sets "
        "corrective actions.",
    )
    penalty_amount = fields.Monetary(
        string="Penalty",
        tracking=True,
        help="The penalty proposed for the responsible outlet, in the company "
        "currency: it becomes the fine of the outlet's violation record, whose "
        "confirmation by the CS-centre manager decides it.",
    )
    violation_ids = fields.One2many(
        "repair.service.violation",
        "complaint_id",
        string="Violations",
        readonly=True,
    )
    violation_count = fields.Integer(compute="_compute_violation_count")
    corrective_action_ids = fields.One2many(
        "repair.service.corrective.action",
        "complaint_id",
        string="Corrective Actions",
    )
    corrective_action_count = fields.Integer(compute="_compute_corrective_action_count")
    can_record_violation = fields.Boolean(compute="_compute_can_record_violation")

    @api.constrains("penalty_amount")
    def _check_penalty_amount(self):
        check_bounds(self, "penalty_amount", MAX_AMOUNT)

    @api.onchange("outlet_id")
    def _onchange_outlet_id_responsible(self):
        if self.outlet_id and not self.responsible_outlet_id:
            self.responsible_outlet_id = self.outlet_id

    @api.depends("violation_ids")
    def _compute_violation_count(self):
        groups = self.env["repair.service.violation"]._read_group(
            [("complaint_id", "in", self.ids)], ["complaint_id"], ["__count"]
        )
        counts = {complaint.id: count for complaint, count in groups}
        for complaint in self:
            complaint.violation_count = counts.get(complaint.id, 0)

    @api.depends("corrective_action_ids")
    def _compute_corrective_action_count(self):
        groups = self.env["repair.service.corrective.action"]._read_group(
            [("complaint_id", "in", self.ids)], ["complaint_id"], ["__count"]
        )
        counts = {complaint.id: count for complaint, count in groups}
        for complaint in self:
            complaint.corrective_action_count = counts.get(complaint.id, 0)

    @api.depends("state", "validity", "responsible_outlet_id", "violation_ids.state")
    def _compute_can_record_violation(self):
        for complaint in self:
            complaint.can_record_violation = bool(
                complaint.state not in NOT_HANDLED_STATES
                and complaint.validity == "valid"
                and complaint.responsible_outlet_id
                and not complaint._open_violations()
            )

    def _open_violations(self):
        """The violations of the responsible outlet not cancelled."""
        self.ensure_one()
        return self.sudo().violation_ids.filtered(
            lambda v: (
                v.state != "cancelled" and v.outlet_id == self.responsible_outlet_id
            )
        )

    # ------------------------------------------------------------------
    # The guard: the violation is the record of what the complaint said
    # ------------------------------------------------------------------
    def _workflow_guarded_fields(self):
        return super()._workflow_guarded_fields() | {"violation_ids"}

    def _check_workflow_write(self, vals):
        super()._check_workflow_write(vals)
        if not self or self._in_workflow_step():
            return
        changed = set(vals) & set(RESPONSIBILITY_FIELDS)
        if not changed:
            return
        for complaint in self:
            if complaint._open_violations():
                raise UserError(
                    self.env._(
                        "%(complaint)s: its violation record %(violations)s was "
                        "made with %(fields)s: change the violation record "
                        "(or cancel it) instead.",
                        complaint=complaint.display_name,
                        violations=", ".join(
                            complaint._open_violations().mapped("name")
                        ),
                        fields=complaint._field_labels(changed),
                    )
                )

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def action_record_violation(self):
        """R-38 → R-45: the responsible outlet's violation record, prefilled
        from the complaint (outlet, penalty, reason). It starts as a draft:
        the violation's own steps (the CS-centre manager's confirmation)
        decide the penalty and raise the fine's invoice."""
        action = self.env._("record the violation of a complaint")
        self._check_role("group_cs_agent", action)
        for complaint in self:
            if complaint.state in NOT_HANDLED_STATES or (complaint.validity != "valid"):
                raise UserError(
                    self.env._(
                        "%(complaint)s: analyse the cause of the complaint "
                        "first (Cause Analysed): a violation is recorded for a "
                        "valid complaint that is still being handled.",
                        complaint=complaint.display_name,
                    )
                )
            if not complaint.responsible_outlet_id:
                raise UserError(
                    self.env._(
                        "%(complaint)s: set the responsible outlet before "
                        "recording its violation.",
                        complaint=complaint.display_name,
                    )
                )
            if complaint._open_violations():
                raise UserError(
                    self.env._(
                        "%(complaint)s: the violation %(violation)s is already "
                        "recorded for %(outlet)s.",
                        complaint=complaint.display_name,
                        violation=", ".join(
                            complaint._open_violations().mapped("name")
                        ),
                        outlet=complaint.responsible_outlet_id.display_name,
                    )
                )
        Violation = self.env["repair.service.violation"].sudo()
        violations = Violation.browse()
        for complaint in self:
            violations |= Violation.with_company(complaint.company_id).create(
                complaint._violation_values()
            )
        for complaint, violation in zip(self, violations, strict=True):
            complaint.message_post(
                body=self.env._(
                    "Violation %(violation)s recorded for %(outlet)s.",
                    violation=violation.name,
                    outlet=violation.outlet_id.display_name,
                )
            )
        if len(violations) == 1:
            return violations.with_env(self.env).get_formview_action()
        return True

    def _violation_values(self):
        self.ensure_one()
        lines = [
            self.env._("Complaint %(complaint)s", complaint=self.name),
            self.description,
        ]
        if self.cause:
            lines.append(self.env._("Cause: %(cause)s", cause=self.cause))
        if self.responsibility:
            lines.append(
                self.env._(
                    "Responsibility: %(responsibility)s",
                    responsibility=self.responsibility,
                )
            )
        if self.responsible_user_id:
            lines.append(
                self.env._(
                    "Responsible employee: %(user)s",
                    user=self.responsible_user_id.name,
                )
            )
        return {
            "complaint_id": self.id,
            "outlet_id": self.responsible_outlet_id.id,
            "company_id": self.company_id.id,
            "violation_type": "service_attitude" if self.about_attitude else "other",
            "repair_id": self.repair_ids[:1].id,
            "description": "\n".join(lines),
            "penalty": "fine" if self.penalty_amount > 0 else "warning",
            "fine_amount": self.penalty_amount,
        }

    def action_close(self):
        """R-38: a complaint is closed once its corrective actions are done
        (or cancelled)."""
        for complaint in self:
            open_actions = complaint.sudo().corrective_action_ids.filtered(
                lambda a: a.state == "open"
            )
            if open_actions:
                raise UserError(
                    self.env._(
                        "%(complaint)s still has open corrective actions: "
                        "%(actions)s. Their owners mark them done (or they are "
                        "cancelled) before the complaint is closed.",
                        complaint=complaint.display_name,
                        actions=", ".join(
                            f"{a.name} ({a.user_id.name})" for a in open_actions
                        ),
                    )
                )
        return super().action_close()

    def action_cancel(self):
        """A cancelled complaint needs no corrective action: its open ones
        are cancelled with it (kept, with their history)."""
        result = super().action_cancel()
        actions = self.sudo().corrective_action_ids.filtered(
            lambda a: a.state == "open"
        )
        actions._workflow_step().write({"state": "cancelled"})
        actions._activity_cancel(["mail_activity_corrective_action"])
        return result

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------
    def action_view_violations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair_service_mgmt.repair_service_violation_action"
        )
        action["domain"] = [("complaint_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_view_corrective_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair_service_mgmt.repair_service_corrective_action_action"
        )
        action["domain"] = [("complaint_id", "=", self.id)]
        action["context"] = {"default_complaint_id": self.id}
        return action


class RepairServiceViolation(models.Model):
    """R-38: a violation recorded from a complaint keeps its link."""

    _inherit = "repair.service.violation"

    complaint_id = fields.Many2one(
        "repair.service.complaint",
        string="From Complaint",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )

    def _workflow_guarded_fields(self):
        # set only by the complaint's Record Violation step
        return super()._workflow_guarded_fields() | {"complaint_id"}

    def action_view_complaint(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.service.complaint",
            "res_id": self.complaint_id.id,
            "view_mode": "form",
        }
