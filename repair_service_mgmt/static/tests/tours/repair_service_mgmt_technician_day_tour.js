/** @odoo-module */
// Copyright 2026 repair_service_mgmt contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";

// a 1×1 PNG: the photo of the repaired product
const PHOTO =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

// the step due is the one primary button of the header
function primary(name, content) {
    return [
        {
            content: `${content}: the one primary button`,
            trigger: `.o_form_view .o_statusbar_buttons:has(.btn-primary[name=${name}]):not(:has(.btn-primary:not([name=${name}])))`,
        },
        {
            content,
            trigger: `.o_form_view .o_statusbar_buttons .btn-primary[name=${name}]`,
            run: "click",
        },
    ];
}

// on a phone a many-to-one opens the list of choices in a dialog
function pick(field, row) {
    return [
        {
            content: `Open the choices of ${field}`,
            trigger: `.modal .o_field_widget[name=${field}] input`,
            run: "click",
        },
        {
            content: `Choose row ${row} of ${field}`,
            trigger: `.modal:last .o_data_row:eq(${row}) .o_data_cell, .modal:last .o_kanban_record:eq(${row})`,
            run: "click",
        },
        {
            content: `${field} is chosen`,
            trigger: `.modal:last .o_field_widget[name=${field}] input`,
        },
    ];
}

function sign(button, content) {
    return [
        ...primary(button, content),
        {
            content: "The customer signs",
            trigger: ".modal .o_field_widget[name=signature] .o_signature",
            run: "click",
        },
        {
            content: "Adopt the signature",
            trigger: ".modal:last .modal-footer .btn-primary:enabled",
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

registry.category("web_tour.tours").add("repair_service_mgmt_technician_day_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The technician lands on My Jobs, on a phone",
            trigger: ".o_kanban_view .o_kanban_record:contains(TD-JOB-1)",
            run: "click",
        },
        ...primary("action_accept_job", "Accept the job"),
        ...primary("action_customer_contacted", "Call the customer"),
        ...primary("action_service_visit", "Go to the visit"),
        {
            content: "Open the visit the dispatcher planned",
            trigger: ".o_data_row td.o_data_cell",
            run: "click",
        },
        {
            content: "Check in at the customer's",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_check_in]",
            run: "click",
        },
        {
            content: "The work is finished",
            trigger: ".o_field_widget[name=result] select",
            run: 'select "finished"',
        },
        {
            content: "Check out",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_check_out]",
            run: "click",
        },
        {
            content: "The visit is done",
            trigger: ".o_form_view:not(:has(button[name=action_check_out]))",
        },
        {content: "Back to the visits", trigger: ".o_back_button", run: "click"},
        {content: "The visits", trigger: ".o_list_view, .o_kanban_view"},
        {content: "Back to the job", trigger: ".o_back_button", run: "click"},
        ...primary("action_open_diagnosis", "Record the diagnosis"),
        // S03, abnormal noise (the codes in their order)
        ...pick("symptom_id", 2),
        // C02, fan motor failure
        ...pick("cause_id", 1),
        {
            content: "The repair plan",
            trigger: ".modal .o_field_widget[name=repair_plan] textarea",
            run: "edit Replace the fan motor",
        },
        {
            content: "The estimated cost",
            trigger: ".modal .o_field_widget[name=estimated_cost] input",
            run: "edit 260",
        },
        {
            content: "Save the diagnosis",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {content: "The dialog is closed", trigger: "body:not(:has(.modal))"},
        ...sign("action_open_consent_wizard", "The customer agrees to the plan"),
        ...primary("action_repair_start", "Start the repair"),
        ...primary("action_open_completion", "Test, photograph, scan"),
        {
            content: "The full-function test passed",
            trigger: ".modal .o_field_widget[name=function_test_done] input",
            run: "click",
        },
        {
            content: "Scan the serial",
            trigger: ".modal .o_field_widget[name=serial_scanned] input",
            run: "edit SN-TD-1",
        },
        {
            content: "Upload a photo of the repaired product",
            trigger: ".modal .o_field_widget[name=completion_photo_ids] .o_attach",
            async run() {
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
            trigger: ".modal .o_field_widget[name=completion_photo_ids] :contains(repaired.png)",
        },
        {
            content: "Save the evidence",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {content: "The dialog is closed", trigger: "body:not(:has(.modal))"},
        ...sign("action_open_acceptance_wizard", "The customer accepts the repair"),
        {
            content: "Nothing is due any more: no primary step",
            trigger: ".o_form_saved:not(:has(.o_statusbar_buttons .btn-primary))",
        },
    ],
});
