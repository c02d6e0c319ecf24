# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import functools
import logging

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL, format_datetime

_logger = logging.getLogger(__name__)


class RepairServiceSlaLine(models.Model):
    """The deadline of one policy on one record.

    Access: a deadline line is readable by whoever can read the record it
    times, and by nobody else. A line points at its record with
    ``res_model``/``res_id``, which a static record rule cannot follow, so
    the line has no ``ir.rule`` of its own; instead ``_search`` and
    ``_check_access`` ask the record's model:

    - ``_search`` adds, for each model that has deadline policies, the
      condition "``res_id`` is one of the records the user may read" as a
      sub-query of that model's own ``_search``; the records' access rights
      and record rules (multi-company, outlet, region, portal) therefore
      apply as they are, with no copy of them on the line and nothing to
      keep in sync when an order changes outlet;
    - ``_check_access`` refuses the lines whose record the user may not read
      (or, to change a line, write), and lines whose record is gone.

    Lines are written by the deadline engine as superuser only (the access
    rights give internal users read access and nothing else).
    """

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
    active = fields.Boolean(
        default=True,
        help="The deadline of an earlier round (e.g. the steps of an approval "
        "submitted again) is archived, kept with its outcome.",
    )

    def init(self):
        # a record has one current deadline per policy; the archived ones of
        # earlier rounds stay beside it
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "repair_service_sla_line_policy_record_active_uniq "
                "ON repair_service_sla_line (policy_id, res_model, res_id) "
                "WHERE active"
            )
        )

    # ------------------------------------------------------------------
    # Access: the record's (see the class docstring)
    # ------------------------------------------------------------------
    @api.model
    def _readable_records_domain(self):
        """Lines of the records the current user may read, as a domain of
        sub-queries, one per model that has deadline policies."""
        models_with_lines = (
            self.env["repair.service.sla.policy"]
            .sudo()
            .with_context(active_test=False)
            .search([])
            .mapped("model")
        )
        domains = []
        for model_name in sorted(set(models_with_lines)):
            if model_name not in self.env:
                continue
            records = self.env[model_name].with_context(active_test=False)
            if not records.has_access("read"):
                continue
            domains.append(
                [("res_model", "=", model_name), ("res_id", "in", records._search([]))]
            )
        return expression.OR(domains) if domains else expression.FALSE_DOMAIN

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if self.env.su:
            return super()._search(domain, offset, limit, order)
        self.browse().check_access("read")
        domain = expression.AND([domain or [], self._readable_records_domain()])
        return super()._search(domain, offset, limit, order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su or not self._ids or (result and result[0] == self):
            return result
        lines = self - result[0] if result else self
        record_operation = "read" if operation == "read" else "write"
        forbidden_ids = []
        for model_name, group in lines.sudo().exists().grouped("res_model").items():
            if model_name not in self.env:
                forbidden_ids += group.ids
                continue
            records = self.env[model_name].browse(set(group.mapped("res_id")))
            allowed = set(records.exists()._filtered_access(record_operation).ids)
            forbidden_ids += [line.id for line in group if line.res_id not in allowed]
        if not forbidden_ids:
            return result
        forbidden = self.browse(forbidden_ids)
        if result:
            forbidden |= result[0]
        return forbidden, functools.partial(
            self.env["ir.rule"]._make_access_error, operation, forbidden
        )

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
        per model, each summary in its user's language and time zone; a user
        who already has the escalation of a deadline gets no second one."""
        existing = {
            (activity.repair_sla_line_id.id, activity.user_id.id)
            for activity in self.env["mail.activity"]
            .sudo()
            .with_context(active_test=False)
            .search([("repair_sla_line_id", "in", self.ids)])
        }
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
                    if (line.id, user.id) in existing:
                        continue
                    existing.add((line.id, user.id))
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
        """The people who answer for ``record``, level by level: the
        policy's escalation path (e.g. the outlet's manager), then the levels
        the record names (an order: its regional CS supervisors, then its
        CS-centre manager); the first level with someone gets it. The
        policy's group is the last resort, all its members of the record's
        company. Nobody escalates to the person who missed the deadline."""
        policy = self.policy_id

        def eligible(users):
            return users.filtered(
                lambda u: u.active and not u.share and u != self.responsible_id
            )

        levels = []
        if policy.escalation_field:
            levels.append(record.mapped(policy.escalation_field))
        levels += record._sla_escalation_levels(policy)
        for users in levels:
            users = eligible(users)
            if users:
                return users
        company = record.company_id if "company_id" in record._fields else False
        return eligible(policy.escalation_group_id.users).filtered(
            lambda u: not company or company in u.company_ids
        )

    def _breach_summary(self, user):
        env = self.with_context(lang=user.lang or self.env.lang).env
        return env._(
            "Deadline missed: %(policy)s (due %(deadline)s)",
            policy=self.policy_id.with_env(env).name,
            deadline=format_datetime(
                env, self.deadline, tz=user.tz or "UTC", dt_format="short"
            ),
        )
