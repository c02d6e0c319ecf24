# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import html2plaintext


class RepairServiceComplaint(models.Model):
    """R-30: the complaint mailbox (the ``complaints@`` alias): a mail
    becomes a complaint of its sender, its attachments the evidence; the
    replies land in its chatter."""

    _inherit = "repair.service.complaint"

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        values = dict(custom_values or {})
        partner = self.env["res.partner"].browse(msg_dict.get("author_id")).exists()
        if not partner and msg_dict.get("email_from"):
            partner = self._mail_find_partner_from_emails(
                [msg_dict["email_from"]], force_create=True
            )[0]
        body = html2plaintext(msg_dict.get("body") or "").strip()
        subject = (msg_dict.get("subject") or "").strip()
        values.update(
            {
                "channel": "email",
                "partner_id": partner.id,
                "description": "\n\n".join(filter(None, [subject, body]))
                or self.env._("(empty e-mail)"),
                # nobody took it yet: the CS centre picks it up
                "taker_id": False,
            }
        )
        return super().message_new(msg_dict, custom_values=values)

    def _message_post_after_hook(self, message, msg_vals):
        """The files of a mail from outside are evidence of the complaint."""
        result = super()._message_post_after_hook(message, msg_vals)
        if message.message_type == "email" and message.attachment_ids:
            self.sudo()._workflow_step().write(
                {"evidence_ids": [(4, a.id) for a in message.attachment_ids]}
            )
        return result
