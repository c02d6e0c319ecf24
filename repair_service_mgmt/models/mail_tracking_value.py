# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class MailTrackingValue(models.Model):
    _inherit = "mail.tracking.value"

    def _check_audit_trail(self, message_ids=()):
        """The tracked changes of kept records (``repair.service.audit.mixin``)
        are written by the system only. Superuser code is trusted."""
        if self.env.su:
            return
        messages = (
            self.env["mail.message"]
            .sudo()
            .browse(set(message_ids) | set(self.sudo().mail_message_id.ids))
        )
        kept_models = messages._audit_trail_models()
        kept = messages.filtered(lambda m: m.model in kept_models)
        if kept:
            raise UserError(
                self.env._(
                    "The tracked changes of %(record)s are kept for the audit "
                    "trail: nobody can change or delete them.",
                    record=kept[0]._audit_record_name(),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_audit_trail(
            [
                vals["mail_message_id"]
                for vals in vals_list
                if vals.get("mail_message_id")
            ]
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_audit_trail(
            [vals["mail_message_id"]] if vals.get("mail_message_id") else []
        )
        return super().write(vals)

    def unlink(self):
        self._check_audit_trail()
        return super().unlink()
