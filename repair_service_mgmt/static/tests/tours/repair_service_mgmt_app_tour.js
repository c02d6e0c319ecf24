/** @odoo-module */
// Copyright 2026 repair_service_mgmt contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("repair_service_mgmt_app_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button:enabled",
            run: "click",
        },
        {
            content: "Open the Repair Service app",
            trigger: '.o_app[data-menu-xmlid="repair_service_mgmt.menu_root"]',
            run: "click",
        },
        {
            content: "The app opens on its repair orders",
            trigger: ".o_breadcrumb:contains(Repair Orders)",
        },
        {
            content: "Open the Configuration menu",
            trigger: 'button[data-menu-xmlid="repair_service_mgmt.menu_configuration"]',
            run: "click",
        },
        {
            content: "Open the repair tags",
            trigger: 'a[data-menu-xmlid="repair_service_mgmt.repair_tags_menu"]',
            run: "click",
        },
        {
            content: "Add a tag",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name the tag",
            trigger: '.o_selected_row [name="name"] input',
            run: "edit Tour Tag From Chromium",
        },
        {
            content: "Save the tag",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "The tag is saved",
            trigger: '.o_data_row:not(.o_selected_row) td[name="name"]:contains(Tour Tag From Chromium)',
        },
    ],
});
