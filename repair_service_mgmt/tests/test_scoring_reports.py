# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-46: the score card of an outlet (PDF) and the ranking of a period
(XLSX through OCA report_xlsx) show the figures of the sheets."""

import io

import openpyxl

from odoo.tests import tagged

from .common import M
from .test_scoring import ScoringCase


@tagged("post_install", "-at_install")
class TestScoringReports(ScoringCase):
    def test_r46_score_card_shows_the_figures(self):
        self._close()
        sheet = self._sheet(self.outlet_a)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(f"{M}.action_report_scoring_card", sheet.ids)[0]
            .decode()
        )
        self.assertIn(self.outlet_a.name, html)
        self.assertIn(self.period.name, html)
        self.assertIn(f"{sheet.score:.2f}", html)
        self.assertIn(f"{sheet.rank} / {sheet.ranked_count}", html)
        self.assertIn(sheet.band_id.name, html)
        for line in sheet.line_ids:
            self.assertIn(f"{line.value:.2f}", html)
            self.assertIn(str(line.definition).split("\n")[0][:40], html)
        for measure in sheet.measure_ids:
            self.assertIn(measure.note, html)
        # the PDF itself renders too (A4)
        report = self.env.ref(f"{M}.action_report_scoring_card")
        self.assertEqual(report.paperformat_id.format, "A4")

    def test_r46_ranking_xlsx_has_one_row_per_outlet(self):
        self._close()
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            f"{M}.scoring_ranking_xlsx", self.period.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        ws = book[self.period.name]
        rows = list(ws.iter_rows(values_only=True))
        header, body = rows[0], rows[1:]
        self.assertEqual(header[:5], ("Rank", "Outlet", "Region", "Score", "Grade"))
        self.assertEqual(len(body), len(self.period.sheet_ids))
        by_outlet = {row[1]: row for row in body}
        labels = dict(
            self.env["repair.service.scoring.sheet.line"]
            ._fields["metric_code"]
            ._description_selection(self.env)
        )
        for outlet in (self.outlet_a, self.outlet_b):
            sheet = self._sheet(outlet)
            row = by_outlet[outlet.name]
            self.assertEqual(row[0], sheet.rank)
            self.assertEqual(row[2] or False, sheet.region_id.name or False)
            self.assertAlmostEqual(row[3], sheet.score, places=2)
            self.assertEqual(row[4], sheet.band_id.name)
            for line in sheet.line_ids.filtered(lambda x: x.indicator == "metric"):
                col = header.index(f"{labels[line.metric_code]} value")
                self.assertAlmostEqual(row[col], line.value, places=2)
                self.assertAlmostEqual(row[col + 1], line.points, places=2)
        # ranked outlets first, by rank
        ranks = [row[0] for row in body if row[0] not in (None, "")]
        self.assertEqual(ranks, sorted(ranks))
        self.assertEqual(body[0][1], self.outlet_b.name)
