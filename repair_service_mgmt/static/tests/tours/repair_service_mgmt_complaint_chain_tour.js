/** @odoo-module */
// Copyright 2026 repair_service_mgmt contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";

// a customer complaint from the follow-up call through its approval
// chain to the follow-up of the complaint, one leg per user.

function openTab(name) {
    return {
        content: `Open the ${name} tab`,
        trigger: `.o_notebook .nav-link:contains("${name}")`,
        run: "click",
    };
}

function approve(comment) {
    return [
        {
            content: "Approve the step due",
            trigger: '.o_form_view button[name="validate_tier"]',
            run: "click",
        },
        {
            content: "Write the comment",
            trigger: '.modal div[name="comment"] input',
            run: `edit ${comment}`,
        },
        {
            content: "Answer with the comment",
            trigger: '.modal button[name="add_comment"]',
            run: "click",
        },
        {
            content: "The answer is in the chatter",
            trigger: `.o-mail-Message:contains("${comment}")`,
        },
    ];
}

registry.category("web_tour.tours").add("repair_service_mgmt_complaint_chain_agent_tour", {
    steps: () => [
        {
            content: "Open a complaint from the follow-up call",
            trigger: '.o_form_view button[name="action_open_complaint"]',
            run: "click",
        },
        {
            content: "The complaint is open",
            trigger: '.o_form_view .o_statusbar_status button.o_arrow_button_current:contains("New")',
        },
        openTab("Handling"),
        {
            content: "The cause",
            trigger: 'div[name="cause"] textarea',
            run: "edit The technician charged a call-out fee inside the warranty.",
        },
        {
            content: "The responsibility",
            trigger: 'div[name="responsibility"] textarea',
            run: "edit Outlet technician",
        },
        {
            content: "Cause analysed",
            trigger: '.o_form_view button[name="action_analyse"]',
            run: "click",
        },
        {
            content: "The complaint is analysed",
            trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Analysed")',
        },
        {
            content: "The resolution",
            trigger: '.o_form_view div[name="resolution"] textarea:not([readonly])',
            run: "edit Apology; the fee is credited back.",
        },
        {
            content: "Save the resolution",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The resolution is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        openTab("Approval and Compensation"),
        {
            content: "A credit note as compensation",
            trigger: 'div[name="compensation_kind"] select',
            run: 'select "credit_note"',
        },
        {
            content: "Its amount",
            trigger: 'div[name="compensation_amount"] input',
            run: "edit 150",
        },
        {
            content: "Submit for approval",
            trigger: '.o_form_view button[name="action_submit_approval"]',
            run: "click",
        },
        {
            content: "The complaint waits for its approval chain",
            trigger: '.o_statusbar_status button.o_arrow_button_current:contains("To Approve")',
        },
        {
            content: "The form is saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});

registry.category("web_tour.tours").add("repair_service_mgmt_complaint_chain_supervisor_tour", {
    steps: () => [
        ...approve("Checked with the outlet"),
        {
            content: "The CS-centre manager's step is next",
            trigger: '.o_form_view div[name="next_review"]:contains("CS-centre manager")',
        },
    ],
});

registry.category("web_tour.tours").add("repair_service_mgmt_complaint_chain_manager_tour", {
    steps: () => [
        ...approve("Approved"),
        {
            content: "The complaint is approved",
            trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Approved")',
        },
    ],
});

registry.category("web_tour.tours").add("repair_service_mgmt_complaint_chain_followup_tour", {
    steps: () => [
        {
            content: "Pay the compensation",
            trigger: '.o_form_view button[name="action_pay_compensation"]',
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The complaint is resolved",
            trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Resolved")',
        },
        {
            content: "The credit note is linked",
            trigger: '.o_form_view button[name="action_view_compensation"]',
        },
        openTab("Handling"),
        {
            content: "The complainant is satisfied",
            trigger: 'div[name="followup_satisfaction"] input[data-value="satisfied"]',
            run: "click",
        },
        {
            content: "Follow-up recorded",
            trigger: '.o_form_view button[name="action_record_followup"]',
            run: "click",
        },
        {
            content: "The complaint is followed up",
            trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Followed Up")',
        },
        {
            content: "The form is saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
