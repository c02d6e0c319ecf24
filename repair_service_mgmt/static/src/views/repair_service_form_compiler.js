/** @odoo-module */
// Copyright 2026 repair_service_mgmt contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {FormCompiler} from "@web/views/form/form_compiler";
import {patch} from "@web/core/utils/patch";

// Service orders keep their workflow buttons in the header on a phone too:
// the technician's next step is a button on the screen, not an entry of the
// gear menu beside Duplicate and Delete.
const KEEP_HEADER_CLASS = "o_repair_service_form";

patch(FormCompiler.prototype, {
    compileHeader(el, params) {
        const compiled = super.compileHeader(el, params);
        const form = el.closest("form");
        if (!form || !form.classList.contains(KEEP_HEADER_CLASS)) {
            return compiled;
        }
        if (params.asDropdownItems) {
            // not twice: the buttons are in the header
            compiled.replaceChildren();
            return compiled;
        }
        for (const buttons of compiled.querySelectorAll("StatusBarButtons")) {
            buttons.removeAttribute("t-if");
        }
        return compiled;
    },
});
