# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportRepairRecord(models.AbstractModel):
    """R-11: the printed repair record. Printed only for people who may read
    the orders (R-44): a refusal is a clear access error, not a broken
    rendering."""

    _name = "report.repair_service_mgmt.report_repair_record"
    _description = "Repair Record Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["repair.order"].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docs.ids,
            "doc_model": "repair.order",
            "docs": docs,
            "data": data,
        }
