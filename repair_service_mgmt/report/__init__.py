# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import report_repair_record
from . import report_repair_receipt
from . import report_scoring_ranking_xlsx
from . import report_complaint_monthly_xlsx
