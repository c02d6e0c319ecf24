/** @odoo-module */
// Copyright 2026 repair_service_mgmt contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";

// The CS agent's call: the phone finds the customer, the address is
// completed, the request is saved into the order form, and the order is
// dispatched to the outlet suggested for the customer's address.
registry.category("web_tour.tours").add("repair_service_mgmt_cs_desk_tour", {
    url: "/odoo/action-repair_service_mgmt.repair_order_action_intake",
    steps: () => [
        {
            content: "The intake's primary button saves the request",
            trigger: ".o_form_view .btn-primary[name=action_open_service_order]",
        },
        {
            content: "The caller's phone number",
            trigger: ".o_field_widget[name=customer_phone] input",
            run: "edit +86 21 5033 7788 && press Enter",
        },
        {
            content: "The fault as the customer describes it",
            trigger: ".o_field_widget[name=fault_description] textarea",
            run: "edit Freezer compartment is warm",
        },
        {
            content: "The caller is found as the number is typed",
            trigger: ".o_field_widget[name=partner_id] input:value(/Desk Tour Customer/)",
        },
        {
            content: "The caller's last orders are shown",
            trigger:
                ".o_field_widget[name=customer_recent_order_ids] .o_data_row:contains(Desk tour washer)",
        },
        {
            content: "The customer's address, as the caller gives it",
            trigger: ".o_field_widget[name=customer_street] input:value(/Old Street/)",
            run: "edit 18 Xinzhen Road && press Enter",
        },
        {
            content: "The product",
            trigger: ".o_field_widget[name=product_id] input",
            run: "edit Desk tour fridge",
        },
        {
            content: "Choose the product",
            trigger: ".o-autocomplete--dropdown-item:contains(Desk tour fridge)",
            run: "click",
        },
        {
            content: "Save the request",
            trigger: ".o_form_view .btn-primary[name=action_open_service_order]",
            run: "click",
        },
        {
            content: "The full order form, with the repair orders in the breadcrumb",
            trigger: ".o_breadcrumb .breadcrumb-item a",
        },
        {
            content: "Dispatch is the primary button of the new order",
            trigger: ".o_form_view .btn-primary[name=action_open_dispatch_wizard]",
            run: "click",
        },
        {
            content: "The outlet serving the customer's address is suggested",
            trigger: ".modal .o_field_widget[name=outlet_id] input:value(/Desk Tour Outlet/)",
        },
        {
            content: "Its technicians are listed with their workload",
            trigger:
                ".modal .o_field_widget[name=allowed_technician_ids] .o_data_row:contains(Desk Tour Tech)",
        },
        {
            content: "No out-of-area warning",
            trigger: ".modal:not(:has(div[name=outside_area_warning]:visible))",
        },
        {
            content: "The technician",
            trigger: ".modal .o_field_widget[name=technician_id] input",
            run: "edit Desk Tour Tech",
        },
        {
            content: "Choose the technician",
            trigger: ".o-autocomplete--dropdown-item:contains(Desk Tour Tech)",
            run: "click",
        },
        {
            content: "Dispatch is the primary button of the wizard",
            trigger: ".modal .btn-primary[name=action_dispatch]",
            run: "click",
        },
        {
            content: "The order is dispatched: reassigning is no longer the primary step",
            trigger:
                "body:not(:has(.modal)) .o_form_view button[name=action_open_dispatch_wizard]:not(.btn-primary)",
        },
    ],
});
