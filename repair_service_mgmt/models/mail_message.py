# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

AUDIT_MIXIN = "repair.service.audit.mixin"
# what a message says, where, when, by whom and to whom: the history kept.
# The rest (stars, notifications, reactions, pins, visibility) is bookkeeping
# that Odoo keeps changing.
KEPT_FIELDS = frozenset(
    {
        "subject",
        "date",
        "body",
        "attachment_ids",
        "parent_id",
        "model",
        "res_id",
        "record_name",
        "message_type",
        "subtype_id",
        "mail_activity_type_id",
        "email_from",
        "author_id",
        "author_guest_id",
        "partner_ids",
        "tracking_value_ids",
        "message_id",
        "reply_to",
    }
)
# what the author of a comment may still change, within the set window
EDITABLE_FIELDS = frozenset({"body", "attachment_ids", "partner_ids"})


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _audit_trail_models(self):
        """The models whose messages are kept (``repair.service.audit.mixin``)."""
        registry = self.env.registry
        return {
            name
            for name in registry.descendants([AUDIT_MIXIN], "_inherit")
            if not registry[name]._abstract
        }

    @api.model
    def _audit_edit_minutes(self):
        """Minutes during which the author may still change or delete their
        own comment on a kept record (Settings; 0: never)."""
        minutes = self.env["res.config.settings"]._repair_param("message_edit_minutes")
        return max(minutes, 0)

    def _check_audit_trail_change(self, changed=None):
        """Refuse to change the ``changed`` fields of these messages (to delete
        them when ``changed`` is None) when they belong to kept records.

        System notes, notifications and tracked changes never change; the
        author's own comment may, within the window of the settings.
        Superuser code is trusted."""
        if self.env.su or not self:
            return
        kept_models = self._audit_trail_models()
        messages = self.sudo().filtered(lambda m: m.model in kept_models)
        if not messages:
            return
        minutes = self._audit_edit_minutes()
        since = fields.Datetime.now() - timedelta(minutes=minutes)
        partner = self.env.user.partner_id
        for message in messages:
            own_comment = (
                message.message_type == "comment"
                and not message.tracking_value_ids
                and message.author_id == partner
            )
            if (
                own_comment
                and minutes
                and message.create_date >= since
                and (changed is None or changed <= EDITABLE_FIELDS)
            ):
                continue
            record = message._audit_record_name()
            if own_comment and minutes and message.create_date >= since:
                raise UserError(
                    self.env._(
                        "Only the text, attachments and recipients of your "
                        "message on %(record)s can still be changed.",
                        record=record,
                    )
                )
            if own_comment and minutes:
                raise UserError(
                    self.env._(
                        "Your message on %(record)s could be changed or deleted "
                        "only shortly after posting it (%(minutes)s min.): it is "
                        "now kept for the audit trail. Post a new message to "
                        "correct it.",
                        record=record,
                        minutes=minutes,
                    )
                )
            raise UserError(
                self.env._(
                    "The messages, notes and tracked changes of %(record)s are "
                    "kept for the audit trail: nobody can change or delete "
                    "them. Post a new message to correct or complete one.",
                    record=record,
                )
            )

    def _audit_record_name(self):
        self.ensure_one()
        record = self.env[self.model].sudo().browse(self.res_id).exists()
        return record.display_name or self.env["ir.model"]._get(self.model).name

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            kept_models = self._audit_trail_models()
            for vals in vals_list:
                if vals.get("tracking_value_ids") and vals.get("model") in kept_models:
                    raise UserError(
                        self.env._(
                            "Tracked changes are recorded by the system when a "
                            "record changes: they cannot be written by hand."
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            changed = set(vals) & KEPT_FIELDS
            if changed:
                self._check_audit_trail_change(changed)
            moved_to = vals.get("model")
            if moved_to and moved_to in self._audit_trail_models():
                raise UserError(
                    self.env._(
                        "Messages cannot be moved onto %(model)s records: their "
                        "history is kept as it was recorded.",
                        model=self.env["ir.model"]._get(moved_to).name,
                    )
                )
        return super().write(vals)

    def unlink(self):
        self._check_audit_trail_change()
        return super().unlink()
