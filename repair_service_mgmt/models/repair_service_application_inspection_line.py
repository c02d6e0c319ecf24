# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class RepairServiceApplicationInspectionLine(models.Model):
    _name = "repair.service.application.inspection.line"
    _description = "Site Inspection Score"
    _order = "application_id, sequence, id"

    application_id = fields.Many2one(
        "repair.service.application", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one(
        "repair.service.inspection.criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    max_score = fields.Float(required=True)
    score = fields.Float()
    scored = fields.Boolean(readonly=True)
    remark = fields.Char()

    @api.constrains("score", "max_score")
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= line.max_score:
                raise ValidationError(
                    self.env._(
                        "The score of “%(criterion)s” must lie between 0 and %(max)s.",
                        criterion=line.criterion_id.name,
                        max=line.max_score,
                    )
                )

    def write(self, vals):
        if not self.env.su and {"score", "remark", "max_score"} & set(vals):
            if "max_score" in vals:
                raise UserError(
                    self.env._("The maximum score comes from the criterion.")
                )
            self.application_id._check_role(
                "group_cs_supervisor", self.env._("score a site inspection")
            )
            if any(line.application_id.state != "inspection" for line in self):
                raise UserError(
                    self.env._("Scores are entered during the site inspection only.")
                )
        if "score" in vals:
            vals = dict(vals, scored=True)
        return super().write(vals)
