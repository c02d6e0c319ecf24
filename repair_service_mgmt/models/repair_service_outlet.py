# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .repair_service_workflow_mixin import ALL_FIELDS

# what an outlet manager may change on their own outlet
OUTLET_USER_FIELDS = (
    "manager_id",
    "area_ids",
    "staff_ids",
    "technician_ids",
)


class RepairServiceOutlet(models.Model):
    _name = "repair.service.outlet"
    _description = "Service Outlet"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "repair.service.activity.mixin",
        "repair.service.workflow.mixin",
        "repair.service.audit.mixin",
    ]
    _order = "name"
    _check_company_auto = True
    _sequence_code = "repair.service.outlet"
    _sequence_field = "code"
    _workflow_fields = (
        "state",
        "suspension_reason",
        "certificate_number",
        "certificate_date_start",
        "certificate_date_end",
    )
    # outlet managers keep their service area and people up to date;
    # kind, region, partner (contact data), warehouse and company are the CS
    # centre's
    _workflow_role_fields = (("group_cs_supervisor", ALL_FIELDS),)
    _workflow_open_fields = OUTLET_USER_FIELDS

    name = fields.Char(required=True, tracking=True, translate=False)
    code = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
        help="Short code from a sequence; also the code of the outlet's warehouse.",
    )
    kind = fields.Selection(
        [("brand_owned", "Brand-owned"), ("third_party", "Third-party authorised")],
        required=True,
        default="third_party",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        required=True,
        check_company=True,
        tracking=True,
        help="The outlet as a company: address, invoices for fines, vendor "
        "bills for settlements.",
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Person in Charge",
        tracking=True,
        help="The outlet manager; receives the certificate-expiry warnings.",
    )
    phone = fields.Char(related="partner_id.phone", readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    street = fields.Char(related="partner_id.street", readonly=False)
    city = fields.Char(related="partner_id.city", readonly=False)
    state_id = fields.Many2one(
        related="partner_id.state_id", readonly=False, string="Province"
    )
    country_id = fields.Many2one(related="partner_id.country_id", readonly=False)
    region_id = fields.Many2one(
        "repair.service.region", required=True, check_company=True, tracking=True
    )
    supervisor_ids = fields.Many2many(
        related="region_id.supervisor_ids", string="Regional CS Supervisors"
    )
    area_ids = fields.One2many(
        "repair.service.outlet.area",
        "outlet_id",
        string="Service Area",
        help="Provinces and cities served on site; on-site orders elsewhere "
        "need an authorisation of the CS centre.",
    )
    staff_ids = fields.Many2many(
        "res.users",
        "repair_service_outlet_staff_rel",
        "outlet_id",
        "user_id",
    )
    technician_ids = fields.Many2many(
        "res.users",
        "repair_service_outlet_technician_rel",
        "outlet_id",
        "user_id",
        string="Technicians",
    )
    state = fields.Selection(
        [("active", "Active"), ("suspended", "Suspended"), ("closed", "Closed")],
        required=True,
        default="active",
        readonly=True,
        tracking=True,
        copy=False,
    )
    suspension_reason = fields.Text(readonly=True, copy=False, tracking=True)
    application_ids = fields.One2many(
        "repair.service.application", "outlet_id", string="Applications"
    )
    application_count = fields.Integer(compute="_compute_counts")
    violation_ids = fields.One2many(
        "repair.service.violation", "outlet_id", string="Violations"
    )
    violation_count = fields.Integer(compute="_compute_counts")
    technician_count = fields.Integer(compute="_compute_counts")
    orderpoint_count = fields.Integer(compute="_compute_counts")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True, tracking=True)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "An outlet code is unique."),
        (
            "certificate_number_uniq",
            "unique(certificate_number)",
            "A certificate number is unique.",
        ),
    ]

    def _compute_counts(self):
        def count(model, field):
            groups = self.env[model]._read_group(
                [(field, "in", self.ids)], [field], ["__count"]
            )
            return {record.id: total for record, total in groups}

        applications = count("repair.service.application", "outlet_id")
        violations = count("repair.service.violation", "outlet_id")
        orderpoints = dict(
            self.env["stock.warehouse.orderpoint"]._read_group(
                [("warehouse_id", "in", self.warehouse_id.ids)],
                ["warehouse_id"],
                ["__count"],
            )
        )
        for outlet in self:
            outlet.application_count = applications.get(outlet.id, 0)
            outlet.violation_count = violations.get(outlet.id, 0)
            outlet.technician_count = len(outlet.technician_ids)
            outlet.orderpoint_count = orderpoints.get(outlet.warehouse_id, 0)

    # ------------------------------------------------------------------
    # Rules used by the order workflow
    # ------------------------------------------------------------------
    def _check_can_receive_orders(self):
        """R-45: a suspended or closed outlet receives no new order."""
        for outlet in self:
            if outlet.state != "active" or not outlet.active:
                raise UserError(
                    self.env._(
                        "The outlet %(outlet)s is %(state)s and cannot receive "
                        "new orders. Dispatch the order to an active outlet.",
                        outlet=outlet.display_name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[outlet.state],
                    )
                )

    def _covers_address(self, partner):
        """Whether an on-site visit at ``partner``'s address is in the area."""
        self.ensure_one()
        city = (partner.city or "").strip().casefold()
        for area in self.area_ids:
            if area.state_id and area.state_id != partner.state_id:
                continue
            if (
                area.country_id
                and partner.country_id
                and area.country_id != partner.country_id
            ):
                continue
            if not area.city or area.city.strip().casefold() == city:
                return True
        return False

    # ------------------------------------------------------------------
    # Audit trail: outlets are closed or archived, not deleted
    # ------------------------------------------------------------------
    @api.model
    def _audit_keep_advice(self):
        return self.env._("Close or archive the outlet instead.")

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _suspend(self, reason):
        self._workflow_step().write({"state": "suspended", "suspension_reason": reason})
        for outlet in self:
            outlet.message_post(
                body=Markup("<p>%s</p><p>%s</p>")
                % (self.env._("Outlet suspended."), reason)
            )

    def action_suspend(self):
        self._check_role("group_cs_manager", self.env._("suspend an outlet"))
        self._check_state(["active"], self.env._("suspend the outlet"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Suspend Outlet"),
            "res_model": "repair.service.outlet.suspend.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_outlet_ids": self.ids},
        }

    def action_reactivate(self):
        self._check_role("group_cs_manager", self.env._("reactivate an outlet"))
        self._check_state(["suspended"], self.env._("reactivate the outlet"))
        today = fields.Date.context_today(self)
        for outlet in self:
            if not outlet.certificate_date_end or outlet.certificate_date_end < today:
                raise UserError(
                    self.env._(
                        "The certificate of %(outlet)s has expired: renew it "
                        "with a renewal application before reactivating.",
                        outlet=outlet.display_name,
                    )
                )
        self._workflow_step().write({"state": "active", "suspension_reason": False})
        return True

    def action_close(self):
        self._check_role("group_cs_manager", self.env._("close an outlet"))
        self._check_state(["active", "suspended"], self.env._("close the outlet"))
        self._workflow_step().write({"state": "closed"})
        return True

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------
    def _action_for(self, xmlid, domain, context=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = context or {}
        return action

    def action_view_applications(self):
        self.ensure_one()
        return self._action_for(
            "repair_service_mgmt.repair_service_application_action",
            [("outlet_id", "=", self.id)],
            {"default_outlet_id": self.id},
        )

    def action_view_violations(self):
        self.ensure_one()
        return self._action_for(
            "repair_service_mgmt.repair_service_violation_action",
            [("outlet_id", "=", self.id)],
            {"default_outlet_id": self.id},
        )

    def action_view_technicians(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Technicians"),
            "res_model": "res.users",
            "view_mode": "list,form",
            "domain": [("id", "in", self.technician_ids.ids)],
        }

    def action_view_orderpoints(self):
        self.ensure_one()
        return self._action_for(
            "stock.action_orderpoint",
            [("warehouse_id", "=", self.warehouse_id.id)],
            {
                "default_warehouse_id": self.warehouse_id.id,
                "search_default_filter_to_reorder": 0,
            },
        )
