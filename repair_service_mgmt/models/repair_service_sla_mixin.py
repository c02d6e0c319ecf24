# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval


class RepairServiceSlaMixin(models.AbstractModel):
    """Deadlines of the service rules on any model: the policies
    (``repair.service.sla.policy``) are data; this mixin starts, pauses and
    stops their clocks when records are created or written."""

    _name = "repair.service.sla.mixin"
    _description = "Service Deadlines"
    # a missed deadline is escalated as an activity on the record
    _inherit = ["repair.service.activity.mixin"]

    sla_line_ids = fields.One2many(
        "repair.service.sla.line",
        "res_id",
        string="Deadlines",
        domain=lambda self: [("res_model", "=", self._name)],
        auto_join=True,
    )
    sla_status = fields.Selection(
        [
            ("none", "No deadline"),
            ("running", "On time"),
            ("met", "Met"),
            ("breached", "Breached"),
        ],
        string="Deadline Status",
        compute="_compute_sla_status",
        search="_search_sla_status",
    )
    sla_deadline = fields.Datetime(
        string="Next Deadline",
        compute="_compute_sla_status",
        search="_search_sla_deadline",
    )

    @api.depends("sla_line_ids.state", "sla_line_ids.deadline")
    def _compute_sla_status(self):
        for record in self:
            lines = record.sla_line_ids
            running = lines.filtered(lambda line: line.state in ("running", "paused"))
            if "breached" in lines.mapped("state"):
                record.sla_status = "breached"
            elif running:
                record.sla_status = "running"
            elif lines:
                record.sla_status = "met"
            else:
                record.sla_status = "none"
            record.sla_deadline = min(running.mapped("deadline"), default=False)

    def _search_sla_status(self, operator, value):
        """``=``, ``!=``, ``in`` and ``not in`` on the status, each value
        meaning what the computed field shows."""
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(
                self.env._("Unsupported search on the deadline status: %s", operator)
            )
        values = [value] if operator in ("=", "!=") else list(value or ())
        unfinished = ("running", "paused")
        by_status = {
            "none": [("sla_line_ids", "=", False)],
            "breached": [("sla_line_ids.state", "=", "breached")],
            "running": [
                ("sla_line_ids.state", "in", unfinished),
                "!",
                ("sla_line_ids.state", "=", "breached"),
            ],
            "met": [
                ("sla_line_ids", "!=", False),
                "!",
                ("sla_line_ids.state", "in", (*unfinished, "breached")),
            ],
        }
        domain = expression.OR(
            [by_status[status] for status in values if status in by_status]
            or [expression.FALSE_DOMAIN]
        )
        if operator in ("!=", "not in"):
            return ["!", *expression.normalize_domain(domain)]
        return domain

    def _search_sla_deadline(self, operator, value):
        return [
            ("sla_line_ids.state", "=", "running"),
            ("sla_line_ids.deadline", operator, value),
        ]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._sla_update()
        return records

    def write(self, vals):
        result = super().write(vals)
        watched = self.env["repair.service.sla.policy"]._policy_fields_for(self._name)
        if self and set(vals) & watched:
            self._sla_lock()
            self._sla_update()
        return result

    def _sla_lock(self):
        """Concurrent steps on one record take turns here: the second waits
        for the first, then fails to serialize and Odoo retries it, instead
        of both creating the same deadline (which a retry cannot mend)."""
        self.env.cr.execute(
            SQL(
                "SELECT 1 FROM %s WHERE id IN %s FOR NO KEY UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            ),
            # a failure to serialize is retried by Odoo, not an error
            log_exceptions=False,
        )

    def unlink(self):
        """The deadlines follow their records: deleted with them, in one go."""
        lines = (
            self.env["repair.service.sla.line"]
            .sudo()
            .with_context(active_test=False)
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        result = super().unlink()
        lines.unlink()
        return result

    def _sla_update(self):
        """Start, pause, resume and stop the clocks of these records: one
        search of their lines and in-memory domain checks per policy."""
        if not self:
            return
        policies = self.env["repair.service.sla.policy"]._policies_for(self._name)
        if not policies:
            return
        Line = self.env["repair.service.sla.line"].sudo()
        # the fields read below come with the search: no second query
        lines = Line.search_fetch(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)],
            [
                "policy_id",
                "res_id",
                "state",
                "start_date",
                "deadline",
                "done_date",
                "paused_since",
            ],
        )
        by_key = {(line.policy_id.id, line.res_id): line for line in lines}
        now = fields.Datetime.now()
        records = self.sudo()
        to_create = []
        for policy in policies:
            started = records.filtered_domain(safe_eval(policy.start_domain))
            met = records.filtered_domain(safe_eval(policy.target_domain))
            paused = (
                records.filtered_domain(safe_eval(policy.pause_domain))
                if policy.pause_domain
                else records.browse()
            )
            for record in records:
                line = by_key.get((policy.id, record.id))
                if not line:
                    if record in started:
                        start = (
                            record[policy.start_field] if policy.start_field else False
                        ) or now
                        deadline = policy._deadline(start, record)
                        done = record in met
                        to_create.append(
                            {
                                "policy_id": policy.id,
                                "res_model": self._name,
                                "res_id": record.id,
                                "start_date": start,
                                "deadline": deadline,
                                "done_date": now if done else False,
                                "state": ("met" if now <= deadline else "breached")
                                if done
                                else "running",
                                "responsible_id": policy.responsible_field
                                and record.mapped(policy.responsible_field)[:1].id,
                            }
                        )
                    continue
                # a deadline met stays where it was: the field may be cleared
                # by the very step that meets it
                if (
                    policy.deadline_field
                    and line.state in ("running", "paused")
                    and record not in met
                ):
                    deadline = policy._deadline(line.start_date, record)
                    if deadline != line.deadline:
                        line.deadline = deadline
                line._sla_follow(record in met, record in paused, now)
        if to_create:
            Line.create(to_create)

    def _sla_escalation_levels(self, policy):
        """Who answers for this record when one of its deadlines is missed,
        level by level after the policy's own escalation path (a list of
        user recordsets; the first level with someone gets the escalation).
        None by default: the policy's group is then the last resort."""
        self.ensure_one()
        return []
