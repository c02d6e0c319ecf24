# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ReportRepairReceipt(models.AbstractModel):
    """R-04: the carry-in receipt, with the same access check as the record."""

    _name = "report.repair_service_mgmt.report_repair_receipt"
    _inherit = "report.repair_service_mgmt.report_repair_record"
    _description = "Carry-in Receipt Report"
