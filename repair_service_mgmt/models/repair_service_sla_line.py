# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.tools import format_datetime

_logger = logging.getLogger(__name__)


class RepairServiceSlaLine(models.Model):
    """The deadline of one policy on one record."""

    _name = "repair.service.sla.line"
    _description = "Service Deadline"
    _order = "deadline, id"
    # escalations per call of the scheduled action (it is called again while
    # some remain)
    _escalation_batch = 500

    policy_id = fields.Many2one(
        "repair.service.sla.policy", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(related="policy_id.name")
    rule = fields.Char(related="policy_id.rule")
    res_model = fields.Char(required=True, index=True)
    res_id = fields.Many2oneReference(
        model_field="res_model", required=True, index=True
    )
    start_date = fields.Datetime(required=True)
    deadline = fields.Datetime(required=True, index=True)
    done_date = fields.Datetime()
    paused_since = fields.Datetime()
    state = fields.Selection(
        [
            ("running", "Running"),
            ("paused", "Paused"),
            ("met", "Met"),
            ("breached", "Breached"),
        ],
        required=True,
        default="running",
        index=True,
    )
    escalated = fields.Boolean(readonly=True)
    responsible_id = fields.Many2one("res.users")

    _sql_constraints = [
        (
            "policy_record_uniq",
            "unique(policy_id, res_model, res_id)",
            "A record has one deadline per policy.",
        ),
    ]

    def _sla_follow(self, is_met, is_paused, now):
        """Move this deadline on after its record changed."""
        self.ensure_one()
        if self.state in ("met",) or self.done_date:
            return
        if is_met:
            self.write(
                {
                    "state": "met"
                    if self.state != "breached" and now <= self.deadline
                    else "breached",
                    "done_date": now,
                    "paused_since": False,
                }
            )
            # the escalation is answered: the work is done, late
            escalations = self.env["mail.activity"].search(
                [("repair_sla_line_id", "=", self.id)]
            )
            if escalations:
                escalations.action_feedback(
                    feedback=self.env._("Done, after the deadline.")
                )
        elif is_paused and self.state == "running":
            self.write({"state": "paused", "paused_since": now})
        elif not is_paused and self.state == "paused":
            self.write(
                {
                    "state": "running",
                    "deadline": self.deadline + (now - self.paused_since),
                    "paused_since": False,
                }
            )

    @api.model
    def _cron_check_deadlines(self):
        """Mark running deadlines that passed as breached and escalate each
        breach once, with an activity to the responsible person's manager.
        One indexed query when nothing is due; set-based when some are. The
        escalations go in batches: the scheduler commits each one and calls
        again while some remain, so a long backlog drains and a record that
        cannot be escalated does not hold back the others."""
        now = fields.Datetime.now()
        due = self.search([("state", "=", "running"), ("deadline", "<", now)])
        due.write({"state": "breached"})
        pending = [("state", "=", "breached"), ("escalated", "=", False)]
        batch = self.search(pending, limit=self._escalation_batch, order="id")
        if batch:
            batch._escalate_each()
            batch.write({"escalated": True})
            self.env["ir.cron"]._notify_progress(
                done=len(batch), remaining=self.search_count(pending)
            )
        return due

    def _escalate_each(self):
        """Escalate in one go; should that fail, line by line, so that a bad
        record is skipped (and noted) instead of stopping the rest."""
        try:
            with self.env.cr.savepoint():
                self._escalate()
        except Exception:  # noqa: BLE001 - any failure: retry one by one
            for line in self:
                try:
                    with self.env.cr.savepoint():
                        line._escalate()
                except Exception as error:  # noqa: BLE001
                    _logger.info(
                        "Deadline %s (%s %s) not escalated: %s",
                        line.id,
                        line.res_model,
                        line.res_id,
                        error,
                    )

    def _escalate(self):
        """One activity per breach and escalation user, created in one batch
        per model, each summary in its user's language and time zone."""
        for model_name, lines in self.grouped("res_model").items():
            records = (
                self.env[model_name].sudo().browse(lines.mapped("res_id")).exists()
            )
            entries = []
            for line in lines:
                record = records.browse(line.res_id)
                if record not in records:
                    continue
                for user in line._escalation_users(record):
                    entries.append(
                        (
                            record,
                            user,
                            {
                                "summary": line._breach_summary(user),
                                "repair_sla_line_id": line.id,
                            },
                        )
                    )
            records._activity_create("mail_activity_sla_breach", entries)

    def _escalation_users(self, record):
        policy = self.policy_id
        users = self.env["res.users"]
        if policy.escalation_field:
            users = record.mapped(policy.escalation_field)
        if not users and policy.escalation_group_id:
            users = policy.escalation_group_id.users
        return users.filtered(lambda u: u.active and not u.share)[:5]

    def _breach_summary(self, user):
        env = self.with_context(lang=user.lang or self.env.lang).env
        return env._(
            "Deadline missed: %(policy)s (due %(deadline)s)",
            policy=self.policy_id.with_env(env).name,
            deadline=format_datetime(
                env, self.deadline, tz=user.tz or "UTC", dt_format="short"
            ),
        )
