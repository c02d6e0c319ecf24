# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval


def _resolve_path(model, path):
    """The field at the end of a dotted path (KeyError when there is none)."""
    field = None
    for name in path.split("."):
        field = model._fields[name]
        if field.relational:
            model = model.env[field.comodel_name]
    return field


class RepairServiceSlaPolicy(models.Model):
    """One deadline of the service rules, as data: on records of a model, the
    clock starts when a record matches the start condition and stops when it
    matches the target condition, ``hours`` later at the latest (in working
    hours when a calendar is set). Used through ``repair.service.sla.mixin``.
    """

    _name = "repair.service.sla.policy"
    _description = "Service Deadline Policy"
    _order = "model_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    rule = fields.Char(
        string="Technical Reference",
        help="The code of this deadline for integrations and reports; shown in "
        "developer mode only.",
    )
    sequence = fields.Integer(default=10)
    model_id = fields.Many2one(
        "ir.model",
        required=True,
        ondelete="cascade",
        domain=[("transient", "=", False)],
    )
    model = fields.Char(
        related="model_id.model", string="Model Name", store=True, index=True
    )
    start_domain = fields.Char(
        string="Starts When",
        required=True,
        default="[]",
        help="The clock starts when a record matches this domain.",
    )
    start_field = fields.Char(
        help="Optional date-time field holding the start (default: the moment "
        "the start condition is met)."
    )
    target_domain = fields.Char(
        string="Met When",
        required=True,
        help="The deadline is met when the record matches this domain.",
    )
    pause_domain = fields.Char(
        string="Paused When",
        help="While a record matches this domain the clock stands still.",
    )
    hours = fields.Float(required=True, help="Time allowed, in hours.")
    deadline_field = fields.Char(
        string="Due At Field",
        help="Optional date-time field of the record that is the deadline "
        "itself, e.g. the planned start of a visit; the hours are then counted "
        "back from it (0: at that moment). The deadline follows the field when "
        "it changes.",
    )
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        help="Count only these working hours (empty: round the clock).",
    )
    responsible_field = fields.Char(
        help="Path to the user responsible for meeting the deadline, e.g. "
        "technician_id."
    )
    escalation_field = fields.Char(
        help="Path to the user a breach is escalated to, e.g. "
        "outlet_id.manager_id (the responsible person's manager)."
    )
    escalation_group_id = fields.Many2one(
        "res.groups",
        help="When the escalation path gives nobody, the members of this group "
        "get the escalation.",
    )
    company_id = fields.Many2one("res.company")
    active = fields.Boolean(default=True)

    @api.constrains(
        "model_id",
        "start_domain",
        "target_domain",
        "pause_domain",
        "start_field",
        "responsible_field",
        "escalation_field",
        "hours",
        "deadline_field",
    )
    def _check_definition(self):
        for policy in self:
            if policy.hours < 0 or (policy.hours == 0 and not policy.deadline_field):
                raise ValidationError(
                    self.env._(
                        "%(policy)s: the hours must be more than zero (zero only "
                        "with a due-at field).",
                        policy=policy.name,
                    )
                )
            Model = self.env[policy.model]
            for label, domain in (
                (self.env._("start condition"), policy.start_domain),
                (self.env._("target condition"), policy.target_domain),
                (self.env._("pause condition"), policy.pause_domain),
            ):
                if not domain:
                    continue
                try:
                    Model.sudo().search_count(safe_eval(domain), limit=1)
                except Exception as error:
                    raise ValidationError(
                        self.env._(
                            "%(policy)s: the %(label)s is not a valid domain on "
                            "%(model)s: %(error)s",
                            policy=policy.name,
                            label=label,
                            model=policy.model,
                            error=error,
                        )
                    ) from error
            for path in (
                policy.start_field,
                policy.deadline_field,
                policy.responsible_field,
                policy.escalation_field,
            ):
                if path:
                    try:
                        _resolve_path(Model, path)
                    except KeyError as error:
                        raise ValidationError(
                            self.env._(
                                "%(policy)s: %(path)s is not a field path of "
                                "%(model)s.",
                                policy=policy.name,
                                path=path,
                                model=policy.model,
                            )
                        ) from error

    def _deadline(self, start, record=None):
        """``start`` plus the allowed hours, in working time if configured;
        or the record's due-at field less the hours."""
        self.ensure_one()
        if self.deadline_field and record is not None:
            due = record.mapped(self.deadline_field)[:1]
            if due and due[0]:
                return due[0] - timedelta(hours=self.hours)
        if self.calendar_id:
            end = self.calendar_id.plan_hours(self.hours, start, compute_leaves=True)
            if end:
                return end.replace(tzinfo=None)
        return start + timedelta(hours=self.hours)

    @api.model
    def _policies_for(self, model_name):
        """The active policies of a model: cached, as every write of a record
        with deadlines asks for them (the cache is cleared when policies
        change)."""
        return self.sudo().browse(self._policy_ids_for(model_name))

    @api.model
    @tools.ormcache("model_name", "self.env.company.id")
    def _policy_ids_for(self, model_name):
        return tuple(self.sudo().search([("model", "=", model_name)]).ids)

    @api.model
    @tools.ormcache("model_name", "self.env.company.id")
    def _policy_fields_for(self, model_name):
        """The fields of ``model_name`` its policies look at (conditions,
        start and due-at fields, first step of a path): a write of none of
        them moves no clock."""
        names = set()
        for policy in self._policies_for(model_name):
            for domain in (
                policy.start_domain,
                policy.target_domain,
                policy.pause_domain,
            ):
                for leaf in safe_eval(domain or "[]"):
                    if isinstance(leaf, (list, tuple)) and leaf:
                        names.add(str(leaf[0]).split(".")[0])
            for path in (policy.start_field, policy.deadline_field):
                if path:
                    names.add(path.split(".")[0])
        # a computed or related field moves with what it depends on
        Model = self.env[model_name]
        for name in list(names):
            field = Model._fields.get(name)
            if field is not None and (field.compute or field.related):
                names.update(
                    dep.split(".")[0] for dep in self.env.registry.field_depends[field]
                )
        return frozenset(names)

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _clear_policy_cache(self):
        self.env.registry.clear_cache()
