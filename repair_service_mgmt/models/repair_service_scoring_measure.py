# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .repair_service_scoring_band import MEASURE_KINDS
from .repair_service_workflow_mixin import ALL_FIELDS


class RepairServiceScoringMeasure(models.Model):
    """A measure a score sheet's grade proposes (reward, support or a
    violation review); confirmed with the period by the CS-centre manager."""

    _name = "repair.service.scoring.measure"
    _description = "Outlet Scoring Measure"
    _inherit = ["repair.service.workflow.mixin"]
    _order = "sheet_id, id"
    _workflow_fields = (
        "sheet_id",
        "band_measure_id",
        "kind",
        "amount",
        "note",
        "state",
    )
    _workflow_locks = (([("state", "=", "confirmed")], ALL_FIELDS),)

    sheet_id = fields.Many2one(
        "repair.service.scoring.sheet", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="sheet_id.company_id", store=True)
    outlet_id = fields.Many2one(related="sheet_id.outlet_id", store=True)
    period_id = fields.Many2one(related="sheet_id.period_id", store=True)
    band_measure_id = fields.Many2one(
        "repair.service.scoring.band.measure", readonly=True, ondelete="set null"
    )
    kind = fields.Selection(MEASURE_KINDS, required=True, readonly=True)
    amount = fields.Monetary(readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    note = fields.Char(readonly=True)
    state = fields.Selection(
        [("proposed", "Proposed"), ("confirmed", "Confirmed")],
        default="proposed",
        required=True,
        readonly=True,
    )
