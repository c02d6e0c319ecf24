# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-37 (S1 第十一条): the monthly complaint summary (顾客投诉汇总表) and the
quality information monthly report (质量信息月度报表), as XLSX workbooks
through OCA report_xlsx. Figures come from one grouped query each (GROUPING
SETS), never a query per complaint."""

from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

MODULE = "repair_service_mgmt"
REPORT_GROUPS = ("group_cs_manager", "group_quality")
# the dimensions of the complaint summary, in the order of its sheets
COMPLAINT_DIMENSIONS = ("kind", "channel", "outlet_id", "product_id")
SHEET_DIMENSIONS = ("defect_type", "product_id", "state")


def _check_report_access(env):
    if env.su or any(env.user.has_group(f"{MODULE}.{g}") for g in REPORT_GROUPS):
        return
    raise AccessError(
        env._(
            "Only the CS-centre managers and the quality department read the "
            "monthly complaint reports."
        )
    )


def _percent(met, missed):
    total = met + missed
    return round(met * 100.0 / total, 2) if total else None


class ReportComplaintMonthlyFigures(models.AbstractModel):
    """The figures of the monthly reports, shared by the workbooks, the
    scheduled mail and the tests."""

    _name = "report.repair_service_mgmt.complaint_monthly_figures"
    _description = "Monthly Complaint Report Figures"

    def _complaint_summary(self, company, date_from, date_to):
        """``{dimension: {value: row}}`` and ``totals`` for the complaints
        received in [date_from, date_to[ (UTC, archived ones left out); a
        row is ``{count, valid, invalid, pending, met, missed, met_pct}``;
        deadlines count the month's complaints' deadline lines: met, or
        missed (breached, or still running past their deadline)."""
        now = fields.Datetime.now()
        query = SQL(
            """
            WITH c AS (
                SELECT id, kind, channel, outlet_id, product_id, validity
                  FROM repair_service_complaint
                 WHERE company_id = %(company)s AND active
                   AND date >= %(date_from)s AND date < %(date_to)s
            ), l AS (
                SELECT l.res_id,
                       count(*) FILTER (WHERE l.state = 'met') AS met,
                       count(*) FILTER (
                           WHERE l.state = 'breached'
                              OR (l.state = 'running' AND l.deadline < %(now)s)
                       ) AS missed
                  FROM repair_service_sla_line l
                  JOIN c ON c.id = l.res_id
                 WHERE l.res_model = 'repair.service.complaint'
                 GROUP BY l.res_id
            )
            SELECT GROUPING(c.kind), GROUPING(c.channel), GROUPING(c.outlet_id),
                   GROUPING(c.product_id),
                   c.kind, c.channel, c.outlet_id, c.product_id,
                   count(*),
                   count(*) FILTER (WHERE c.validity = 'valid'),
                   count(*) FILTER (WHERE c.validity = 'invalid'),
                   coalesce(sum(l.met), 0), coalesce(sum(l.missed), 0)
              FROM c LEFT JOIN l ON l.res_id = c.id
             GROUP BY GROUPING SETS ((c.kind), (c.channel), (c.outlet_id),
                                     (c.product_id), ())
            """,
            company=company.id,
            date_from=date_from,
            date_to=date_to,
            now=now,
        )
        self.env.flush_all()
        self.env.cr.execute(query)
        result = {dimension: {} for dimension in COMPLAINT_DIMENSIONS}
        totals = self._row(0, 0, 0, 0, 0)
        for row in self.env.cr.fetchall():
            flags, values = row[:4], row[4:8]
            figures = self._row(*row[8:])
            grouped = [
                d
                for d, flag in zip(COMPLAINT_DIMENSIONS, flags, strict=True)
                if not flag
            ]
            if not grouped:
                totals = figures
                continue
            dimension = grouped[0]
            result[dimension][values[COMPLAINT_DIMENSIONS.index(dimension)]] = figures
        return result, totals

    def _row(self, count, valid, invalid, met, missed):
        return {
            "count": count,
            "valid": valid,
            "invalid": invalid,
            "pending": count - valid - invalid,
            "met": met,
            "missed": missed,
            "met_pct": _percent(met, missed),
        }

    def _quality_summary(self, company, date_from, date_to):
        """``{dimension: {value: row}}`` and ``totals`` for the quality
        information sheets issued in [date_from, date_to[; a row is
        ``{count, open, closed, cancelled, days}`` (days: the average days
        from sending to closing of the closed ones)."""
        query = SQL(
            """
            SELECT GROUPING(defect_type), GROUPING(product_id), GROUPING(state),
                   defect_type, product_id, state,
                   count(*),
                   count(*) FILTER (WHERE state IN ('draft', 'sent', 'analysed')),
                   count(*) FILTER (WHERE state = 'closed'),
                   count(*) FILTER (WHERE state = 'cancelled'),
                   avg(extract(epoch FROM closed_at - coalesce(sent_at, date))
                       / 86400.0) FILTER (WHERE state = 'closed')
              FROM repair_service_quality_sheet
             WHERE company_id = %(company)s AND active
               AND date >= %(date_from)s AND date < %(date_to)s
             GROUP BY GROUPING SETS ((defect_type), (product_id), (state), ())
            """,
            company=company.id,
            date_from=date_from,
            date_to=date_to,
        )
        self.env.flush_all()
        self.env.cr.execute(query)
        result = {dimension: {} for dimension in SHEET_DIMENSIONS}
        totals = self._sheet_row(0, 0, 0, 0, None)
        for row in self.env.cr.fetchall():
            flags, values = row[:3], row[3:6]
            figures = self._sheet_row(*row[6:])
            grouped = [
                d for d, flag in zip(SHEET_DIMENSIONS, flags, strict=True) if not flag
            ]
            if not grouped:
                totals = figures
                continue
            dimension = grouped[0]
            result[dimension][values[SHEET_DIMENSIONS.index(dimension)]] = figures
        return result, totals

    def _sheet_row(self, count, open_count, closed, cancelled, days):
        return {
            "count": count,
            "open": open_count,
            "closed": closed,
            "cancelled": cancelled,
            "days": round(float(days), 1) if days is not None else None,
        }


class ReportComplaintMonthlyXlsxMixin(models.AbstractModel):
    _name = "report.repair_service_mgmt.complaint_monthly_xlsx_mixin"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Complaint Report Layout"

    def _formats(self, workbook):
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "bold": workbook.add_format({"bold": True}),
            "number": workbook.add_format({"num_format": "0.00"}),
        }

    def _title(self, ws, formats, title, wizard):
        ws.write(0, 0, title, formats["title"])
        ws.write(1, 0, self.env._("Month"), formats["bold"])
        ws.write(1, 1, wizard.period_label)
        ws.write(2, 0, self.env._("Company"), formats["bold"])
        ws.write(2, 1, wizard.company_id.name)

    def _write_table(self, ws, formats, header, rows, start=0):
        for col, title in enumerate(header):
            ws.write(start, col, title, formats["bold"])
        ws.freeze_panes(start + 1, 1)
        ws.set_column(0, 0, 34)
        ws.set_column(1, len(header), 14)
        for row_index, row in enumerate(rows, start=start + 1):
            for col, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, float):
                    ws.write_number(row_index, col, value, formats["number"])
                else:
                    ws.write(row_index, col, value)

    def _labels(self, model, dimension, keys):
        """Readable labels of the values of a dimension: the selection's, or
        the records' names (one read for all)."""
        field = self.env[model]._fields[dimension]
        if field.type == "selection":
            return dict(field._description_selection(self.env))
        records = self.env[field.comodel_name].sudo().browse([k for k in keys if k])
        labels = {record.id: record.display_name for record in records}
        labels[None] = self.env._("None")
        return labels

    def _wizard(self, wizards):
        _check_report_access(self.env)
        wizard = wizards[:1]
        wizard.ensure_one()
        return wizard


class ReportComplaintSummaryXlsx(models.AbstractModel):
    """R-37: 顾客投诉汇总表, the complaints received in a month by kind,
    channel, outlet, product and validity, with the deadlines met."""

    _name = "report.repair_service_mgmt.complaint_summary_xlsx"
    _inherit = "report.repair_service_mgmt.complaint_monthly_xlsx_mixin"
    _description = "Complaint Summary XLSX"

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = self._wizard(wizards)
        formats = self._formats(workbook)
        figures, totals = self.env[
            "report.repair_service_mgmt.complaint_monthly_figures"
        ]._complaint_summary(wizard.company_id, wizard.date_from, wizard.date_to)
        ws = workbook.add_worksheet(self.env._("Summary")[:31])
        self._title(ws, formats, self.env._("Complaint Summary"), wizard)
        self._write_table(
            ws,
            formats,
            [self.env._("Figure"), self.env._("Value")],
            [
                (self.env._("Complaints"), totals["count"]),
                (self.env._("Valid"), totals["valid"]),
                (self.env._("Invalid"), totals["invalid"]),
                (self.env._("Not Judged Yet"), totals["pending"]),
                (self.env._("Deadlines Met"), totals["met"]),
                (self.env._("Deadlines Missed"), totals["missed"]),
                (self.env._("Deadlines Met (%)"), totals["met_pct"]),
            ],
            start=4,
        )
        header_tail = [
            self.env._("Complaints"),
            self.env._("Valid"),
            self.env._("Invalid"),
            self.env._("Not Judged Yet"),
            self.env._("Deadlines Met"),
            self.env._("Deadlines Missed"),
            self.env._("Deadlines Met (%)"),
        ]
        titles = {
            "kind": self.env._("By Kind"),
            "channel": self.env._("By Channel"),
            "outlet_id": self.env._("By Outlet"),
            "product_id": self.env._("By Product"),
        }
        heads = {
            "kind": self.env._("Kind"),
            "channel": self.env._("Channel"),
            "outlet_id": self.env._("Service Outlet"),
            "product_id": self.env._("Product"),
        }
        for dimension in COMPLAINT_DIMENSIONS:
            by_value = figures[dimension]
            labels = self._labels("repair.service.complaint", dimension, by_value)
            keys = list(by_value)
            if dimension in ("kind", "channel"):
                # every kind and channel, those without complaints too
                keys += [key for key in labels if key not in by_value]
            empty = self.env[
                "report.repair_service_mgmt.complaint_monthly_figures"
            ]._row(0, 0, 0, 0, 0)
            rows = []
            for key in sorted(
                keys,
                key=lambda k: (-by_value.get(k, empty)["count"], labels.get(k, "")),
            ):
                row = by_value.get(key, empty)
                rows.append(
                    (
                        labels.get(key, str(key)),
                        row["count"],
                        row["valid"],
                        row["invalid"],
                        row["pending"],
                        row["met"],
                        row["missed"],
                        row["met_pct"],
                    )
                )
            sheet = workbook.add_worksheet(titles[dimension][:31])
            self._write_table(sheet, formats, [heads[dimension], *header_tail], rows)


class ReportQualityMonthlyXlsx(models.AbstractModel):
    """R-37: 质量信息月度报表, the quality information sheets issued in a
    month by defect type, product and state, open or closed, with the days
    to close, and their list."""

    _name = "report.repair_service_mgmt.quality_monthly_xlsx"
    _inherit = "report.repair_service_mgmt.complaint_monthly_xlsx_mixin"
    _description = "Quality Information Monthly Report XLSX"

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = self._wizard(wizards)
        formats = self._formats(workbook)
        Figures = self.env["report.repair_service_mgmt.complaint_monthly_figures"]
        figures, totals = Figures._quality_summary(
            wizard.company_id, wizard.date_from, wizard.date_to
        )
        ws = workbook.add_worksheet(self.env._("Summary")[:31])
        self._title(
            ws, formats, self.env._("Quality Information Monthly Report"), wizard
        )
        self._write_table(
            ws,
            formats,
            [self.env._("Figure"), self.env._("Value")],
            [
                (self.env._("Sheets"), totals["count"]),
                (self.env._("Open"), totals["open"]),
                (self.env._("Closed"), totals["closed"]),
                (self.env._("Cancelled"), totals["cancelled"]),
                (self.env._("Average Days to Close"), totals["days"]),
            ],
            start=4,
        )
        header_tail = [
            self.env._("Sheets"),
            self.env._("Open"),
            self.env._("Closed"),
            self.env._("Cancelled"),
            self.env._("Average Days to Close"),
        ]
        titles = {
            "defect_type": self.env._("By Defect Type"),
            "product_id": self.env._("By Product"),
            "state": self.env._("By State"),
        }
        heads = {
            "defect_type": self.env._("Defect Type"),
            "product_id": self.env._("Product"),
            "state": self.env._("Status"),
        }
        for dimension in SHEET_DIMENSIONS:
            by_value = figures[dimension]
            labels = self._labels("repair.service.quality.sheet", dimension, by_value)
            keys = list(by_value)
            if dimension != "product_id":
                keys += [key for key in labels if key not in by_value]
            empty = Figures._sheet_row(0, 0, 0, 0, None)
            rows = []
            for key in sorted(
                keys,
                key=lambda k: (-by_value.get(k, empty)["count"], labels.get(k, "")),
            ):
                row = by_value.get(key, empty)
                rows.append(
                    (
                        labels.get(key, str(key)),
                        row["count"],
                        row["open"],
                        row["closed"],
                        row["cancelled"],
                        row["days"],
                    )
                )
            sheet = workbook.add_worksheet(titles[dimension][:31])
            self._write_table(sheet, formats, [heads[dimension], *header_tail], rows)
        self._sheet_list(workbook, formats, wizard)

    def _sheet_list(self, workbook, formats, wizard):
        Sheet = self.env["repair.service.quality.sheet"].sudo()
        sheets = Sheet.search_fetch(
            [
                ("company_id", "=", wizard.company_id.id),
                ("date", ">=", wizard.date_from),
                ("date", "<", wizard.date_to),
            ],
            [
                "name",
                "product_id",
                "lot_id",
                "defect_type",
                "state",
                "date",
                "sent_at",
                "closed_at",
            ],
            order="date, id",
        )
        defect = dict(Sheet._fields["defect_type"]._description_selection(self.env))
        state = dict(Sheet._fields["state"]._description_selection(self.env))
        ws = workbook.add_worksheet(self.env._("Sheets")[:31])
        rows = [
            (
                sheet.name,
                sheet.product_id.display_name,
                sheet.lot_id.name or "",
                defect.get(sheet.defect_type, ""),
                state.get(sheet.state, ""),
                fields.Datetime.to_string(sheet.date),
                fields.Datetime.to_string(sheet.closed_at) if sheet.closed_at else "",
                sheet.days_to_close if sheet.closed_at else None,
            )
            for sheet in sheets
        ]
        self._write_table(
            ws,
            formats,
            [
                self.env._("Reference"),
                self.env._("Product"),
                self.env._("Lot/Serial Number"),
                self.env._("Defect Type"),
                self.env._("Status"),
                self.env._("Issued On"),
                self.env._("Closed On"),
                self.env._("Days to Close"),
            ],
            rows,
        )
