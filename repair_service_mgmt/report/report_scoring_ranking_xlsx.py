# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ReportScoringRankingXlsx(models.AbstractModel):
    """R-46: the whole ranking of a period, one row per outlet: rank,
    outlet, region, score, grade and each metric's value and points."""

    _name = "report.repair_service_mgmt.scoring_ranking_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Outlet Scoring Ranking XLSX"

    def generate_xlsx_report(self, workbook, data, periods):
        bold = workbook.add_format({"bold": True})
        number = workbook.add_format({"num_format": "0.00"})
        Line = self.env["repair.service.scoring.sheet.line"]
        metric_labels = dict(
            Line._fields["metric_code"]._description_selection(self.env)
        )
        for period in periods:
            ws = workbook.add_worksheet(period.name[:31])
            sheets = period.sheet_ids.sorted(
                lambda s: (not s.ranked, s.rank, -s.score, s.outlet_id.name or "")
            )
            # the metrics of the scheme, in order, then the violations
            metric_lines = sheets.line_ids.filtered(
                lambda line: line.indicator == "metric"
            )
            codes = []
            for line in metric_lines.sorted("sequence"):
                if line.metric_code not in codes:
                    codes.append(line.metric_code)
            header = [
                self.env._("Rank"),
                self.env._("Outlet"),
                self.env._("Region"),
                self.env._("Score"),
                self.env._("Grade"),
            ]
            for code in codes:
                header += [
                    self.env._(
                        "%(metric)s value", metric=metric_labels.get(code, code)
                    ),
                    self.env._(
                        "%(metric)s points", metric=metric_labels.get(code, code)
                    ),
                ]
            header += [self.env._("Violations"), self.env._("Deduction for Violations")]
            for col, title in enumerate(header):
                ws.write(0, col, title, bold)
            ws.freeze_panes(1, 2)
            ws.set_column(1, 1, 30)
            ws.set_column(2, len(header), 14)
            for row, sheet in enumerate(sheets, start=1):
                ws.write(row, 0, sheet.rank or "")
                ws.write(row, 1, sheet.outlet_id.name)
                ws.write(row, 2, sheet.region_id.name or "")
                if sheet.scored:
                    ws.write_number(row, 3, sheet.score, number)
                ws.write(row, 4, sheet.band_id.name or "")
                by_code = {
                    line.metric_code: line
                    for line in sheet.line_ids
                    if line.indicator == "metric"
                }
                col = 5
                for code in codes:
                    line = by_code.get(code)
                    if line:
                        ws.write_number(row, col, line.value, number)
                        ws.write_number(row, col + 1, line.points, number)
                    col += 2
                ws.write_number(row, col, sheet.violation_count)
                ws.write_number(row, col + 1, sheet.violation_deduction, number)
