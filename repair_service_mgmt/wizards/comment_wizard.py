# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError

from ..models.repair_service_workflow_mixin import workflow_step


class CommentWizard(models.TransientModel):
    """The comment of a complaint's reviewer (R-33: comments kept), written
    with the answer by the answer step itself."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        if self.res_model != "repair.service.complaint":
            return super().add_comment()
        complaint = self.env[self.res_model].browse(self.res_id)
        action = (
            self.env._("approve")
            if self.validate_reject == "validate"
            else self.env._("reject")
        )
        if not self.review_ids:
            raise UserError(
                self.env._("Answer the review of the step due, from the complaint.")
            )
        complaint._check_reviewer(self.review_ids, action)
        if not (self.comment or "").strip():
            raise UserError(self.env._("Write the comment of your answer."))
        # the comment is written with the answer: take the turn first
        complaint._lock_for_answer()
        super(CommentWizard, self._workflow_step_env()).add_comment()
        return True

    def _workflow_step_env(self):
        return workflow_step(self)
