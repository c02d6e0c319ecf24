# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .repair_warranty_decision import period_end


class RepairWarrantyDecision(models.AbstractModel):
    """R-25, the national 三包 details the one decision applies: the days
    waiting for parts extend the warranty, an exchange is proposed when the
    parts are missing or the repair is late, and a durable good's defect
    found soon after delivery is presumed the seller's."""

    _inherit = "repair.warranty.decision"

    @api.model
    def _national_fact_fields(self):
        """The order fields the national rules read (fetched with the others)."""
        return ["parts_waiting_since", "state"]

    def _national_facts(self, order):
        """The national facts of ``order`` (no query: prefetched)."""
        return {
            "exclusion_records": order.warranty_exclusion_ids,
            "waiting_since": order.parts_waiting_since
            and fields.Date.context_today(self, order.parts_waiting_since),
            "open": order.state not in ("done", "cancel"),
        }

    def _extension_words(self, extension, waited):
        """How the warranty was extended, for the reason ("" when it was not)."""
        if waited:
            return self.env._(
                ", extended by %(days)s days in repair and %(waiting)s days "
                "waiting for parts",
                days=extension - waited,
                waiting=waited,
            )
        if extension:
            return self.env._(", extended by %(days)s days in repair", days=extension)
        return ""

    def _national_notes(self, fact, policy, lookups, presumed, options):
        """``(codes, words)`` of the exchanges proposed on an order in
        warranty (``options`` gets "exchange"), and the presumption's words."""
        proposals = self._exchange_proposals(fact, policy, lookups["today"])
        if proposals and "exchange" not in options:
            options.append("exchange")
        words = "".join(" " + text for _code, text in proposals)
        if presumed:
            words += " " + presumed
        return [code for code, _text in proposals], words

    def _effective_exclusions(self, fact, policy, purchase):
        """``(reasons, presumed)``: the exclusion reasons that make the
        repair chargeable, and, inside the presumption window of a durable
        good, the words saying why an exclusion does not count yet."""
        records = fact.get("exclusion_records")
        if not records:
            return fact["exclusions"], False
        if not (
            purchase
            and policy.durable_goods
            and policy.presumption_months
            and fact["date"] <= period_end(purchase, policy.presumption_months)
        ):
            return records.reason_id, False
        effective = records.filtered(
            lambda e: e.cs_confirmed or not e.reason_id.presumption_applies
        )
        if effective == records:
            return effective.reason_id, False
        pending = records - effective
        # the exclusions that wait for the CS centre, shown on the order
        fact["pending_exclusions"] = pending.ids
        return effective.reason_id, self.env._(
            "A defect found within %(months)s months of delivery is presumed the "
            "seller's: the exclusion (%(reasons)s) applies only once the CS "
            "centre confirms it.",
            months=policy.presumption_months,
            reasons=", ".join(pending.reason_id.mapped("name")),
        )

    def _exchange_proposals(self, fact, policy, today):
        """``[(code, words)]``: the exchanges the national rules propose for
        an open order in warranty (0 disables a rule)."""
        if not fact.get("open"):
            return []
        days = (today - fact["date"]).days
        proposals = []
        if (
            policy.parts_missing_days
            and fact.get("waiting_since")
            and days >= policy.parts_missing_days
        ):
            proposals.append(
                (
                    "parts_missing",
                    self.env._(
                        "The parts are still not available %(days)s days after "
                        "carry-in (%(limit)s days at most): an exchange is offered.",
                        days=days,
                        limit=policy.parts_missing_days,
                    ),
                )
            )
        if policy.repair_delay_days and days > policy.repair_delay_days:
            proposals.append(
                (
                    "repair_delay",
                    self.env._(
                        "The repair has taken %(days)s days since carry-in, more "
                        "than %(limit)s days: an exchange is offered.",
                        days=days,
                        limit=policy.repair_delay_days,
                    ),
                )
            )
        return proposals
