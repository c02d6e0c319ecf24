# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class RepairServiceApplicationDocument(models.Model):
    """A checklist line of the material review: one per document type."""

    _name = "repair.service.application.document"
    _description = "Outlet Application Document"
    _order = "application_id, sequence, id"

    application_id = fields.Many2one(
        "repair.service.application", required=True, ondelete="cascade", index=True
    )
    document_type_id = fields.Many2one(
        "repair.service.document.type", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="document_type_id.sequence", store=True)
    required = fields.Boolean(related="document_type_id.required")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "repair_service_application_document_attachment_rel",
        "document_id",
        "attachment_id",
        string="Files",
    )
    review_state = fields.Selection(
        [
            ("pending", "To review"),
            ("valid", "Valid"),
            ("invalid", "Invalid"),
            ("missing", "Missing"),
        ],
        default="pending",
        required=True,
        string="Review",
    )
    remark = fields.Char()

    _sql_constraints = [
        (
            "type_uniq",
            "unique(application_id, document_type_id)",
            "An application has one line per document type.",
        ),
    ]

    def write(self, vals):
        if not self.env.su:
            if "review_state" in vals or "remark" in vals:
                self.application_id._check_role(
                    "group_cs_agent", self.env._("review application documents")
                )
                if any(doc.application_id.state != "review" for doc in self):
                    raise UserError(
                        self.env._(
                            "Documents are marked valid, invalid or missing "
                            "during the material review only."
                        )
                    )
            if "attachment_ids" in vals and any(
                doc.application_id.state != "draft" for doc in self
            ):
                raise UserError(
                    self.env._(
                        "Files can be added to an application only while it is "
                        "a draft: return it to the applicant first."
                    )
                )
        return super().write(vals)

    def _repair_keeps_attachments(self):
        """The files of a submitted application are what was reviewed."""
        return self.filtered(lambda doc: doc.application_id.state != "draft")

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(doc.application_id.state != "draft" for doc in self):
            raise UserError(
                self.env._("Documents of a submitted application are kept.")
            )

    def action_mark_valid(self):
        self.write({"review_state": "valid"})
        return True

    def action_mark_invalid(self):
        self.write({"review_state": "invalid"})
        return True

    def action_mark_missing(self):
        self.write({"review_state": "missing"})
        return True
