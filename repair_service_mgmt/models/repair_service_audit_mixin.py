# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError

ADMIN_GROUP = "repair_service_mgmt.group_service_admin"


class RepairServiceAuditMixin(models.AbstractModel):
    """The audit trail of a service record is kept.

    Records are cancelled or archived, never deleted, except by the service
    administrator, and not even by them once the record carries evidence (a
    signature, money, a decision): each model lists its evidence in
    ``_audit_delete_blockers`` and says what to do instead in
    ``_audit_keep_advice``.

    Messages, notes and tracked changes of these records are kept as well:
    ``mail.message``, ``mail.tracking.value`` and ``ir.attachment`` refuse
    changes to them (see ``mail.message._check_audit_trail_change``), and so
    does the chatter's edit and delete of a message (``mail.thread``).

    Superuser code (``sudo()``, data files) is trusted.
    """

    _name = "repair.service.audit.mixin"
    _description = "Kept Audit Trail"

    @api.model
    def _audit_keep_advice(self):
        """What to do instead of deleting a record of this model."""
        return self.env._("Archive it instead.")

    def _audit_delete_blockers(self):
        """What each record carries that an audit needs, as readable reasons:
        ``{record: [reason, ...]}``; records without any are left out."""
        return {}

    # named to run before core's ondelete methods (core repair orders cancel
    # themselves in ``_unlink_except_confirmed``)
    @api.ondelete(at_uninstall=False)
    def _unlink_except_audit_kept(self):
        if self.env.su or not self:
            return
        if not self.env.user.has_group(ADMIN_GROUP):
            raise UserError(
                self.env._(
                    "%(model)s records are kept for the audit trail: only the "
                    "service administrator may delete one, and only while "
                    "nothing is attached to it. %(advice)s",
                    model=self.env["ir.model"]._get(self._name).name,
                    advice=self._audit_keep_advice(),
                )
            )
        blockers = self._audit_delete_blockers()
        for record in self:
            if blockers.get(record):
                raise UserError(
                    self.env._(
                        "%(record)s cannot be deleted, not even by the service "
                        "administrator: %(reasons)s. %(advice)s",
                        record=record.display_name,
                        reasons="; ".join(blockers[record]),
                        advice=self._audit_keep_advice(),
                    )
                )
