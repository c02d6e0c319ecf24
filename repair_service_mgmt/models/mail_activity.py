# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    repair_sla_line_id = fields.Many2one(
        "repair.service.sla.line",
        string="Missed Deadline",
        index="btree_not_null",
        ondelete="cascade",
        readonly=True,
        help="The service deadline whose breach this activity escalates; it is "
        "closed when the work is done after all.",
    )
