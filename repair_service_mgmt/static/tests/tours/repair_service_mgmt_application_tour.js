/** @odoo-module */
// Copyright 2026 repair_service_mgmt contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";

const docRow = (n) => `div[name="document_ids"] .o_data_row:nth-child(${n})`;
const scoreRow = (n) => `div[name="inspection_line_ids"] .o_data_row:nth-child(${n})`;

function markValid(n) {
    return [
        {
            content: `Document ${n} is valid`,
            trigger: `${docRow(n)} button[name="action_mark_valid"]`,
            run: "click",
        },
        {
            content: `Document ${n} shows as valid`,
            trigger: `${docRow(n)} td[name="review_state"]:contains(Valid)`,
        },
    ];
}

function score(n) {
    return [
        {
            content: `Open the score of criterion ${n}`,
            trigger: `${scoreRow(n)} td[name="score"]`,
            run: "click",
        },
        {
            content: `Score criterion ${n}`,
            trigger: `${scoreRow(n)}.o_selected_row td[name="score"] input`,
            run: "edit 21",
        },
    ];
}

registry.category("web_tour.tours").add("repair_service_mgmt_application_tour", {
    steps: () => [
        {
            content: "Start the material review",
            trigger: '.o_form_view button[name="action_start_review"]',
            run: "click",
        },
        ...markValid(1),
        ...markValid(2),
        ...markValid(3),
        ...markValid(4),
        {
            content: "The materials are valid",
            trigger: '.o_form_view button[name="action_pass_review"]',
            run: "click",
        },
        {
            content: "Open the site inspection",
            trigger: '.o_notebook .nav-link:contains("Site Inspection")',
            run: "click",
        },
        ...score(1),
        ...score(2),
        ...score(3),
        ...score(4),
        {
            content: "Complete the inspection",
            trigger: '.o_form_view button[name="action_complete_inspection"]',
            run: "click",
        },
        {
            content: "Approve",
            trigger: '.o_form_view button[name="action_approve"]',
            run: "click",
        },
        {
            content: "The application is approved",
            trigger: '.o_form_view .ribbon:contains("Approved")',
        },
        {
            content: "The form is saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
