# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A technician's workload, shown to the dispatcher (R-07)."""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    repair_open_job_count = fields.Integer(
        string="Open Jobs",
        compute="_compute_repair_workload",
        help="Repair orders assigned to the technician that are not finished.",
    )
    repair_visit_today_count = fields.Integer(
        string="Visits Today",
        compute="_compute_repair_workload",
        help="The technician's visits planned for today.",
    )

    @api.depends_context("uid", "tz")
    def _compute_repair_workload(self):
        technicians = self.filtered("id")
        if not (
            self.env["repair.order"].has_access("read")
            and self.env["repair.service.visit"].has_access("read")
        ):
            technicians = self.browse()
        jobs = dict(
            self.env["repair.order"]._read_group(
                [
                    ("technician_id", "in", technicians.ids),
                    ("state", "not in", ("done", "cancel")),
                ],
                ["technician_id"],
                ["__count"],
            )
        )
        # today in the dispatcher's time zone
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        start = tz.localize(datetime.combine(fields.Date.context_today(self), time()))
        start = start.astimezone(pytz.UTC).replace(tzinfo=None)
        visits = dict(
            self.env["repair.service.visit"]._read_group(
                [
                    ("technician_id", "in", technicians.ids),
                    ("state", "in", ("planned", "confirmed", "in_progress")),
                    ("planned_start", ">=", start),
                    ("planned_start", "<", start + timedelta(days=1)),
                ],
                ["technician_id"],
                ["__count"],
            )
        )
        for user in self:
            user.repair_open_job_count = jobs.get(user, 0)
            user.repair_visit_today_count = visits.get(user, 0)
