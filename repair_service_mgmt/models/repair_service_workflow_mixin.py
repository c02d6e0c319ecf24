# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

MODULE = "repair_service_mgmt"
# every field of the record (in ``_workflow_locks``)
ALL_FIELDS = "__all__"
_STEP_KEY = "repair_service_workflow_step"
LOCKED = _lt(
    "%(record)s is kept as recorded at this stage: %(fields)s can no longer change."
)


class _WorkflowStep:
    """The proof that a write comes from a step method of this module.

    Only server code holds this object: a request's context is decoded from
    JSON or XML-RPC and can carry strings, numbers and lists, never this
    instance, so no caller can open the guard by sending a context key.
    """

    __slots__ = ()

    def __repr__(self):
        return "<workflow step>"


_STEP = _WorkflowStep()


def workflow_step(records):
    """``records`` allowed to write what the module's steps own: for step
    methods only, after they checked who acts and in which state."""
    return records.with_context(**{_STEP_KEY: _STEP})


def in_workflow_step(env, superuser=True):
    """Whether ``env`` runs a step (or, with ``superuser``, trusted
    superuser code)."""
    return (superuser and env.su) or env.context.get(_STEP_KEY) is _STEP


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


def is_mail_field(name):
    """Chatter, followers and activities: they record what happens to a
    record and stay open on a frozen one."""
    return name.startswith(("message_", "activity_")) or name in (
        "website_message_ids",
        "rating_ids",
    )


class RepairServiceWorkflowMixin(models.AbstractModel):
    """The one server-side guard of the module's workflows.

    A model declares, as class attributes:

    - ``_workflow_fields``: the fields its steps own (the state, who did it,
      when); a plain create or write may not set them;
    - ``_workflow_fixed_fields``: fields that never change once the record
      exists (the order a collection belongs to…);
    - ``_workflow_locks``: ``(domain, fields[, message])``: while a record
      matches the domain, those fields (or ``ALL_FIELDS``: every field but
      the chatter's) are kept as they are; the optional message (a lazy
      translation with ``%(record)s`` and ``%(fields)s``) says why;
    - ``_workflow_role_fields``: ``(group, fields)`` pairs: only users with
      that role write those fields (``ALL_FIELDS``: every field but the
      chatter's and ``_workflow_open_fields``).

    Step methods check who acts and in which state, then write through
    ``self._workflow_step()``. The proof of a step is an object only server
    code holds (never a context value a request could carry); superuser code
    (data files, ``sudo()``) is trusted.
    """

    _name = "repair.service.workflow.mixin"
    _description = "Repair Service Workflow Guard"

    _workflow_fields = ("state",)
    _workflow_fixed_fields = ()
    _workflow_locks = ()
    _workflow_role_fields = ()
    _workflow_open_fields = ()
    # the ir.sequence that numbers new records, and the field it fills
    _sequence_code = None
    _sequence_field = "name"

    # ------------------------------------------------------------------
    # The guard
    # ------------------------------------------------------------------
    def _workflow_step(self):
        """These records, allowed to write what their steps own."""
        return workflow_step(self)

    def _in_workflow_step(self):
        return in_workflow_step(self.env)

    def _workflow_guarded_fields(self):
        """The fields only a step writes (records may add some by kind, e.g.
        the core status of a service order)."""
        guarded = set(self._workflow_fields)
        if self._sequence_code:
            guarded.add(self._sequence_field)
        return guarded

    def _check_workflow_write(self, vals):
        if self._in_workflow_step():
            return
        names = {name for name in vals if not is_mail_field(name)}
        if not names:
            return
        if not self:  # creating: a new record starts in the first state
            blocked = changed_from_start(self, vals, self._workflow_guarded_fields())
            self._raise_workflow_fields(blocked)
            self._check_role_fields(names, vals)
            return
        self._check_role_fields(names)
        for record in self:
            guarded = record._workflow_guarded_fields() | set(
                self._workflow_fixed_fields
            )
            record._raise_workflow_fields(names & guarded)
            for domain, fields, *message in self._workflow_locks:
                if not record.filtered_domain(domain):
                    continue
                locked = names if fields == ALL_FIELDS else names & set(fields)
                if locked:
                    raise UserError(
                        self.env._(message[0] if message else LOCKED)
                        % {
                            "record": record.display_name,
                            "fields": record._field_labels(locked),
                        }
                    )

    def _check_role_fields(self, names, create_vals=None):
        for group, fields in self._workflow_role_fields:
            if fields == ALL_FIELDS:
                owned = names - set(self._workflow_open_fields)
            else:
                owned = names & set(fields)
            if not owned or self.env.user.has_group(f"{MODULE}.{group}"):
                continue
            if create_vals is not None:  # a new record's defaults are fine
                owned = set(changed_from_start(self, create_vals, owned))
            if owned:
                raise AccessError(
                    self.env._(
                        "Only a user with the role “%(role)s” may change "
                        "%(fields)s of %(model)s.",
                        role=self.env.ref(f"{MODULE}.{group}").name,
                        fields=self._field_labels(owned),
                        model=self._description,
                    )
                )

    def _workflow_frozen(self):
        """The records kept entirely as recorded (a lock on every field)."""
        frozen = self.browse()
        for domain, fields, *_message in self._workflow_locks:
            if fields == ALL_FIELDS:
                frozen |= self.filtered_domain(domain)
        return frozen

    def _repair_keeps_attachments(self):
        """The records whose files are kept with them (see ir.attachment)."""
        return self._workflow_frozen()

    def _raise_workflow_fields(self, names):
        if names:
            raise UserError(
                self.env._(
                    "%(fields)s of %(model)s change only through the workflow "
                    "buttons (each checks who may act and in which state).",
                    fields=self._field_labels(names),
                    model=self._description,
                )
            )

    def _field_labels(self, names):
        return ", ".join(
            sorted(
                self._fields[name].get_description(self.env)["string"]
                for name in names
                if name in self._fields
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # a new record starts in the first state: no state, no step field
            self.browse()._check_workflow_write(vals)
            if self._sequence_code and not (
                self.env.su and vals.get(self._sequence_field)
            ):
                # numbers come from the sequence only
                vals[self._sequence_field] = self.env["ir.sequence"].next_by_code(
                    self._sequence_code
                )
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_write(vals)
        return super().write(vals)

    # ------------------------------------------------------------------
    # Who acts, in which state
    # ------------------------------------------------------------------
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
