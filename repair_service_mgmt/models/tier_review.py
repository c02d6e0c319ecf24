# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

from .repair_service_workflow_mixin import in_workflow_step

# the models whose reviews only their reviewers answer
GUARDED_MODELS = ("repair.warranty.request", "repair.service.complaint")
# the models whose reviews are answered only through the document's own
# answer methods (Approve/Reject and the comment wizard), never by a write
STEP_ONLY_MODELS = ("repair.service.complaint",)
# what answering a review writes
ANSWER_FIELDS = {"status", "done_by", "reviewed_date", "comment"}
# what ties a review to its document and its reviewers: set by the chain
# when the review is asked for, never afterwards
IDENTITY_FIELDS = {
    "model",
    "res_id",
    "definition_id",
    "sequence",
    "approve_sequence",
    "reviewer_ids",
    "reviewer_id",
    "reviewer_group_id",
    "review_type",
}


class TierReview(models.Model):
    """Core grants every employee write access to the reviews: on the
    module's documents a review is answered only by one of its reviewers,
    through the review buttons."""

    _inherit = "tier.review"

    def _guarded_reviews(self):
        if in_workflow_step(self.env):
            return self.browse()
        return self.filtered(lambda r: r.model in GUARDED_MODELS)

    def _refuse_review_change(self):
        raise AccessError(
            self.env._(
                "A review is answered only by one of its reviewers, when its "
                "step is due, with the Validate or Reject buttons of the "
                "document."
            )
        )

    def _is_current_step(self):
        """R-33: the review is open, its document waits for approval and,
        when the order is enforced, no earlier step is still open."""
        self.ensure_one()
        if self.status not in ("waiting", "pending"):
            return False
        record = self.env[self.model].sudo().browse(self.res_id).exists()
        if not record or record[record._state_field] not in record._state_from:
            return False
        if not self.approve_sequence:
            return True
        earlier = record.review_ids.filtered(
            lambda r: r.status in ("waiting", "pending") and r.sequence < self.sequence
        )
        return not earlier

    @api.model_create_multi
    def create(self, vals_list):
        # the reviews of these documents are asked for by their own steps
        # (Submit): a review made by hand could answer for the chain
        if not in_workflow_step(self.env) and any(
            vals.get("model") in GUARDED_MODELS for vals in vals_list
        ):
            self._refuse_review_change()
        return super().create(vals_list)

    def write(self, vals):
        guarded = self._guarded_reviews()
        if not in_workflow_step(self.env) and (
            vals.get("model") in GUARDED_MODELS
            or (guarded and set(vals) & IDENTITY_FIELDS)
        ):
            # neither moved onto such a document nor re-addressed
            self._refuse_review_change()
        if guarded:
            if set(vals) - ANSWER_FIELDS - {"last_reminder_date", "can_review"}:
                self._refuse_review_change()
            answers = vals.get("status") in ("approved", "rejected")
            forged = vals.get("done_by", self.env.uid) != self.env.uid
            answering = answers or vals.get("done_by") or "comment" in vals
            if answering and any(r.model in STEP_ONLY_MODELS for r in guarded):
                self._refuse_review_change()
            if answering and (
                forged
                or any(
                    self.env.user not in r.reviewer_ids or not r._is_current_step()
                    for r in guarded
                )
            ):
                self._refuse_review_change()
        return super().write(vals)

    def unlink(self):
        if self._guarded_reviews():
            self._refuse_review_change()
        return super().unlink()


class TierValidation(models.AbstractModel):
    """base_tier_validation lets a ``skip_validation_check`` context key write
    a document under validation; on the module's documents a request's
    context never opens that freeze: only their steps write through it."""

    _inherit = "tier.validation"

    def _tier_validation_check_write_allowed(self, vals):
        records = self
        if self._name in GUARDED_MODELS and not in_workflow_step(self.env):
            records = self.with_context(skip_validation_check=False)
        return super(TierValidation, records)._tier_validation_check_write_allowed(vals)
