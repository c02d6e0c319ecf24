# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class RepairServiceOutlet(models.Model):
    """R-42, R-43: an approved application makes the outlet (its partner,
    contact, service area, warehouse) and issues its certificate; renewals,
    expiry warnings and suspension at expiry."""

    _inherit = "repair.service.outlet"

    certificate_number = fields.Char(readonly=True, copy=False, tracking=True)
    certificate_date_start = fields.Date(readonly=True, copy=False)
    certificate_date_end = fields.Date(
        string="Certificate Valid Until", readonly=True, copy=False, tracking=True
    )
    certificate_status = fields.Selection(
        [
            ("none", "No certificate"),
            ("valid", "Valid"),
            ("expiring", "Expiring"),
            ("expired", "Expired"),
        ],
        compute="_compute_certificate_status",
    )

    def _compute_certificate_status(self):
        today = fields.Date.context_today(self)
        for outlet in self:
            warning_days = outlet.company_id.repair_certificate_warning_days
            end = outlet.certificate_date_end
            if not outlet.certificate_number or not end:
                outlet.certificate_status = "none"
            elif end < today:
                outlet.certificate_status = "expired"
            elif end <= today + timedelta(days=warning_days):
                outlet.certificate_status = "expiring"
            else:
                outlet.certificate_status = "valid"

    # ------------------------------------------------------------------
    # From the approved application
    # ------------------------------------------------------------------
    @api.model
    def _create_from_application(self, application):
        """The outlet an approved application asked for, with its partner
        and contact, its service area and its spare-parts warehouse."""
        Partner = self.env["res.partner"].sudo()
        partner = Partner.create(
            {
                "name": application.outlet_name,
                "is_company": True,
                "email": application.email,
                "phone": application.phone,
                "street": application.street,
                "city": application.city,
                "zip": application.zip,
                "state_id": application.state_id.id,
                "country_id": application.country_id.id,
                "company_registry": application.licence_number,
                "company_id": application.company_id.id,
            }
        )
        Partner.create(
            {
                "name": application.contact_name,
                "parent_id": partner.id,
                "type": "contact",
                "email": application.email,
                "phone": application.phone,
            }
        )
        outlet = self.sudo().create(
            {
                "name": application.outlet_name,
                "kind": application.kind,
                "partner_id": partner.id,
                "region_id": application.region_id.id,
                "company_id": application.company_id.id,
            }
        )
        if application.city or application.state_id:
            self.env["repair.service.outlet.area"].sudo().create(
                {
                    "outlet_id": outlet.id,
                    "country_id": application.country_id.id,
                    "state_id": application.state_id.id,
                    "city": application.city,
                }
            )
        outlet._create_spare_parts_warehouse()
        return outlet

    def _issue_certificate(self, application):
        """A new certificate number valid for the company's number of years
        from today; an outlet suspended for its expired certificate is active
        again. Returns the number."""
        self.ensure_one()
        outlet = self.sudo()
        today = fields.Date.context_today(self)
        number = (
            self.env["ir.sequence"].sudo().next_by_code("repair.service.certificate")
        )
        years = outlet.company_id.repair_certificate_validity_years
        end = today + relativedelta(years=years, days=-1)
        values = {
            "certificate_number": number,
            "certificate_date_start": today,
            "certificate_date_end": end,
        }
        if outlet.state == "suspended" and (
            not outlet.certificate_date_end or outlet.certificate_date_end < today
        ):
            values.update(state="active", suspension_reason=False)
        outlet._workflow_step().write(values)
        outlet._activity_close(
            ["mail_activity_certificate_expiry"],
            feedback=self.env._("Certificate renewed: %(number)s", number=number),
        )
        outlet.message_post(
            body=self.env._(
                "Certificate %(number)s issued, valid until %(date)s "
                "(%(application)s).",
                number=number,
                date=end,
                application=application.name,
            )
        )
        return number

    # ------------------------------------------------------------------
    # Renewal
    # ------------------------------------------------------------------
    def action_renew(self):
        """Start a renewal application: the review steps run again."""
        self._check_role("group_cs_agent", self.env._("start a renewal"))
        self._check_state(["active", "suspended"], self.env._("renew the certificate"))
        self.ensure_one()
        application = self.env["repair.service.application"].create(
            self._renewal_application_values()
        )
        return application._get_form_action()

    def _renewal_application_values(self):
        partner = self.partner_id
        return {
            "outlet_id": self.id,
            "outlet_name": self.name,
            "kind": self.kind,
            "region_id": self.region_id.id,
            "contact_name": self.manager_id.name or partner.name,
            "phone": partner.phone,
            "email": partner.email,
            "street": partner.street,
            "city": partner.city,
            "state_id": partner.state_id.id,
            "country_id": partner.country_id.id,
            "company_id": self.company_id.id,
        }

    # ------------------------------------------------------------------
    # Certificate expiry (scheduled action)
    # ------------------------------------------------------------------
    @api.model
    def _cron_check_certificates(self):
        """Warn N days before a certificate expires; suspend at expiry."""
        today = fields.Date.context_today(self)
        candidates = self.search(
            [("state", "=", "active"), ("certificate_date_end", ">=", today)]
        )
        expiring = candidates.filtered(
            lambda outlet: (
                outlet.certificate_date_end
                <= today
                + timedelta(days=outlet.company_id.repair_certificate_warning_days)
            )
        )
        activity_type = self.env.ref(
            "repair_service_mgmt.mail_activity_certificate_expiry"
        )
        existing = self.env["mail.activity"]._read_group(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", expiring.ids),
                ("activity_type_id", "=", activity_type.id),
            ],
            ["res_id", "user_id"],
        )
        already = set(existing)
        cs_managers = self.env.ref("repair_service_mgmt.group_cs_manager").users

        def to_warn(outlet):
            users = (outlet.manager_id | cs_managers).filtered(
                lambda u: u.active and not u.share
            )
            return users.filtered(lambda u: (outlet.id, u) not in already)

        expiring._activity_start(
            "mail_activity_certificate_expiry",
            to_warn,
            deadline=lambda outlet: outlet.certificate_date_end,
            summary=lambda outlet: self.env._(
                "Certificate %(number)s expires on %(date)s",
                number=outlet.certificate_number,
                date=outlet.certificate_date_end,
            ),
        )
        expired = self.search(
            [("state", "=", "active"), ("certificate_date_end", "<", today)]
        )
        if expired:
            expired._suspend(
                self.env._("The outlet certificate expired without renewal.")
            )
        return expiring, expired
