/** @odoo-module */
// Copyright 2026 repair_service_mgmt contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";

// a 1×1 PNG: the photo of the repaired product
const PHOTO =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function pick(field, text, scope = "") {
    return [
        {
            content: `Type ${text} in ${field}`,
            trigger: `${scope} .o_field_widget[name=${field}] input`,
            run: `edit ${text}`,
        },
        {
            content: `Choose ${text}`,
            trigger: `.o-autocomplete--dropdown-item:contains(${text})`,
            run: "click",
        },
        {
            content: `${text} is chosen`,
            trigger: `${scope} .o_field_widget[name=${field}] input:value(/${text}/)`,
        },
    ];
}

function sign(button) {
    return [
        {
            content: `Open the ${button} dialog`,
            trigger: `button[name=${button}]`,
            run: "click",
        },
        {
            content: "The customer signs",
            trigger: ".modal .o_field_widget[name=signature] .o_signature",
            run: "click",
        },
        {
            content: "Adopt the signature",
            trigger: ".modal .modal-footer button.btn-primary:enabled:contains(Adopt)",
            run: "click",
        },
        {
            content: "The signature is in the form",
            trigger: ".modal .o_field_widget[name=signature] img.o_signature",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

function button(name, content) {
    return {content, trigger: `.o_form_view button[name=${name}]`, run: "click"};
}

registry.category("web_tour.tours").add("repair_service_mgmt_flow_tour", {
    url: "/odoo/action-repair_service_mgmt.repair_order_action/new",
    steps: () => [
        // R-01…R-03: intake
        {
            content: "The caller's phone number",
            trigger: ".o_field_widget[name=customer_phone] input",
            run: "edit +86 21 6123 4567",
        },
        ...pick("product_id", "Tour air conditioner"),
        {
            content: "The fault as the customer describes it",
            trigger: ".o_field_widget[name=fault_description] textarea",
            run: "edit Rattles at high fan speed",
        },
        {content: "Save the request", trigger: ".o_form_button_save", run: "click"},
        {
            content: "The caller was found by the number",
            trigger: ".o_field_widget[name=partner_id] input:value(Tour Customer)",
        },
        // dispatch, accept, contact
        button("action_open_dispatch_wizard", "Dispatch"),
        ...pick("outlet_id", "Tour Outlet", ".modal"),
        ...pick("technician_id", "Mitchell Admin", ".modal"),
        {
            content: "Dispatch to the outlet and the technician",
            trigger: ".modal button[name=action_dispatch]",
            run: "click",
        },
        button("action_accept_job", "The technician accepts"),
        button("action_customer_contacted", "The technician called the customer"),
        {
            content: "The job is accepted",
            trigger: ".o_field_widget[name=dispatch_state]:contains(Accepted)",
        },
        // a visit
        button("action_view_visits", "Open the visits"),
        {content: "Plan a visit", trigger: ".o_list_button_add", run: "click"},
        {content: "Save the visit", trigger: ".o_form_button_save", run: "click"},
        button("action_confirm_appointment", "Re-confirmed with the customer"),
        button("action_check_in", "Check in at the customer's"),
        {
            content: "The work is finished",
            trigger: ".o_field_widget[name=result] select",
            run: "selectByLabel Work finished",
        },
        button("action_check_out", "Check out"),
        {
            content: "The visit is done",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Done)",
        },
        {
            content: "Back to the order",
            trigger: ".o_breadcrumb .breadcrumb-item:eq(1) a",
            run: "click",
        },
        // diagnosis, parts, consent
        {
            content: "Open the diagnosis",
            trigger: "a.nav-link:contains(Diagnosis)",
            run: "click",
        },
        ...pick("symptom_id", "Abnormal noise"),
        ...pick("cause_id", "Fan motor failure"),
        {
            content: "The repair plan",
            trigger: ".o_field_widget[name=repair_plan] textarea",
            run: "edit Replace the fan motor",
        },
        {
            content: "The plan is written",
            trigger: ".o_field_widget[name=repair_plan] textarea:value(Replace the fan motor)",
        },
        {
            content: "The estimated cost",
            trigger: ".o_field_widget[name=estimated_cost] input",
            run: "edit 260",
        },
        {content: "Save the diagnosis", trigger: ".o_form_button_save", run: "click"},
        {
            content: "The diagnosis is saved",
            trigger: ".o_form_saved .o_field_widget[name=repair_plan] textarea:value(Replace the fan motor)",
        },
        {content: "Open the parts", trigger: "a.nav-link:contains(Parts)", run: "click"},
        {
            content: "Add a part",
            trigger: ".o_field_widget[name=move_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pick("product_id", "Tour fan motor", ".o_field_widget[name=move_ids] .o_selected_row"),
        {content: "Save", trigger: ".o_form_button_save", run: "click"},
        {content: "Saved", trigger: ".o_form_saved"},
        ...sign("action_open_consent_wizard"),
        {
            content: "The customer agreed",
            trigger: ".o_form_view:not(:has(button[name=action_open_consent_wizard]))",
        },
        // a service order starts from the agreed step: no plain confirmation
        button("action_repair_start", "Start the repair"),
        // completion and acceptance
        {
            content: "Open the completion",
            trigger: "a.nav-link:contains(Completion)",
            run: "click",
        },
        {
            content: "The full-function test passed",
            trigger: ".o_field_widget[name=function_test_done] input",
            run: "click",
        },
        {
            content: "Scan the serial",
            trigger: ".o_field_widget[name=serial_scanned] input",
            run: "edit SN-TOUR-1",
        },
        {
            content: "Upload a photo of the repaired product",
            trigger: ".o_field_widget[name=completion_photo_ids] .o_attach",
            async run() {
                // the file chooser's input is hidden: give it the file
                const input = this.anchor
                    .closest(".o_field_widget")
                    .querySelector("input[type=file]");
                const bytes = Uint8Array.from(atob(PHOTO), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "repaired.png", {type: "image/png"}));
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "The photo is uploaded",
            trigger: ".o_field_widget[name=completion_photo_ids] :contains(repaired.png)",
        },
        {content: "Save", trigger: ".o_form_button_save", run: "click"},
        {content: "Saved", trigger: ".o_form_saved"},
        ...sign("action_open_acceptance_wizard"),
        {
            content: "The order is done",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=done]",
        },
        // quotation → sale order → invoice
        button("action_create_sale_order", "Create the quotation"),
        {
            content: "The quotation has the part",
            trigger: ".o_field_widget[name=order_line] td:contains(Tour fan motor)",
        },
        button("action_confirm", "Confirm the sale order"),
        // customer service checks the fees before the invoice
        button("action_repair_check_fees", "Check the fees against the price list"),
        {
            content: "The fees are checked",
            trigger: ".o_form_view:not(:has(button[name=action_repair_check_fees]))",
        },
        {
            content: "Create the invoice",
            trigger: ".o_form_view button#create_invoice",
            run: "click",
        },
        {
            content: "Create the draft invoice",
            trigger: ".modal button#create_invoice_open",
            run: "click",
        },
        button("action_post", "Post the invoice"),
        {
            content: "The invoice is posted",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Posted)",
        },
        // the scheduled action plans the follow-up call (run now)
        {
            content: "Open the scheduled actions",
            trigger: "body",
            run: "goToUrl /odoo/action-base.ir_cron_act?debug=1",
        },
        {
            content: "Search the follow-up scheduled action",
            trigger: ".o_searchview_input",
            run: "edit Repair Service: follow-up calls",
        },
        {content: "Search", trigger: ".o_searchview_input", run: "press Enter"},
        {
            content: "Open it",
            trigger: ".o_data_row:contains(follow-up calls) td.o_data_cell",
            run: "click",
        },
        button("method_direct_trigger", "Run it manually"),
        {
            content: "It ran",
            trigger: ".o_notification, .o_form_view",
        },
        {
            content: "Open the follow-up calls",
            trigger: "body",
            run: "goToUrl /odoo/action-repair_service_mgmt.repair_service_followup_action",
        },
        {
            content: "Open the call to the tour customer",
            trigger: ".o_data_row:contains(Tour Customer) td.o_data_cell",
            run: "click",
        },
        // the checklist comes from the configured questions: the customer is
        // happy with all of them
        button("action_answer_all_yes", "Everything went well"),
        {
            content: "The questions are answered yes",
            trigger:
                ".o_field_widget[name=answer_ids] .o_data_row:last-child td[name=answer]:contains(Yes)",
        },
        {
            content: "Very satisfied",
            trigger: ".o_field_widget[name=satisfaction] input[data-value='5']",
            run: "click",
        },
        button("action_done", "The call is done"),
        {
            content: "The follow-up is done",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Done)",
        },
    ],
});
