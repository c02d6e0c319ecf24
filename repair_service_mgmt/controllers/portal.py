# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's repair orders on the portal (R-09): status, diagnosis,
plan and cost, the consent signed on the page, the repair record PDF.

Portal users have no access right on repair orders: an order holds
internal fields (notes, dispatcher, amounts collected) that are not the
customer's. The controller finds the customer's own orders (or checks the
order's access token) and shows the customer-facing fields as superuser.
"""

import binascii

from markupsafe import Markup

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

REPORT_REF = "repair_service_mgmt.action_report_repair_record"
HISTORY_KEY = "my_repairs_history"


class RepairOrderPortal(CustomerPortal):
    # ------------------------------------------------------------------
    # Home counter and domain
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "repair_count" in counters:
            values["repair_count"] = (
                request.env["repair.order"]
                .sudo()
                .search_count(self._prepare_repairs_domain())
            )
        return values

    def _prepare_repairs_domain(self):
        """The orders of the logged-in customer's company (none for the
        public user)."""
        user = request.env.user
        if user._is_public():
            return [("id", "=", False)]
        partner = user.partner_id.commercial_partner_id
        return [
            ("partner_id", "child_of", [partner.id]),
            ("company_id", "in", user.company_ids.ids),
        ]

    def _repair_check_access(self, order_id, access_token=None):
        """The order as superuser, if it is the customer's own or the access
        token matches; ``MissingError``/``AccessError`` otherwise."""
        order_sudo = request.env["repair.order"].sudo().browse(order_id).exists()
        if not order_sudo:
            raise MissingError(request.env._("This repair order was not found."))
        if (
            access_token
            and order_sudo.access_token
            and consteq(order_sudo.access_token, access_token)
        ):
            return order_sudo
        if order_sudo.filtered_domain(self._prepare_repairs_domain()):
            return order_sudo
        raise AccessError(request.env._("This repair order is not yours."))

    def _get_repair_searchbar_sortings(self):
        return {
            "date": {
                "label": request.env._("Newest"),
                "order": "create_date desc, id desc",
            },
            "name": {"label": request.env._("Reference"), "order": "name desc"},
        }

    # ------------------------------------------------------------------
    # Routes
    # ------------------------------------------------------------------
    @http.route(
        ["/my/repairs", "/my/repairs/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_repairs(self, page=1, sortby=None, **kw):
        Repair = request.env["repair.order"].sudo()
        values = self._prepare_portal_layout_values()
        sortings = self._get_repair_searchbar_sortings()
        if sortby not in sortings:
            sortby = "date"
        domain = self._prepare_repairs_domain()
        total = Repair.search_count(domain)
        pager = portal_pager(
            url="/my/repairs",
            total=total,
            page=page,
            step=self._items_per_page,
            url_args={"sortby": sortby},
        )
        orders = (
            Repair.search(
                domain,
                order=sortings[sortby]["order"],
                limit=self._items_per_page,
                offset=pager["offset"],
            )
            if total
            else Repair
        )
        request.session[HISTORY_KEY] = orders.ids[:100]
        values.update(
            {
                "repairs": orders,
                "page_name": "repair",
                "pager": pager,
                "default_url": "/my/repairs",
                "sortby": sortby,
                "searchbar_sortings": sortings,
            }
        )
        return request.render("repair_service_mgmt.portal_my_repairs", values)

    @http.route(
        ["/my/repairs/<int:order_id>"], type="http", auth="public", website=True
    )
    def portal_repair_page(
        self,
        order_id,
        report_type=None,
        access_token=None,
        message=False,
        download=False,
        **kw,
    ):
        try:
            order_sudo = self._repair_check_access(order_id, access_token)
        except (AccessError, MissingError):
            raise request.not_found() from None
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=order_sudo,
                report_type=report_type,
                report_ref=REPORT_REF,
                download=download,
            )
        visits = order_sudo.visit_ids.filtered(
            lambda v: v.state in ("planned", "confirmed", "in_progress")
        ).sorted("planned_start")
        values = {
            "repair": order_sudo,
            "page_name": "repair",
            "status": order_sudo._get_portal_status(),
            "can_sign": order_sudo._portal_can_sign_consent(),
            "visits": visits,
            "parts": order_sudo._get_repair_record_parts(),
            "message": message,
            "report_type": "html",
            "res_company": order_sudo.company_id,
        }
        values = self._get_page_view_values(
            order_sudo, access_token, values, HISTORY_KEY, False
        )
        return request.render(
            "repair_service_mgmt.repair_order_portal_template", values
        )

    @http.route(
        ["/my/repairs/<int:order_id>/consent"],
        type="json",
        auth="public",
        website=True,
    )
    def portal_repair_consent(
        self, order_id, access_token=None, name=None, signature=None
    ):
        """R-09: the customer agrees to the diagnosis, plan and cost by
        signing on the page. The consent step's own checks still apply."""
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            order_sudo = self._repair_check_access(order_id, access_token)
        except (AccessError, MissingError):
            return {"error": request.env._("This repair order was not found.")}
        if not order_sudo._portal_can_sign_consent():
            return {
                "error": request.env._(
                    "This repair order is not waiting for your consent: the "
                    "plan is already agreed, not diagnosed yet, or the order "
                    "is closed."
                )
            }
        if not signature:
            return {"error": request.env._("Your signature is missing: sign first.")}
        signed_by = (name or "").strip()
        try:
            with request.env.cr.savepoint():
                order_sudo.action_record_consent(
                    signed_by, "portal", signature=signature
                )
        except (UserError, ValidationError) as error:
            return {"error": str(error.args[0] if error.args else error)}
        except (TypeError, ValueError, binascii.Error):
            return {"error": request.env._("The signature could not be read.")}
        author = (
            order_sudo.partner_id
            if request.env.user._is_public()
            else request.env.user.partner_id
        )
        order_sudo.message_post(
            body=Markup("<p>%s</p>")
            % request.env._(
                "The customer agreed to the repair plan on the portal, signed "
                "by %(name)s.",
                name=signed_by,
            ),
            author_id=author.id,
        )
        return {
            "force_refresh": True,
            "redirect_url": order_sudo.get_portal_url(query_string="&message=sign_ok"),
        }
