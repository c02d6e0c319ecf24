/** @odoo-module **/
// the province list of the public outlet application page follows the
// country the applicant chooses.
import publicWidget from "@web/legacy/js/public/public_widget";

publicWidget.registry.RepairServiceApplicationStates = publicWidget.Widget.extend({
    selector: ".o_repair_service_application_form",
    events: {
        "change select[name='country_id']": "_onCountryChange",
    },

    async _onCountryChange(ev) {
        const select = this.el.querySelector("select[name='state_id']");
        if (!select) {
            return;
        }
        const countryId = ev.currentTarget.value;
        const url = `/repair-service/outlet/states?country_id=${encodeURIComponent(countryId)}`;
        const response = await fetch(url, {headers: {Accept: "application/json"}});
        const states = response.ok ? await response.json() : [];
        const empty = select.querySelector("option[value='']");
        const options = states.map((state) => {
            const option = new Option(state.name, state.id);
            option.dataset.code = state.code;
            return option;
        });
        select.replaceChildren(...(empty ? [empty] : []), ...options);
        select.value = "";
        select.disabled = !states.length;
    },
});

export default publicWidget.registry.RepairServiceApplicationStates;
