# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .mail_message import EDITABLE_FIELDS


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _check_can_update_message_content(self, messages):
        """The chatter's edit and delete of a message (both update its
        content, behind ``/mail/message/update_content``) follow the rules
        of the messages of kept records: see
        ``mail.message._check_audit_trail_change``. The route hands the
        messages over as superuser: the check is the thread's user's."""
        if not self.env.su:
            messages.with_env(self.env)._check_audit_trail_change(EDITABLE_FIELDS)
        return super()._check_can_update_message_content(messages)
