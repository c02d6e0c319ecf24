# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .repair_service_complaint import OPEN_STATES
from .repair_service_complaint import RepairServiceComplaint as ComplaintBase

MODULE = "repair_service_mgmt"


class RepairServiceComplaint(models.Model):
    """R-34 (S1 第十条 2): a batch quality accident found in the repairs.

    A scheduled action counts, in one grouped query, the repair orders per
    (product, lot, symptom) and, in another, the units delivered to customers
    per (product, lot) — per product where the product is not tracked by
    lots. A symptom repaired in at least the company's rate of the units sold,
    or in at least its number of units, raises ONE major complaint of kind
    "batch quality accident" per (product, lot, symptom): a re-run updates its
    counts. Once that complaint is closed, cancelled or judged invalid, its
    counts are the baseline: a new accident is raised only when the repairs
    and sales since then meet a threshold again."""

    _inherit = "repair.service.complaint"
    # the counts are the scheduled action's, never typed in
    _workflow_fields = (
        *ComplaintBase._workflow_fields,
        "batch_key",
        "batch_symptom_id",
        "batch_units_repaired",
        "batch_units_sold",
        "batch_rate",
        "batch_detected_at",
    )

    channel = fields.Selection(
        selection_add=[("detection", "Detected in Repairs")],
        ondelete={"detection": "set default"},
    )
    batch_key = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        help="Company, product, lot and symptom of a batch quality accident.",
    )
    batch_symptom_id = fields.Many2one(
        "repair.service.fault.code",
        readonly=True,
        copy=False,
        help="The symptom (fault code) repaired again and again in this batch.",
    )
    batch_units_repaired = fields.Integer(
        string="Units Repaired", readonly=True, copy=False
    )
    batch_units_sold = fields.Integer(string="Units Sold", readonly=True, copy=False)
    batch_rate = fields.Float(
        string="Repair Rate (%)",
        digits=(16, 2),
        readonly=True,
        copy=False,
        help="Units repaired for this symptom per 100 units sold.",
    )
    batch_detected_at = fields.Datetime(
        string="Last Counted", readonly=True, copy=False
    )

    def init(self):
        result = super().init()
        # one open accident per (company, product, lot, symptom)
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "repair_service_complaint_batch_key_open_uniq "
                "ON repair_service_complaint (batch_key) "
                "WHERE batch_key IS NOT NULL AND state IN %s",
                OPEN_STATES,
            )
        )
        return result

    # ------------------------------------------------------------------
    # Detection
    # ------------------------------------------------------------------
    @api.model
    def _batch_unit_key(self, product, lot):
        """Lot-tracked products are counted per lot, others per product."""
        return (product.id, lot.id if product.tracking == "lot" else False)

    @api.model
    def _batch_repair_counts(self):
        """{(company, product, lot, symptom): [units repaired, repair ids]}
        from one grouped query of the repair orders."""
        groups = (
            self.env["repair.order"]
            .sudo()
            ._read_group(
                [
                    ("symptom_id", "!=", False),
                    ("product_id", "!=", False),
                    ("state", "!=", "cancel"),
                ],
                ["company_id", "product_id", "lot_id", "symptom_id"],
                ["__count", "id:array_agg"],
            )
        )
        counts = defaultdict(lambda: [0, []])
        for company, product, lot, symptom, count, ids in groups:
            key = (company.id, *self._batch_unit_key(product, lot), symptom.id)
            counts[key][0] += count
            counts[key][1].extend(ids)
        return counts

    @api.model
    def _batch_sold_counts(self, product_ids):
        """{(company, product, lot): units delivered to customers} from one
        grouped query of the done move lines to a customer location."""
        groups = (
            self.env["stock.move.line"]
            .sudo()
            ._read_group(
                [
                    ("state", "=", "done"),
                    ("product_id", "in", list(product_ids)),
                    ("location_dest_id.usage", "=", "customer"),
                    ("location_id.usage", "!=", "customer"),
                ],
                ["company_id", "product_id", "lot_id"],
                ["quantity:sum"],
            )
        )
        sold = defaultdict(float)
        for company, product, lot, quantity in groups:
            sold[(company.id, *self._batch_unit_key(product, lot))] += quantity
        return sold

    @api.model
    def _batch_is_accident(self, company, repaired, sold):
        rate_limit = company.batch_accident_rate
        units_limit = company.batch_accident_units
        by_rate = rate_limit > 0 and sold > 0 and repaired * 100.0 >= rate_limit * sold
        by_units = units_limit > 0 and repaired >= units_limit
        return by_rate or by_units

    @api.model
    def _cron_batch_quality_accidents(self):
        """R-34: raise or update the batch quality accidents (set-based)."""
        repairs = self._batch_repair_counts()
        if not repairs:
            return self.browse()
        sold = self._batch_sold_counts({key[1] for key in repairs})
        companies = self.env["res.company"].sudo().browse({key[0] for key in repairs})
        company_of = {company.id: company for company in companies}
        figures = {}
        for key, (repaired, repair_ids) in repairs.items():
            company = company_of[key[0]]
            if not (
                company.batch_accident_rate > 0 or company.batch_accident_units > 0
            ):
                continue
            units_sold = int(sold.get(key[:3], 0))
            # a lower bound: the baseline of a finished accident only lowers it
            if self._batch_is_accident(company, repaired, units_sold):
                figures[self._batch_key_of(key)] = (
                    key,
                    repaired,
                    units_sold,
                    repair_ids,
                )
        if not figures:
            return self.browse()
        # states changed in this transaction count (the unique index reads them)
        self.flush_model(["state", "batch_key"])
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search([("batch_key", "in", list(figures))], order="id")
        )
        open_by_key = {}
        finished_by_key = {}
        for accident in existing:
            target = open_by_key if accident.state in OPEN_STATES else finished_by_key
            target[accident.batch_key] = accident  # the latest wins
        now = fields.Datetime.now()
        to_create = []
        touched = self.browse()
        for batch_key, (key, repaired, units_sold, repair_ids) in figures.items():
            company = company_of[key[0]]
            values = {
                "batch_units_repaired": repaired,
                "batch_units_sold": units_sold,
                "batch_rate": units_sold and repaired * 100.0 / units_sold,
                "batch_detected_at": now,
            }
            accident = open_by_key.get(batch_key)
            if accident:
                values["repair_ids"] = [fields.Command.set(repair_ids)]
                accident.write(values)
                touched |= accident
                continue
            previous = finished_by_key.get(batch_key)
            if previous:
                new_repaired = repaired - previous.batch_units_repaired
                new_sold = units_sold - previous.batch_units_sold
                if not self._batch_is_accident(company, new_repaired, new_sold):
                    continue
            to_create.append(self._batch_accident_values(key, values, repair_ids))
        created = self.sudo().create(to_create) if to_create else self.browse()
        created._batch_activity_start()
        return touched | created

    @api.model
    def _batch_key_of(self, key):
        company_id, product_id, lot_id, symptom_id = key
        return f"{company_id}-{product_id}-{lot_id or 0}-{symptom_id}"

    @api.model
    def _batch_accident_values(self, key, values, repair_ids):
        company_id, product_id, lot_id, symptom_id = key
        company = self.env["res.company"].browse(company_id)
        product = self.env["product.product"].browse(product_id)
        symptom = self.env["repair.service.fault.code"].browse(symptom_id)
        lot = self.env["stock.lot"].browse(lot_id)
        return {
            **values,
            "kind": "batch_quality",
            "channel": "detection",
            "company_id": company_id,
            "partner_id": company.partner_id.id,
            "product_id": product_id,
            "lot_id": lot_id or False,
            "batch_key": self._batch_key_of(key),
            "batch_symptom_id": symptom_id,
            # its deadlines run for the quality department, which appraises it
            "taker_id": self._batch_quality_user(company).id or self.env.uid,
            "repair_ids": [fields.Command.set(repair_ids)],
            "description": self.env._(
                "%(symptom)s repaired in %(repaired)s of %(sold)s units sold of "
                "%(product)s%(lot)s.",
                symptom=symptom.display_name,
                repaired=values["batch_units_repaired"],
                sold=values["batch_units_sold"],
                product=product.display_name,
                lot=lot and self.env._(", lot %(lot)s", lot=lot.name) or "",
            ),
        }

    @api.model
    def _batch_quality_user(self, company):
        quality = self.env.ref(f"{MODULE}.group_quality").sudo().users
        return quality.filtered(
            lambda u: u.active and not u.share and company in u.company_ids
        )[:1]

    def _batch_activity_start(self):
        """R-34: the quality department appraises the accident."""
        self._activity_start(
            "mail_activity_complaint_batch_accident",
            lambda c: c.taker_id.filtered(
                lambda u: u.has_group(f"{MODULE}.group_quality")
            ),
            summary=lambda c: self.env._(
                "Batch quality accident %(complaint)s: appraise it",
                complaint=c.name,
            ),
        )


class ResCompany(models.Model):
    _inherit = "res.company"

    # R-34 (S1 第十条 2): a batch quality accident from 5 % or 50 units
    batch_accident_rate = fields.Float(
        string="Batch Accident Rate (%)",
        default=5.0,
        help="The same symptom repaired in at least this share of the units "
        "sold of a product (or lot) is a batch quality accident. 0 disables it.",
    )
    batch_accident_units = fields.Integer(
        default=50,
        help="The same symptom repaired in at least this many units of a "
        "product (or lot) is a batch quality accident. 0 disables it.",
    )

    @api.constrains("batch_accident_rate", "batch_accident_units")
    def _check_batch_accident_thresholds(self):
        for company in self:
            if company.batch_accident_rate < 0 or company.batch_accident_units < 0:
                raise ValidationError(
                    self.env._(
                        "The batch accident thresholds cannot be negative; "
                        "0 disables one."
                    )
                )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    batch_accident_rate = fields.Float(
        related="company_id.batch_accident_rate", readonly=False
    )
    batch_accident_units = fields.Integer(
        related="company_id.batch_accident_units", readonly=False
    )
