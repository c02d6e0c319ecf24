# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError

MODULE = "repair_service_mgmt"


def changed_from_start(model, vals, names):
    """The fields of ``names`` that ``vals`` sets to something else than a
    new record's own start: forms send the defaults of new records."""
    changed = {}
    for name in set(vals) & set(names):
        field = model._fields[name]
        default = field.default(model) if field.default else False
        if vals[name] and vals[name] != default:
            changed[name] = vals[name]
    return changed


class RepairServiceWorkflowMixin(models.AbstractModel):
    """Server-side guard of a workflow: the state and the fields a step sets
    change only through the step's method, never through a plain write.

    A model lists those fields in ``_workflow_fields``; its step methods write
    them inside ``self._workflow_step()``. Superuser code (data files,
    ``sudo()``) is trusted.
    """

    _name = "repair.service.workflow.mixin"
    _description = "Repair Service Workflow Guard"

    _workflow_fields = ("state",)
    # the ir.sequence that numbers new records, and the field it fills
    _sequence_code = None
    _sequence_field = "name"

    def _workflow_step(self):
        return self.with_context(repair_service_workflow_step=True)

    def _check_workflow_write(self, vals):
        if self.env.su or self.env.context.get("repair_service_workflow_step"):
            return
        if not self:  # creating: a new record starts in the first state
            vals = changed_from_start(self, vals, self._workflow_fields)
        blocked = sorted(set(vals) & set(self._workflow_fields))
        if blocked:
            labels = ", ".join(self._fields[name].string for name in blocked)
            raise UserError(
                self.env._(
                    "%(fields)s of %(model)s change only through the workflow "
                    "buttons (each checks who may act and in which state).",
                    fields=labels,
                    model=self._description,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        new = self.env._("New")
        for vals in vals_list:
            # a new record starts in the first state: no state, no step field
            self._check_workflow_write(vals)
            if self._sequence_code and vals.get(self._sequence_field, new) == new:
                vals[self._sequence_field] = self.env["ir.sequence"].next_by_code(
                    self._sequence_code
                )
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_write(vals)
        return super().write(vals)

    def _check_role(self, group, action):
        """Refuse ``action`` unless the current user has role ``group``."""
        if self.env.su or self.env.user.has_group(f"{MODULE}.{group}"):
            return
        role = self.env.ref(f"{MODULE}.{group}").name
        raise AccessError(
            self.env._(
                "Only a user with the role “%(role)s” may %(action)s.",
                role=role,
                action=action,
            )
        )

    def _check_state(self, allowed, action):
        """Refuse ``action`` for records not in one of the ``allowed`` states."""
        selection = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(record)s is “%(state)s”: you can %(action)s only "
                        "when it is %(allowed)s.",
                        record=record.display_name,
                        state=selection.get(record.state, record.state),
                        action=action,
                        allowed=self.env._(" or ").join(
                            f"“{selection[s]}”" for s in allowed
                        ),
                    )
                )
