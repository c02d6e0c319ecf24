# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models

MODULE = "repair_service_mgmt"
SHEET_READERS = f"{MODULE}.group_cs_agent,{MODULE}.group_quality"


def _sheet_counts(records, field):
    """Quality information sheets per record through ``field``, in one query
    (those the user may read)."""
    groups = records.env["repair.service.quality.sheet"]._read_group(
        [(field, "in", records.ids)], [field], ["__count"]
    )
    return {record.id: count for record, count in groups}


def _sheets_action(records, domain):
    action = records.env["ir.actions.act_window"]._for_xml_id(
        f"{MODULE}.repair_service_quality_sheet_action"
    )
    action["domain"] = domain
    action["context"] = {}
    return action


def _open_sheet(sheet):
    return {
        "type": "ir.actions.act_window",
        "res_model": "repair.service.quality.sheet",
        "res_id": sheet.id,
        "view_mode": "form",
        "views": [(False, "form")],
    }


class RepairServiceComplaint(models.Model):
    """R-36: from a complaint to its quality information sheets; a batch
    quality accident opens one by itself."""

    _inherit = "repair.service.complaint"

    quality_sheet_count = fields.Integer(
        compute="_compute_quality_sheet_count", groups=SHEET_READERS
    )

    def _compute_quality_sheet_count(self):
        counts = _sheet_counts(self, "complaint_ids")
        for complaint in self:
            complaint.quality_sheet_count = counts.get(complaint.id, 0)

    def action_view_quality_sheets(self):
        self.ensure_one()
        return _sheets_action(self, [("complaint_ids", "in", self.ids)])

    def action_create_quality_sheet(self):
        """A draft sheet filled from the complaint, opened for the CS agent."""
        self.ensure_one()
        Sheet = self.env["repair.service.quality.sheet"]
        Sheet._check_role(
            "group_cs_agent", self.env._("issue a quality information sheet")
        )
        sheet = Sheet.create(self._quality_sheet_values())
        return _open_sheet(sheet)

    def _quality_sheet_values(self):
        self.ensure_one()
        symptom = self.repair_ids.symptom_id[:1]
        if "batch_symptom_id" in self._fields and self.batch_symptom_id:
            symptom = self.batch_symptom_id
        product = self.product_id or self.repair_ids.product_id[:1]
        return {
            "company_id": self.company_id.id,
            "product_id": product.id,
            "lot_id": self.lot_id.id,
            "symptom_id": symptom.id,
            "description": self.description,
            "complaint_ids": [Command.set(self.ids)],
            "repair_ids": [Command.set(self.repair_ids.ids)],
        }

    @api.model
    def _cron_batch_quality_accidents(self):
        accidents = super()._cron_batch_quality_accidents()
        accidents._quality_sheet_for_batch()
        return accidents

    def _quality_sheet_for_batch(self):
        """R-34, R-36: each batch quality accident has one quality
        information sheet (representative defect), sent to the quality
        department; a re-run adds the new orders to it, never a second
        sheet."""
        accidents = self.filtered(
            lambda c: c.kind == "batch_quality" and c.product_id
        ).sudo()
        if not accidents:
            return self.env["repair.service.quality.sheet"]
        Sheet = self.env["repair.service.quality.sheet"].sudo()
        existing = Sheet.with_context(active_test=False).search(
            [("complaint_ids", "in", accidents.ids)]
        )
        sheet_of = {}
        for sheet in existing:
            for complaint in sheet.complaint_ids:
                sheet_of.setdefault(complaint.id, sheet)
        for accident in accidents:
            sheet = sheet_of.get(accident.id)
            if (
                sheet
                and sheet.state in ("draft", "sent")
                and (accident.repair_ids - sheet.repair_ids)
            ):
                sheet.write(
                    {
                        "repair_ids": [
                            Command.link(r.id)
                            for r in accident.repair_ids - sheet.repair_ids
                        ]
                    }
                )
        new = accidents.filtered(lambda c: c.id not in sheet_of)
        created = Sheet.create(
            [
                {**accident._quality_sheet_values(), "defect_type": "representative"}
                for accident in new
            ]
        )
        created.action_send()
        return created


class RepairOrder(models.Model):
    _inherit = "repair.order"

    quality_sheet_count = fields.Integer(
        compute="_compute_quality_sheet_count", groups=SHEET_READERS
    )

    def _compute_quality_sheet_count(self):
        counts = _sheet_counts(self, "repair_ids")
        for order in self:
            order.quality_sheet_count = counts.get(order.id, 0)

    def action_view_quality_sheets(self):
        self.ensure_one()
        return _sheets_action(self, [("repair_ids", "in", self.ids)])

    def action_create_quality_sheet(self):
        """A draft sheet filled from the order, opened for the CS agent."""
        self.ensure_one()
        Sheet = self.env["repair.service.quality.sheet"]
        Sheet._check_role(
            "group_cs_agent", self.env._("issue a quality information sheet")
        )
        complaints = self.env["repair.service.complaint"].search(
            [("repair_ids", "in", self.ids)]
        )
        sheet = Sheet.create(
            {
                "company_id": self.company_id.id,
                "product_id": self.product_id.id,
                "lot_id": self.lot_id.id,
                "symptom_id": self.symptom_id.id,
                "description": self.fault_description or self.name,
                "repair_ids": [Command.set(self.ids)],
                "complaint_ids": [Command.set(complaints.ids)],
            }
        )
        return _open_sheet(sheet)
