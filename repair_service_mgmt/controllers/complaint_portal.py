# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-30: a logged-in customer files a complaint on the portal and follows
their complaints, with the chatter.

As for repair orders, portal users have no access right on complaints (the
analysis and responsibility are the CS centre's): the controller finds the
customer's own complaints and shows the customer-facing fields as
superuser; a new complaint is recorded as superuser with the customer as
the complainant and the portal as the channel, nothing else from the form.
"""

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import RepairOrderPortal

HISTORY_KEY = "my_complaints_history"


class ComplaintPortal(RepairOrderPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            values["complaint_count"] = (
                request.env["repair.service.complaint"]
                .sudo()
                .search_count(self._prepare_complaints_domain())
            )
        return values

    def _prepare_complaints_domain(self):
        user = request.env.user
        if user._is_public():
            return [("id", "=", False)]
        partner = user.partner_id.commercial_partner_id
        return [
            ("partner_id", "child_of", [partner.id]),
            ("company_id", "in", user.company_ids.ids),
        ]

    def _complaint_check_access(self, complaint_id, access_token=None):
        complaint_sudo = (
            request.env["repair.service.complaint"].sudo().browse(complaint_id).exists()
        )
        if not complaint_sudo:
            raise MissingError(request.env._("This complaint was not found."))
        if (
            access_token
            and complaint_sudo.access_token
            and consteq(complaint_sudo.access_token, access_token)
        ):
            return complaint_sudo
        if complaint_sudo.filtered_domain(self._prepare_complaints_domain()):
            return complaint_sudo
        raise AccessError(request.env._("This complaint is not yours."))

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_complaints(self, page=1, **kw):
        Complaint = request.env["repair.service.complaint"].sudo()
        values = self._prepare_portal_layout_values()
        domain = self._prepare_complaints_domain()
        total = Complaint.search_count(domain)
        pager = portal_pager(
            url="/my/complaints", total=total, page=page, step=self._items_per_page
        )
        complaints = Complaint.search(
            domain, limit=self._items_per_page, offset=pager["offset"]
        )
        request.session[HISTORY_KEY] = complaints.ids[:100]
        values.update(
            {
                "complaints": complaints,
                "page_name": "complaint",
                "pager": pager,
                "default_url": "/my/complaints",
            }
        )
        return request.render("repair_service_mgmt.portal_my_complaints", values)

    @http.route(
        ["/my/complaints/new"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_complaint_new(self, **post):
        user = request.env.user
        if user._is_public():
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "complaint_new", "error": False, "post": post})
        if request.httprequest.method == "POST":
            description = (post.get("description") or "").strip()
            if not description:
                values["error"] = request.env._(
                    "Tell us what you complain about: the description is empty."
                )
            else:
                complaint = self._portal_create_complaint(description, post)
                return request.redirect(complaint.get_portal_url())
        values["repairs"] = (
            request.env["repair.order"]
            .sudo()
            .search(self._prepare_repairs_domain(), limit=50)
        )
        return request.render("repair_service_mgmt.portal_complaint_new", values)

    def _portal_create_complaint(self, description, post):
        """The complaint of the logged-in customer: only the description and
        one of their own orders come from the form."""
        user = request.env.user
        repair = request.env["repair.order"].sudo()
        if str(post.get("repair_id") or "").isdigit():
            repair = (
                repair.browse(int(post["repair_id"]))
                .exists()
                .filtered_domain(self._prepare_repairs_domain())
            )
        complaint = (
            request.env["repair.service.complaint"]
            .sudo()
            .create(
                {
                    "channel": "portal",
                    "complainant_type": "customer",
                    "partner_id": user.partner_id.id,
                    "description": description,
                    "company_id": (repair.company_id or user.company_id).id,
                    "repair_ids": [(6, 0, repair.ids)],
                    "product_id": repair.product_id.id,
                    "lot_id": repair.lot_id.id,
                    "outlet_id": repair.outlet_id.id,
                    "technician_id": repair.technician_id.id,
                    # nobody took it yet: the CS centre picks it up
                    "taker_id": False,
                }
            )
        )
        return complaint

    @http.route(
        ["/my/complaints/<int:complaint_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_complaint_page(self, complaint_id, access_token=None, **kw):
        try:
            complaint_sudo = self._complaint_check_access(complaint_id, access_token)
        except (AccessError, MissingError):
            raise request.not_found() from None
        values = {
            "complaint": complaint_sudo,
            "page_name": "complaint",
            "status": complaint_sudo._get_portal_status(),
        }
        values = self._get_page_view_values(
            complaint_sudo, access_token, values, HISTORY_KEY, False
        )
        # the complainant writes in the chatter of their own complaint
        values["token"] = complaint_sudo._portal_ensure_token()
        return request.render(
            "repair_service_mgmt.repair_service_complaint_portal_template", values
        )
