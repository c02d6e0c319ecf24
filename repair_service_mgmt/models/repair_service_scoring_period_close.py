# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-46: closing a scoring period — the figures of every outlet from the
records of the period, a constant number of queries whatever the number of
outlets (one per metric), then the sheets, their ranking, grades and
proposed measures, created or updated (never duplicated)."""

from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, fields, models
from odoo.tools import SQL, float_compare, float_round

# (metric, indicator) in the order of the sheet
FIGURES = (
    ("response", "deadlines_met"),
    ("response", "contact_median"),
    ("quality", "first_time_fix"),
    ("quality", "rework"),
    ("quality", "repeat_repair"),
    ("attitude", "attitude_complaints"),
    ("satisfaction", "mean_satisfaction"),
    ("satisfaction", "failed_checklist"),
)
METRICS = ("response", "quality", "attitude", "satisfaction")


def _round(value):
    return float_round(value, precision_digits=2)


def _share_points(numerator, denominator, inverse=False):
    if not denominator:
        return None
    share = 100.0 * numerator / denominator
    return 100.0 - share if inverse else share


class RepairServiceScoringPeriod(models.Model):
    _inherit = "repair.service.scoring.period"

    # ------------------------------------------------------------------
    # The figures: one query per metric for all outlets
    # ------------------------------------------------------------------
    def _bounds(self):
        """The period as UTC datetimes [start, end): its days in the time
        zone of the company (UTC when it has none)."""
        self.ensure_one()
        tz = pytz.timezone(self.company_id.partner_id.tz or "UTC")

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc(self.date_from), utc(self.date_to + timedelta(days=1))

    def _figures_response(self, outlet_ids):
        """{outlet: {indicator: (numerator, denominator, value)}}: deadlines
        met of the period's orders and their visits; median minutes from
        dispatch to first contact (SQL percentile_cont)."""
        start, end = self._bounds()
        policies = self.scheme_id.deadline_policy_ids
        figures = defaultdict(dict)
        self.env["repair.order"].flush_model(
            ["outlet_id", "dispatched_at", "customer_contacted_at", "company_id"]
        )
        self.env["repair.service.sla.line"].flush_model()
        self.env["repair.service.visit"].flush_model(["repair_id"])
        if policies:
            rows = self.env.execute_query(
                SQL(
                    """
                WITH lines AS (
                    SELECT l.state,
                           COALESCE(o.id, vo.id) AS order_id
                      FROM repair_service_sla_line l
                 LEFT JOIN repair_order o
                        ON l.res_model = 'repair.order' AND o.id = l.res_id
                 LEFT JOIN repair_service_visit v
                        ON l.res_model = 'repair.service.visit' AND v.id = l.res_id
                 LEFT JOIN repair_order vo ON vo.id = v.repair_id
                     WHERE l.policy_id IN %(policies)s
                       AND l.state IN ('met', 'breached')
                )
                SELECT ro.outlet_id,
                       COUNT(*) FILTER (WHERE lines.state = 'met'),
                       COUNT(*)
                  FROM lines
                  JOIN repair_order ro ON ro.id = lines.order_id
                 WHERE ro.outlet_id IN %(outlets)s
                   AND ro.company_id = %(company)s
                   AND ro.dispatched_at >= %(start)s AND ro.dispatched_at < %(end)s
              GROUP BY ro.outlet_id
                    """,
                    policies=tuple(policies.ids),
                    outlets=tuple(outlet_ids),
                    company=self.company_id.id,
                    start=start,
                    end=end,
                )
            )
            for outlet_id, met, concluded in rows:
                figures[outlet_id]["deadlines_met"] = (met, concluded, None)
        rows = self.env.execute_query(
            SQL(
                """
            SELECT outlet_id,
                   percentile_cont(0.5) WITHIN GROUP (
                       ORDER BY EXTRACT(
                           EPOCH FROM customer_contacted_at - dispatched_at
                       ) / 60
                   ),
                   COUNT(*) FILTER (WHERE customer_contacted_at IS NOT NULL),
                   COUNT(*)
              FROM repair_order
             WHERE outlet_id IN %(outlets)s
               AND company_id = %(company)s
               AND dispatched_at >= %(start)s AND dispatched_at < %(end)s
          GROUP BY outlet_id
                """,
                outlets=tuple(outlet_ids),
                company=self.company_id.id,
                start=start,
                end=end,
            )
        )
        for outlet_id, median, contacted, dispatched in rows:
            figures[outlet_id]["orders"] = dispatched
            if contacted:
                figures[outlet_id]["contact_median"] = (median, contacted, median)
        return figures

    def _figures_quality(self, outlet_ids):
        """Orders completed in the period: at the first visit and never
        reworked, reworked, and whose serial came back within the scheme's
        days."""
        start, end = self._bounds()
        self.env["repair.order"].flush_model(
            ["outlet_id", "completed_at", "rework_count", "lot_id", "state"]
        )
        self.env["repair.service.visit"].flush_model(["repair_id", "state"])
        rows = self.env.execute_query(
            SQL(
                """
            SELECT ro.outlet_id,
                   COUNT(*),
                   COUNT(*) FILTER (
                       WHERE COALESCE(ro.rework_count, 0) = 0
                         AND COALESCE(v.done_visits, 0) <= 1
                   ),
                   COUNT(*) FILTER (WHERE COALESCE(ro.rework_count, 0) > 0),
                   COUNT(*) FILTER (WHERE ro.lot_id IS NOT NULL),
                   COUNT(*) FILTER (
                       WHERE ro.lot_id IS NOT NULL AND EXISTS (
                           SELECT 1 FROM repair_order again
                            WHERE again.lot_id = ro.lot_id
                              AND again.id != ro.id
                              AND again.state != 'cancel'
                              AND again.create_date > ro.completed_at
                              AND again.create_date <= ro.completed_at
                                  + make_interval(days => %(days)s)
                       )
                   )
              FROM repair_order ro
         LEFT JOIN (
                    SELECT repair_id, COUNT(*) AS done_visits
                      FROM repair_service_visit
                     WHERE state = 'done'
                  GROUP BY repair_id
                   ) v ON v.repair_id = ro.id
             WHERE ro.outlet_id IN %(outlets)s
               AND ro.company_id = %(company)s
               AND ro.completed_at >= %(start)s AND ro.completed_at < %(end)s
          GROUP BY ro.outlet_id
                """,
                days=self.scheme_id.repeat_days,
                outlets=tuple(outlet_ids),
                company=self.company_id.id,
                start=start,
                end=end,
            )
        )
        figures = defaultdict(dict)
        for outlet_id, completed, first, reworked, serials, repeated in rows:
            figures[outlet_id]["first_time_fix"] = (first, completed, None)
            figures[outlet_id]["rework"] = (reworked, completed, None)
            figures[outlet_id]["repeat_repair"] = (repeated, serials, None)
        return figures

    def _figures_attitude(self, outlet_ids):
        """Valid complaints about the service attitude received in the
        period, per outlet (one grouped query; the orders dispatched are the
        denominator)."""
        start, end = self._bounds()
        groups = (
            self.env["repair.service.complaint"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("outlet_id", "in", list(outlet_ids)),
                    ("company_id", "=", self.company_id.id),
                    ("about_attitude", "=", True),
                    ("validity", "=", "valid"),
                    ("state", "!=", "cancelled"),
                    ("date", ">=", start),
                    ("date", "<", end),
                ],
                ["outlet_id"],
                ["__count"],
            )
        )
        figures = defaultdict(dict)
        for outlet, count in groups:
            figures[outlet.id]["attitude_complaints"] = (count, 0, None)
        return figures

    def _figures_satisfaction(self, outlet_ids):
        """Follow-up calls done in the period: their scores and those with
        a checklist answer “No”."""
        start, end = self._bounds()
        self.env["repair.service.followup"].flush_model(
            ["outlet_id", "state", "call_date", "satisfaction", "active"]
        )
        self.env["repair.service.followup.answer"].flush_model(
            ["followup_id", "answer"]
        )
        rows = self.env.execute_query(
            SQL(
                """
            SELECT f.outlet_id,
                   COUNT(*),
                   COALESCE(SUM(f.satisfaction::integer)
                            FILTER (WHERE f.satisfaction IS NOT NULL), 0),
                   COUNT(*) FILTER (WHERE f.satisfaction IS NOT NULL),
                   COUNT(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM repair_service_followup_answer a
                        WHERE a.followup_id = f.id AND a.answer = 'no'
                   ))
              FROM repair_service_followup f
             WHERE f.outlet_id IN %(outlets)s
               AND f.company_id = %(company)s
               AND f.active
               AND f.state = 'done'
               AND f.call_date >= %(start)s AND f.call_date < %(end)s
          GROUP BY f.outlet_id
                """,
                outlets=tuple(outlet_ids),
                company=self.company_id.id,
                start=start,
                end=end,
            )
        )
        figures = defaultdict(dict)
        for outlet_id, done, total, rated, failed in rows:
            if rated:
                figures[outlet_id]["mean_satisfaction"] = (total, rated, total / rated)
            figures[outlet_id]["failed_checklist"] = (failed, done, None)
        return figures

    def _figures_violations(self, outlet_ids):
        """{outlet: (count, fines)} of the violations of the period the CS
        centre confirmed."""
        groups = (
            self.env["repair.service.violation"]
            .sudo()
            ._read_group(
                [
                    ("outlet_id", "in", list(outlet_ids)),
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "confirmed"),
                    ("date", ">=", self.date_from),
                    ("date", "<=", self.date_to),
                ],
                ["outlet_id"],
                ["__count", "fine_amount:sum"],
            )
        )
        return {outlet.id: (count, fines) for outlet, count, fines in groups}

    # ------------------------------------------------------------------
    # Points
    # ------------------------------------------------------------------
    def _indicator_points(self, indicator, numerator, denominator, value):
        """The points (0–100) of a figure, None when not scored (see the
        definitions of the sheet lines)."""
        scheme = self.scheme_id
        if indicator in ("deadlines_met", "first_time_fix"):
            return _share_points(numerator, denominator)
        if indicator in ("rework", "repeat_repair", "failed_checklist"):
            return _share_points(numerator, denominator, inverse=True)
        if indicator == "contact_median":
            if not denominator:
                return None
            target = scheme.contact_target_minutes
            return max(0.0, min(100.0, 100.0 * (2 * target - value) / target))
        if indicator == "mean_satisfaction":
            if not denominator:
                return None
            return max(0.0, min(100.0, 100.0 * (value - 1.0) / 4.0))
        if indicator == "attitude_complaints":
            # per 100 orders dispatched; 2 or more per 100 orders: 0
            if not denominator:
                return None
            return max(0.0, 100.0 - 50.0 * 100.0 * numerator / denominator)
        return None

    def _indicator_param(self, indicator):
        scheme = self.scheme_id
        return {
            "contact_median": scheme.contact_target_minutes,
            "repeat_repair": scheme.repeat_days,
            "violations": scheme.violation_deduction,
        }.get(indicator, 0.0)

    def _outlet_result(self, figures, violations):
        """The lines and the sheet values of one outlet from its figures."""
        scheme = self.scheme_id
        metrics = {metric.code: metric for metric in scheme.metric_ids}
        lines, metric_points = [], {}
        for sequence, (metric_code, indicator) in enumerate(FIGURES, start=10):
            numerator, denominator, value = figures.get(indicator, (0, 0, None))
            if indicator == "attitude_complaints":
                denominator = figures.get("orders", 0)
            points = self._indicator_points(indicator, numerator, denominator, value)
            if value is None:
                value = _share_points(numerator, denominator) or 0.0
            lines.append(
                {
                    "sequence": sequence,
                    "metric_code": metric_code,
                    "indicator": indicator,
                    "numerator": _round(numerator or 0.0),
                    "denominator": _round(denominator or 0.0),
                    "value": _round(value),
                    "points": _round(points or 0.0),
                    "scored": points is not None,
                    "param": self._indicator_param(indicator),
                }
            )
            if points is not None:
                metric_points.setdefault(metric_code, []).append(points)
        score_parts, weights = 0.0, 0.0
        values = {}
        for index, code in enumerate(METRICS):
            metric = metrics.get(code)
            points = metric_points.get(code)
            average = sum(points) / len(points) if points else None
            values[f"{code}_score"] = _round(average or 0.0)
            if metric and average is not None and metric.weight:
                score_parts += metric.weight * average
                weights += metric.weight
            lines.append(
                {
                    "sequence": index,
                    "metric_code": code,
                    "indicator": "metric",
                    "metric_id": metric.id if metric else False,
                    "weight": metric.weight if metric else 0.0,
                    "numerator": 0.0,
                    "denominator": 0.0,
                    "value": _round(average or 0.0),
                    "points": _round(average or 0.0),
                    "scored": average is not None and bool(metric),
                    "param": 0.0,
                }
            )
        count, fines = violations
        deduction = count * scheme.violation_deduction
        lines.append(
            {
                "sequence": 100,
                "metric_code": "violations",
                "indicator": "violations",
                "numerator": float(count),
                "denominator": 0.0,
                "value": _round(fines),
                "points": _round(-deduction),
                "scored": bool(count),
                "param": scheme.violation_deduction,
            }
        )
        scored = bool(weights)
        score = max(0.0, score_parts / weights - deduction) if scored else 0.0
        values.update(
            {
                "scored": scored,
                "score": _round(score),
                "order_count": figures.get("orders", 0),
                "violation_count": count,
                "fine_amount": fines,
                "violation_deduction": _round(deduction),
            }
        )
        return values, lines

    # ------------------------------------------------------------------
    # The close
    # ------------------------------------------------------------------
    def _scored_outlets(self):
        return (
            self.env["repair.service.outlet"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "in", ("active", "suspended")),
                ]
            )
        )

    def _close(self):
        """Create or update one sheet per active outlet (as superuser, after
        the caller checked the role): re-running changes nothing."""
        self.ensure_one()
        self.scheme_id._check_weights_sum()
        outlets = self._scored_outlets()
        results = {}
        if outlets:
            figures = defaultdict(dict)
            for part in (
                self._figures_response(outlets.ids),
                self._figures_quality(outlets.ids),
                self._figures_attitude(outlets.ids),
                self._figures_satisfaction(outlets.ids),
            ):
                for outlet_id, values in part.items():
                    figures[outlet_id].update(values)
            violations = self._figures_violations(outlets.ids)
            for outlet in outlets:
                results[outlet.id] = self._outlet_result(
                    figures.get(outlet.id, {}), violations.get(outlet.id, (0, 0.0))
                )
        self._rank(results)
        self._write_sheets(results)
        # closed (again) now: a period scored before it ended is scored
        # again by the daily job once it has
        self._workflow_step().write(
            {"state": "closed", "closed_at": fields.Datetime.now()}
        )

    def _rank(self, results):
        """Competition ranking of the scored outlets (equal scores, equal
        rank), and the grade of each."""
        scored = sorted(
            (values["score"], outlet_id)
            for outlet_id, (values, _lines) in results.items()
            if values["scored"]
        )
        scored.reverse()
        rank, previous = 0, None
        for position, (score, outlet_id) in enumerate(scored, start=1):
            if previous is None or float_compare(score, previous, 2):
                rank, previous = position, score
            values = results[outlet_id][0]
            values["rank"] = rank
            values["ranked_count"] = len(scored)
            values["band_id"] = self.scheme_id._band_for(score).id or False
        for values, _lines in results.values():
            values.setdefault("rank", 0)
            values.setdefault("ranked_count", 0)
            values.setdefault("band_id", False)

    def _write_sheets(self, results):
        """New sheets with their figures in one create; existing ones
        updated where a value changed; then the measures of their grades."""
        Sheet = self.env["repair.service.scoring.sheet"].sudo()
        existing = {sheet.outlet_id.id: sheet for sheet in self.sheet_ids}
        Sheet.create(
            [
                {
                    "period_id": self.id,
                    "outlet_id": outlet_id,
                    "state": "proposed",
                    **values,
                    "line_ids": [Command.create(line) for line in lines],
                }
                for outlet_id, (values, lines) in results.items()
                if outlet_id not in existing
            ]
        )
        for outlet_id, sheet in existing.items():
            if outlet_id in results:
                values, lines = results[outlet_id]
                _write_changed(sheet, values)
                sheet._sync_lines(lines)
        self.invalidate_recordset(["sheet_ids"])
        self.sheet_ids.filtered(lambda s: s.outlet_id.id in results)._sync_measures()


def _write_changed(record, values):
    """Write the values that differ from the record's (nothing when all
    are equal: a re-run of the close leaves the records as they are)."""
    changed = {}
    for name, value in values.items():
        field = record._fields[name]
        current = record[name]
        if field.type == "many2one":
            current = current.id
        if field.type in ("float", "monetary"):
            if float_compare(current or 0.0, value or 0.0, precision_digits=2):
                changed[name] = value
        elif current != value:
            changed[name] = value
    if changed:
        record._workflow_step().write(changed)
