# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError

from .repair_service_workflow_mixin import in_workflow_step

# what an attachment is and where it belongs; the rest (access token,
# indexes) is bookkeeping
KEPT_KEYS = frozenset(
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
    """The files of a record kept as recorded (a completed service order's
    photos, a confirmed violation's evidence, a submitted application's
    documents) are kept with it: not replaced, moved or deleted; so are the
    files of the messages of service records (see ``mail.message``)."""

    _inherit = "ir.attachment"

    def write(self, vals):
        keys = set(vals) & KEPT_KEYS
        if keys:
            self._check_audit_trail_change()
        if keys and not in_workflow_step(self.env):
            changed = self.filtered(
                lambda att: (
                    keys - {"res_model", "res_id"}
                    or att.res_model != vals.get("res_model", att.res_model)
                    or att.res_id != vals.get("res_id", att.res_id)
                )
            )
            changed._check_repair_kept()
        return super().write(vals)

    def unlink(self):
        self._check_audit_trail_change()
        return super().unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_repair_kept(self):
        if not in_workflow_step(self.env):
            self._check_repair_kept()

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

    def _check_repair_kept(self):
        if not self:
            return
        attachments = self.sudo()
        owners = []
        for model_name, records in attachments.grouped("res_model").items():
            Model = self.env.get(model_name)
            if Model is not None and hasattr(Model, "_repair_keeps_attachments"):
                owners.append(Model.sudo().browse(records.mapped("res_id")).exists())
        for model_name, field_name in self._repair_attachment_fields():
            owners.append(
                self.env[model_name]
                .sudo()
                .with_context(active_test=False)
                .search([(field_name, "in", attachments.ids)])
            )
        for records in owners:
            kept = records._repair_keeps_attachments()
            if kept:
                raise UserError(
                    self.env._(
                        "%(record)s is kept as recorded: its files cannot be "
                        "replaced or deleted. Add a new file or a note instead.",
                        record=kept[0].display_name,
                    )
                )

    @api.model
    def _repair_attachment_fields(self):
        """(model, field) of the Many2many fields to attachments of the models
        that keep their files."""
        return [
            (name, field.name)
            for name, Model in self.env.registry.items()
            if hasattr(Model, "_repair_keeps_attachments") and not Model._abstract
            for field in Model._fields.values()
            if field.type == "many2many" and field.comodel_name == "ir.attachment"
        ]
