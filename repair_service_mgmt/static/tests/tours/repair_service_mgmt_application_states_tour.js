/** @odoo-module */
// Copyright 2026 repair_service_mgmt contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";

const FORM = ".o_repair_service_application_form";
const COUNTRY = `${FORM} select[name="country_id"]`;
const STATE = `${FORM} select[name="state_id"]`;

// the provinces follow the chosen country on the public page
registry.category("web_tour.tours").add("repair_service_mgmt_application_states_tour", {
    url: "/repair-service/outlet/apply",
    steps: () => [
        {
            content: "The company's country is chosen",
            trigger: `${COUNTRY}:has(option[data-code="CN"]:checked)`,
        },
        {
            content: "with its provinces",
            trigger: `${STATE}:has(option[data-code="沪"])`,
        },
        {
            content: "Choose the United States",
            trigger: COUNTRY,
            async run(helpers) {
                const option = this.anchor.querySelector('option[data-code="US"]');
                await helpers.select(option.value);
            },
        },
        {
            content: "The provinces are now the states of the United States",
            trigger: `${STATE}:has(option[data-code="CA"]):not(:has(option[data-code="沪"]))`,
        },
        {
            content: "Choose California",
            trigger: STATE,
            async run(helpers) {
                const option = this.anchor.querySelector('option[data-code="CA"]');
                await helpers.select(option.value);
            },
        },
        {
            content: "California is chosen",
            trigger: `${STATE}:has(option[data-code="CA"]:checked)`,
        },
    ],
});
