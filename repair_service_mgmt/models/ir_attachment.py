# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# what an attachment is and where it belongs; the rest (access token,
# indexes) is bookkeeping
KEPT_FIELDS = frozenset(
    {
        "name",
        "description",
        "datas",
        "raw",
        "db_datas",
        "store_fname",
        "url",
        "type",
        "mimetype",
        "res_model",
        "res_id",
        "res_field",
    }
)


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _check_audit_trail_change(self):
        """Changing or deleting an attachment of a message of a kept record
        changes the message: see ``mail.message._check_audit_trail_change``."""
        if self.env.su or not self:
            return
        Message = self.env["mail.message"]
        messages = Message.sudo().search(
            [
                ("attachment_ids", "in", self.ids),
                ("model", "in", list(Message._audit_trail_models())),
            ]
        )
        if messages:
            messages.with_env(self.env)._check_audit_trail_change({"attachment_ids"})

    def write(self, vals):
        if KEPT_FIELDS & set(vals):
            self._check_audit_trail_change()
        return super().write(vals)

    def unlink(self):
        self._check_audit_trail_change()
        return super().unlink()
