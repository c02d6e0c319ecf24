# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .repair_service_workflow_mixin import in_workflow_step


class RepairServiceFollowupAnswer(models.Model):
    """The customer's answer to one question of a follow-up call."""

    _name = "repair.service.followup.answer"
    _description = "Follow-up Answer"
    _order = "sequence, id"

    followup_id = fields.Many2one(
        "repair.service.followup", required=True, ondelete="cascade", index=True
    )
    question_id = fields.Many2one(
        "repair.service.followup.question",
        string="Checklist Question",
        required=True,
        ondelete="restrict",
    )
    name = fields.Char(related="question_id.name", string="Question")
    description = fields.Text(related="question_id.description")
    kind = fields.Selection(related="question_id.kind", store=True)
    sequence = fields.Integer(related="question_id.sequence", store=True)
    answer = fields.Selection([("yes", "Yes"), ("no", "No")])
    company_id = fields.Many2one(related="followup_id.company_id", store=True)

    _sql_constraints = [
        (
            "question_uniq",
            "unique(followup_id, question_id)",
            "A follow-up call asks each question once.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_step(self.env):
            raise UserError(
                self.env._(
                    "The questions of a follow-up call come from the checklist: "
                    "answer them, they are not added by hand."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not in_workflow_step(self.env):
            if set(vals) - {"answer"}:
                raise UserError(
                    self.env._("Only the answer of a follow-up question changes.")
                )
            self.followup_id._check_answerable()
        return super().write(vals)
