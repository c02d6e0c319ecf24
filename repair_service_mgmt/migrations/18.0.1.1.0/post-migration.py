# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-30: complaints have their own record: the orders of type “Complaint”
and the follow-up calls' links to them move to complaint records."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["repair.service.complaint"]._migrate_complaint_orders()
