# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import fields, models

MODULE = "repair_service_mgmt"


class RepairServiceActivityMixin(models.AbstractModel):
    """The one lifecycle of the module's activities: a step that hands work
    to someone starts an activity of a dedicated type; the step that answers
    it closes it (done, with a feedback) or cancels it. Activities are
    created in one batch per call, without an e-mail each: people work from
    their activity list (and the bus notifies them). For models with
    ``mail.thread`` and ``mail.activity.mixin``."""

    _name = "repair.service.activity.mixin"
    _description = "Repair Service Activities"

    def _activity_start(
        self, kind, user, summary=None, note=None, deadline=None, **extra
    ):
        """An activity of type ``kind`` (an xml id without the module) on
        each record, one per user of ``user`` (users or a callable
        ``f(record)``); ``summary``, ``deadline`` and the ``extra`` values may
        be callables too. Records without a user get none."""

        def value(spec, record):
            return spec(record) if callable(spec) else spec

        entries = [
            (
                record,
                assignee,
                {
                    "summary": value(summary, record),
                    "note": value(note, record),
                    "date_deadline": value(deadline, record),
                    **{key: value(spec, record) for key, spec in extra.items()},
                },
            )
            for record in self
            for assignee in value(user, record) or ()
        ]
        return self._activity_create(kind, entries)

    def _activity_create(self, kind, entries):
        """Create the activities of ``entries`` — ``(record, user, values)`` —
        in one batch, their assignees following the records first."""
        if not entries:
            return self.env["mail.activity"]
        activity_type = self.env.ref(f"{MODULE}.{kind}")
        model_id = self.env["ir.model"]._get_id(self._name)
        assignees = defaultdict(set)
        vals_list = []
        for record, user, values in entries:
            assignees[user].add(record.id)
            # the assignee's words and day: the summary in their language,
            # due today where they are
            summary = (
                values.get("summary")
                or activity_type.with_context(lang=user.lang or self.env.lang).summary
            )
            today = fields.Date.context_today(self.with_context(tz=user.tz or "UTC"))
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "automated": True,
                    **values,
                    "summary": summary,
                    "note": values.get("note") or False,
                    "date_deadline": values.get("date_deadline") or today,
                }
            )
        # mail subscribes a batch's assignees at once and trips on a record
        # listed twice for one user: they follow first, one call per user
        for user, ids in assignees.items():
            self.browse(ids).sudo().message_subscribe(partner_ids=user.partner_id.ids)
        return (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )

    def _activity_close(self, kinds, feedback=None):
        """Mark the open activities of these types done, with ``feedback``."""
        activities = self._activities_of(kinds)
        if activities:
            activities.sudo().action_feedback(feedback=feedback)
        return activities

    def _activity_cancel(self, kinds):
        """Remove the open activities of these types: the work they asked for
        is no longer due (e.g. the job went to another technician)."""
        activities = self._activities_of(kinds)
        activities.sudo().unlink()

    def _activities_of(self, kinds):
        if not self:
            return self.env["mail.activity"]
        types = [self.env.ref(f"{MODULE}.{kind}").id for kind in kinds]
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "in", types),
                ]
            )
        )
