# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

MY_JOBS_ACTION = "repair_service_mgmt.repair_order_action_my_jobs"


class ResUsers(models.Model):
    """Users who are only technicians land on their jobs (R-07)."""

    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._repair_set_technician_home()
        return users

    def write(self, vals):
        result = super().write(vals)
        if any(
            key == "groups_id" or key.startswith(("in_group_", "sel_groups_"))
            for key in vals
        ):
            self._repair_set_technician_home()
        return result

    def _repair_set_technician_home(self):
        """Give My Jobs as home action to the users without one whose only
        role in the service is a technician's."""
        action = self.env.ref(MY_JOBS_ACTION, raise_if_not_found=False)
        if not action:  # while the module's data is loading
            return
        technicians = self.filtered(
            lambda user: (
                not user.action_id
                and not user.share
                and user._repair_is_outlet_only()
                and not user.has_group("base.group_system")
            )
        )
        if technicians:
            technicians.sudo().write({"action_id": action.id})
