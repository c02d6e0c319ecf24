# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.misc import get_lang

# the rule that decided (R-20…R-27), stored on the order
WARRANTY_RULES = [
    ("unit", "Whole-unit warranty"),
    ("brand_extension", "Brand-extended warranty"),
    ("component", "Component warranty"),
    ("expired", "Warranty expired"),
    ("exclusion", "Exclusion"),
    ("evidence_altered", "Evidence missing or altered"),
    ("no_evidence", "No warranty card or invoice"),
    ("no_policy", "No warranty policy"),
    ("no_product", "No product"),
    ("override", "Manager's decision"),
]


@lru_cache(maxsize=8192)
def period_end(start, months):
    """The last day of a period of ``months`` from ``start``: the day before
    the same date ``months`` later, or, when that month has no such date
    (bought on 29 February, on the 31st), its last day. Many orders share
    their dates: the answers are kept."""
    end = start + relativedelta(months=months)
    if end.day != start.day:
        return end
    return end - timedelta(days=1)


class RepairWarrantyDecision(models.AbstractModel):
    """R-24: the one place that decides whether a repair is free.

    From the product, the serial number, the fault's component, the dates,
    the evidence, the exclusions and the unit's repair history it returns,
    per order, ``{"in_warranty", "rule", "reason", "days_left", "options",
    "repeat_fault", "purchase_date"}``. Set-based: a constant number of
    queries for any number of orders.
    """

    _name = "repair.warranty.decision"
    _description = "Warranty Decision"

    # ------------------------------------------------------------------
    # Entry points
    # ------------------------------------------------------------------
    @api.model
    def _decide(self, orders):
        """The decision for each of ``orders``: ``{order.id: dict}``."""
        orders = orders.sudo()
        self._prefetch_orders(orders)
        facts = []
        for order in orders:
            created = order.create_date or fields.Datetime.now()
            facts.append(
                {
                    "key": order.id,
                    "company": order.company_id,
                    "product": order.product_id,
                    "lot": order.lot_id,
                    "component": order.warranty_component_id,
                    "symptom": order.symptom_id,
                    "date": fields.Date.context_today(self, created),
                    "card": bool(order.warranty_card_number),
                    "invoice": bool(order.purchase_invoice_number),
                    "invoice_date": order.purchase_invoice_date,
                    "registration": order.warranty_registration_checked,
                    "altered": order.warranty_evidence_altered,
                    "exclusions": order.warranty_exclusion_ids.reason_id,
                    "override": order.warranty_override,
                    "override_reason": order.warranty_override_reason,
                    **self._national_facts(order),
                }
            )
        # new records (a form being filled in) have no history to exclude
        stored_ids = [oid for oid in orders._ids if isinstance(oid, int)]
        return self._decide_facts(facts, exclude_ids=stored_ids)

    def _prefetch_orders(self, orders):
        """Read the facts of all the orders at once (one query a model)."""
        stored = orders.browse([oid for oid in orders._ids if isinstance(oid, int)])
        if not stored:
            return
        stored.fetch(
            [
                "create_date",
                "company_id",
                "product_id",
                "lot_id",
                "warranty_component_id",
                "symptom_id",
                "warranty_card_number",
                "purchase_invoice_number",
                "purchase_invoice_date",
                "warranty_registration_checked",
                "warranty_evidence_altered",
                "warranty_exclusion_ids",
                "warranty_override",
                "warranty_override_reason",
                *self._national_fact_fields(),
            ]
        )
        stored.warranty_exclusion_ids.fetch(["reason_id", "cs_confirmed"])
        stored.warranty_exclusion_ids.reason_id.fetch(["presumption_applies"])
        stored.lot_id.fetch(["repair_production_date", "company_id"])
        stored.product_id.fetch(["product_tmpl_id", "categ_id"])
        stored.product_id.categ_id.fetch(["parent_path"])

    @api.model
    def _decide_lots(self, lots):
        """What the decision says today for a repair of each of ``lots``,
        without the customer's evidence: ``{lot.id: dict}``."""
        lots = lots.sudo()
        today = fields.Date.context_today(self)
        facts = [
            {
                "key": lot.id,
                "company": lot.company_id or self.env.company,
                "product": lot.product_id,
                "lot": lot,
                "component": self.env["repair.warranty.component"],
                "date": today,
                "exclusions": self.env["repair.warranty.exclusion.reason"],
            }
            for lot in lots
        ]
        return self._decide_facts(facts)

    # ------------------------------------------------------------------
    # Look-ups, one query each for all the facts
    # ------------------------------------------------------------------
    def _policy_index(self, companies):
        policies = (
            self.env["repair.warranty.policy"]
            .sudo()
            .search([("company_id", "in", [False, *companies.ids])])
        )
        policies.component_ids.mapped("months")  # one read for the lines
        index = {}
        for policy in policies:
            if policy.product_tmpl_id:
                key = ("product", policy.product_tmpl_id.id)
            elif policy.categ_id:
                key = ("categ", policy.categ_id.id)
            else:
                key = ("all", None)
            index.setdefault(key, []).append(policy)
        return index

    def _match_policy(self, index, product, company):
        """The most specific policy: the product's, then its category's
        (nearest first), then the company's general one; a company's own
        before a shared one."""
        keys = [("product", product.product_tmpl_id.id)]
        path = product.categ_id.parent_path or ""
        keys += [
            ("categ", int(cid)) for cid in reversed(path.strip("/").split("/")) if cid
        ]
        keys.append(("all", None))
        for key in keys:
            candidates = [
                p
                for p in index.get(key, ())
                if not p.company_id or p.company_id == company
            ]
            if candidates:
                return min(
                    candidates, key=lambda p: (not p.company_id, p.sequence, p.id)
                )
        return None

    def _delivery_dates(self, lots, companies):
        """The last delivery of each serial number to a customer by these
        companies: ``{lot.id: date}``."""
        if not lots:
            return {}
        groups = (
            self.env["stock.move.line"]
            .sudo()
            ._read_group(
                [
                    ("lot_id", "in", lots.ids),
                    ("state", "=", "done"),
                    ("location_dest_id.usage", "=", "customer"),
                    ("company_id", "in", companies.ids),
                ],
                ["lot_id"],
                ["date:max"],
            )
        )
        return {
            lot.id: fields.Date.context_today(self, date)
            for lot, date in groups
            if date
        }

    def _repair_history(self, lots, exclude_ids, waiting=None):
        """The completed repairs of each serial number (other than the
        orders decided), in one grouped query: ``({lot.id: (days in repair
        and waiting for parts, last completion)}, {(lot.id, symptom.id):
        in-warranty repairs of that fault})``; ``waiting``, a dict, receives
        the days waiting for parts of each serial number (R-25)."""
        if not lots:
            return {}, {}
        groups = (
            self.env["repair.order"]
            .sudo()
            ._read_group(
                [
                    ("lot_id", "in", lots.ids),
                    ("completed_at", "!=", False),
                    ("id", "not in", list(exclude_ids)),
                ],
                ["lot_id", "symptom_id", "under_warranty"],
                [
                    "warranty_repair_days:sum",
                    "warranty_waiting_days:sum",
                    "completed_at:max",
                    "__count",
                ],
            )
        )
        history, same_fault = {}, {}
        waiting = {} if waiting is None else waiting
        for lot, symptom, in_warranty, days, wait, last, count in groups:
            total, latest = history.get(lot.id, (0, False))
            history[lot.id] = (
                total + (days or 0) + (wait or 0),
                max(latest or last, last),
            )
            waiting[lot.id] = waiting.get(lot.id, 0) + (wait or 0)
            # repairs in warranty of the same fault (symptom)
            if in_warranty and symptom:
                key = (lot.id, symptom.id)
                same_fault[key] = same_fault.get(key, 0) + count
        history = {
            lot_id: (days, fields.Date.context_today(self, last))
            for lot_id, (days, last) in history.items()
        }
        return history, same_fault

    # ------------------------------------------------------------------
    # The decision
    # ------------------------------------------------------------------
    def _decide_facts(self, facts, exclude_ids=()):
        companies = self.env["res.company"].union(*(f["company"] for f in facts))
        lots = self.env["stock.lot"].union(*(f["lot"] for f in facts))
        index = self._policy_index(companies)
        deliveries = self._delivery_dates(lots, companies)
        waiting = {}
        history, same_fault = self._repair_history(lots, exclude_ids, waiting)
        dates, policies = {}, {}
        # the user's language's date format; babel's formatting per date
        # would cost more than the whole decision
        date_format = get_lang(self.env).date_format

        def fmt(day):
            if day not in dates:
                dates[day] = day.strftime(date_format)
            return dates[day]

        def policy_of(product, company):
            key = (product.id, company.id)
            if key not in policies:
                policies[key] = self._match_policy(index, product, company)
            return policies[key]

        lookups = {
            "deliveries": deliveries,
            "history": history,
            "same_fault": same_fault,
            "waiting": waiting,
            "today": fields.Date.context_today(self),
            "fmt": fmt,
            "policy_of": policy_of,
        }
        results = {}
        for fact in facts:
            result = self._decide_one(fact, lookups)
            result["pending_exclusion_ids"] = fact.get("pending_exclusions", [])
            results[fact["key"]] = result
        return results

    def _result(self, in_warranty, rule, reason, **extra):
        return dict(
            {
                "in_warranty": in_warranty,
                "rule": rule,
                "reason": reason,
                "days_left": 0,
                "options": [],
                "repeat_fault": False,
                "purchase_date": False,
                "proposals": [],
            },
            **extra,
        )

    def _purchase_date(self, fact, policy, deliveries):
        """``(date, source)`` of the purchase, or ``(False, False)``."""
        lot = fact["lot"]
        if lot and lot.id in deliveries:
            # an exchanged unit starts a new warranty on its delivery
            if lot.warranty_exchange_request_id:
                return deliveries[lot.id], self.env._("exchanged unit: new warranty")
            return deliveries[lot.id], self.env._("delivered by us")
        has_evidence = fact.get("card") and (
            fact.get("invoice") or fact.get("registration")
        )
        if has_evidence and fact.get("invoice_date"):
            if fact.get("invoice"):
                return fact["invoice_date"], self.env._("purchase invoice")
            return fact["invoice_date"], self.env._(
                "registration checked by the CS centre"
            )
        if policy.use_production_date and lot.repair_production_date:
            return (
                lot.repair_production_date
                + timedelta(days=policy.production_offset_days),
                self.env._(
                    "production date plus %(days)s days",
                    days=policy.production_offset_days,
                ),
            )
        return False, False

    def _decide_one(self, fact, lookups):
        product, lot, today = fact["product"], fact["lot"], fact["date"]
        fmt = lookups["fmt"]
        if fact.get("override"):
            return self._result(
                fact["override"] == "in",
                "override",
                self.env._(
                    "Decided by a service manager: %(reason)s",
                    reason=fact.get("override_reason") or "",
                ),
            )
        if not product:
            return self._result(
                False, "no_product", self.env._("No product: the repair is charged.")
            )
        policy = lookups["policy_of"](product, fact["company"])
        if not policy:
            return self._result(
                False,
                "no_policy",
                self.env._(
                    "No warranty policy covers %(product)s: the repair is charged.",
                    product=product.display_name,
                ),
            )
        purchase, source = self._purchase_date(fact, policy, lookups["deliveries"])
        exclusions, presumed = self._effective_exclusions(fact, policy, purchase)
        if exclusions:
            return self._result(
                False,
                "exclusion",
                self.env._(
                    "Excluded from the warranty (%(reasons)s): the repair is charged.",
                    reasons=", ".join(exclusions.mapped("name")),
                ),
                purchase_date=purchase,
            )
        if fact.get("altered"):
            return self._result(
                False,
                "evidence_altered",
                self.env._(
                    "The warranty card or the invoice is missing or altered: the "
                    "repair is charged."
                ),
            )
        if not purchase:
            return self._result(
                False,
                "no_evidence",
                self.env._(
                    "Neither a warranty card with its purchase invoice nor a "
                    "delivery of this serial number is known: the repair is charged."
                ),
            )
        repair_days, last_repair = (
            lookups["history"].get(lot.id, (0, False)) if lot else (0, False)
        )
        repeat = bool(
            policy.repeat_fault_days
            and last_repair
            and 0 <= (today - last_repair).days <= policy.repeat_fault_days
        )
        extension = repair_days if policy.extend_by_repair_days else 0
        waited = lookups["waiting"].get(lot.id, 0) if extension else 0
        unit_end = period_end(purchase, policy.unit_months) + timedelta(days=extension)
        legal_end = period_end(purchase, policy.legal_months)
        since = self.env._(
            "bought on %(date)s (%(origin)s)",
            date=fmt(purchase),
            origin=source,
        )
        since += self._extension_words(extension, waited)
        common = {"repeat_fault": repeat, "purchase_date": purchase}
        if today <= unit_end:
            elapsed = (today - purchase).days
            options = ["repair"]
            if policy.exchange_days and elapsed <= policy.exchange_days:
                options.append("exchange")
            if policy.refund_days and elapsed <= policy.refund_days:
                options.append("refund")
            brand = today > legal_end + timedelta(days=extension)
            # repaired in warranty twice for the same fault: an
            # exchange is offered whatever the window
            failed = (
                lookups["same_fault"].get((lot.id, fact["symptom"].id), 0)
                if lot and fact.get("symptom")
                else 0
            )
            exchange_proposed = bool(
                policy.exchange_after_repairs
                and failed >= policy.exchange_after_repairs
            )
            if exchange_proposed and "exchange" not in options:
                options.append("exchange")
            reason = (
                self.env._(
                    "In the brand's extended warranty until %(end)s, %(since)s.",
                    end=fmt(unit_end),
                    since=since,
                )
                if brand
                else self.env._(
                    "In warranty until %(end)s, %(since)s.",
                    end=fmt(unit_end),
                    since=since,
                )
            )
            if exchange_proposed:
                reason += " " + self.env._(
                    "Repaired %(count)s times in warranty for the same fault: an "
                    "exchange is offered.",
                    count=failed,
                )
            proposals, notes = self._national_notes(
                fact, policy, lookups, presumed, options
            )
            return self._result(
                True,
                "brand_extension" if brand else "unit",
                reason + notes,
                days_left=(unit_end - today).days,
                options=options,
                proposals=proposals,
                **common,
            )
        line = (
            policy.component_ids.filtered(
                lambda c: c.component_id == fact["component"]
            )[:1]
            if fact["component"]
            else None
        )
        if line:
            comp_end = period_end(purchase, line.months) + timedelta(days=extension)
            if today <= comp_end:
                options = ["repair"]
                proposals, notes = self._national_notes(
                    fact, policy, lookups, presumed, options
                )
                reason = self.env._(
                    "The whole unit's warranty ended on %(unit_end)s, but the "
                    "%(component)s is in warranty until %(end)s, %(since)s.",
                    unit_end=fmt(unit_end),
                    component=line.component_id.name,
                    end=fmt(comp_end),
                    since=since,
                )
                return self._result(
                    True,
                    "component",
                    reason + notes,
                    days_left=(comp_end - today).days,
                    options=options,
                    proposals=proposals,
                    **common,
                )
        return self._result(
            False,
            "expired",
            self.env._(
                "The warranty ended on %(end)s, %(since)s: the repair is charged.",
                end=fmt(unit_end),
                since=since,
            ),
            **common,
        )
