# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

M = "repair_service_mgmt"


class RepairServiceComplaint(models.Model):
    """Demo data: complaints walked through their approval chains by the
    real steps, each reviewer answering in turn."""

    _inherit = "repair.service.complaint"

    @api.model
    def _demo_complaint_chains(self):
        ref = self.env.ref
        agent = ref("base.user_demo")

        def analysed(xmlid, values, cause, responsibility, resolution):
            complaint = self.with_user(agent).create(values).with_env(self.env)
            self.env["ir.model.data"]._update_xmlids(
                [{"xml_id": f"{M}.{xmlid}", "record": complaint, "noupdate": True}]
            )
            step = complaint.with_user(agent)
            step.write({"cause": cause, "responsibility": responsibility})
            step.action_analyse()
            step.resolution = resolution
            step.action_submit_approval()
            return complaint

        def answer(complaint, user, comment):
            record = complaint.with_user(user)
            action = record.validate_tier()
            wizard = (
                self.env["comment.wizard"]
                .with_user(user)
                .with_context(**action["context"])
                .create({"comment": comment})
            )
            wizard.add_comment()

        customer = analysed(
            "complaint_chain_customer_demo",
            {
                "channel": "phone",
                "kind": "customer",
                "partner_id": ref(f"{M}.partner_customer_sun_demo").id,
                "product_id": ref(f"{M}.product_air_conditioner_demo").id,
                "outlet_id": ref(f"{M}.outlet_pudong_demo").id,
                "description": "The technician argued with me and charged a "
                "call-out fee inside the warranty.",
                "about_attitude": True,
                "compensation_kind": "credit_note",
                "compensation_amount": 100.0,
            },
            "A call-out fee was charged on an in-warranty repair.",
            "Pudong outlet: technician's attitude and wrong fee.",
            "Apology; the fee credited back to the customer.",
        )
        answer(
            customer, ref(f"{M}.user_cs_supervisor_demo"), "Checked with the outlet."
        )

        batch = analysed(
            "complaint_chain_batch_demo",
            {
                "channel": "letter",
                "kind": "batch_quality",
                "partner_id": ref(f"{M}.partner_customer_zhou_demo").id,
                "product_id": ref(f"{M}.product_air_conditioner_demo").id,
                "description": "Control boards of one batch fail after a month.",
                "compensation_kind": "payment",
                "compensation_amount": 800.0,
            },
            "A capacitor of one supplier's batch dries out.",
            "Supplier of the control boards; incoming inspection.",
            "Boards replaced free of charge; the customer paid for the lost days.",
        )
        answer(
            batch, ref(f"{M}.user_quality_demo"), "Appraised: batch defect confirmed."
        )

        dealer = analysed(
            "complaint_chain_dealer_demo",
            {
                "channel": "letter",
                "kind": "dealer",
                "complainant_type": "dealer",
                "partner_id": ref(f"{M}.partner_customer_wang_demo").id,
                "description": "We paid the freight of parts sent to the wrong "
                "address.",
                "compensation_kind": "credit_note",
                "compensation_amount": 350.0,
            },
            "The central warehouse used an old address.",
            "Spare-parts logistics.",
            "The freight is credited to the dealer.",
        )
        answer(dealer, ref(f"{M}.user_commercial_office_demo"), "Freight confirmed.")
        answer(dealer, ref(f"{M}.user_cs_manager_demo"), "Agreed.")
        answer(dealer, ref(f"{M}.user_vice_president_demo"), "Approved.")
        dealer.with_user(agent).action_pay_compensation()
