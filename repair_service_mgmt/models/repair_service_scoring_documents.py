# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-46: confirmed measures become real documents — a bonus a vendor bill
to the outlet, training / coaching / incentives an activity for the outlet
manager (closed by the measure's Done step), promotion / recognition a
message on the outlet, a violation review a draft violation for the CS
centre to decide (R-45: never a penalty by scoring alone)."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .repair_service_workflow_mixin import ALL_FIELDS

ACTIVITY_KINDS = ("training", "coaching", "incentive")
MESSAGE_KINDS = ("promotion", "recognition")
ACTIVITY_TYPE = "mail_activity_scoring_measure"


class RepairServiceScoringMeasure(models.Model):
    _inherit = "repair.service.scoring.measure"
    _workflow_fields = (
        "sheet_id",
        "band_measure_id",
        "kind",
        "amount",
        "note",
        "state",
        "move_id",
        "violation_id",
        "activity_id",
        "done_at",
        "done_by_id",
    )
    # a confirmed or done measure is kept as it was decided
    _workflow_locks = (([("state", "in", ("confirmed", "done"))], ALL_FIELDS),)

    state = fields.Selection(
        selection_add=[("done", "Done")], ondelete={"done": "set default"}
    )
    move_id = fields.Many2one(
        "account.move", string="Vendor Bill", readonly=True, copy=False, index=True
    )
    violation_id = fields.Many2one(
        "repair.service.violation",
        string="Violation Review",
        readonly=True,
        copy=False,
    )
    activity_id = fields.Many2one("mail.activity", readonly=True, copy=False)
    done_at = fields.Datetime(readonly=True, copy=False)
    done_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    can_mark_done = fields.Boolean(compute="_compute_can_mark_done")

    @api.depends("state", "kind")
    def _compute_can_mark_done(self):
        for measure in self:
            measure.can_mark_done = (
                measure.state == "confirmed" and measure.kind in ACTIVITY_KINDS
            )

    # ------------------------------------------------------------------
    # Documents, made at the period's confirm (as superuser)
    # ------------------------------------------------------------------
    def _make_documents(self):
        """The document of each confirmed measure that has none yet: a
        measure keeps its document and never gets a second one."""
        todo = self.filtered(lambda m: m.state == "confirmed")
        todo.filtered(lambda m: m.kind == "bonus" and not m.move_id)._make_bills()
        todo.filtered(
            lambda m: m.kind in ACTIVITY_KINDS and not m.activity_id
        )._make_activities()
        todo.filtered(lambda m: m.kind in MESSAGE_KINDS)._post_recognition()
        todo.filtered(
            lambda m: m.kind == "violation_review" and not m.violation_id
        )._make_violation_reviews()

    def _bonus_label(self):
        return self.env._("Scoring bonus %(period)s", period=self.period_id.name)

    def _make_bills(self):
        if not self:
            return
        product = self.env.ref("repair_service_mgmt.product_scoring_bonus")
        by_company = {}
        for measure in self:
            by_company.setdefault(measure.company_id, []).append(measure)
        for company, measures in by_company.items():
            vals_list = [
                {
                    "move_type": "in_invoice",
                    "partner_id": m.outlet_id.partner_id.commercial_partner_id.id,
                    "invoice_date": m.period_id.date_to,
                    "invoice_origin": m.sheet_id.display_name,
                    "ref": m._bonus_label(),
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "name": m._bonus_label(),
                                "quantity": 1,
                                "price_unit": m.amount,
                                "tax_ids": [fields.Command.clear()],
                            }
                        )
                    ],
                }
                for m in measures
            ]
            moves = (
                self.env["account.move"]
                .sudo()
                .with_company(company)
                .with_context(default_move_type="in_invoice")
                .create(vals_list)
            )
            for measure, move in zip(measures, moves, strict=True):
                measure._workflow_step().write({"move_id": move.id})

    def _make_activities(self):
        """One activity per measure for its outlet's manager, all created
        in one batch."""
        measures = self.filtered(lambda m: m.outlet_id.manager_id)
        if not measures:
            return
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        entries = [
            (
                measure.sheet_id,
                measure.outlet_id.manager_id,
                {
                    "summary": self.env._(
                        "%(kind)s: %(note)s",
                        kind=kinds[measure.kind],
                        note=measure.note or measure.period_id.name,
                    ),
                    "note": measure.note,
                },
            )
            for measure in measures
        ]
        activities = self.env["repair.service.scoring.sheet"]._activity_create(
            ACTIVITY_TYPE, entries
        )
        for measure, activity in zip(measures, activities, strict=True):
            measure._workflow_step().write({"activity_id": activity.id})

    def _post_recognition(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        now = fields.Datetime.now()
        for measure in self:
            measure.outlet_id.sudo().message_post(
                body=self.env._(
                    "%(kind)s for the period %(period)s (grade %(grade)s, "
                    "score %(score)s): %(note)s",
                    kind=kinds[measure.kind],
                    period=measure.period_id.name,
                    grade=measure.sheet_id.band_id.name or "",
                    score=round(measure.sheet_id.score, 2),
                    note=measure.note or "",
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        self._workflow_step().write(
            {"state": "done", "done_at": now, "done_by_id": self.env.uid}
        )

    def _make_violation_reviews(self):
        """A draft violation, no fine: the CS centre decides (R-45)."""
        if not self:
            return
        vals_list = [
            {
                "outlet_id": m.outlet_id.id,
                "company_id": m.company_id.id,
                "violation_type": "other",
                "penalty": "warning",
                "fine_amount": 0.0,
                "date": m.period_id.date_to,
                "description": self.env._(
                    "Review after the scoring period %(period)s: grade "
                    "%(grade)s, score %(score)s. Confirm a violation only if "
                    "one is found; otherwise cancel this review.",
                    period=m.period_id.name,
                    grade=m.sheet_id.band_id.name or "",
                    score=round(m.sheet_id.score, 2),
                ),
            }
            for m in self
        ]
        violations = self.env["repair.service.violation"].sudo().create(vals_list)
        for measure, violation in zip(self, violations, strict=True):
            measure._workflow_step().write({"violation_id": violation.id})

    # ------------------------------------------------------------------
    # The Done step: answers the activity
    # ------------------------------------------------------------------
    def action_done(self):
        """The outlet manager (or the CS-centre manager) marks a training,
        coaching or incentive done; its activity is closed with it."""
        self._check_can_mark_done()
        measures = self.sudo()
        activities = measures.activity_id.exists().filtered("active")
        measures._mark_done()
        if activities:
            activities.action_feedback(
                feedback=self.env._("Done, marked on the measure.")
            )
        return True

    def _check_can_mark_done(self):
        is_cs_manager = self.env.user.has_group("repair_service_mgmt.group_cs_manager")
        for measure in self:
            if not is_cs_manager and measure.outlet_id.manager_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the outlet's person in charge or the CS-centre "
                        "manager may mark the measure “%(measure)s” done.",
                        measure=measure.display_name,
                    )
                )
            if measure.state != "confirmed" or measure.kind not in ACTIVITY_KINDS:
                raise UserError(
                    self.env._(
                        "Only a confirmed training, coaching or incentive is "
                        "marked done; “%(measure)s” is not one.",
                        measure=measure.display_name,
                    )
                )

    def _mark_done(self):
        self._workflow_step().write(
            {
                "state": "done",
                "done_at": fields.Datetime.now(),
                "done_by_id": self.env.uid,
            }
        )


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """R-46: the activity of a measure marked done (activity list or
        chatter) marks the measure done, as its Done step would."""
        measures = (
            self.env["repair.service.scoring.measure"]
            .sudo()
            .search([("activity_id", "in", self.ids), ("state", "=", "confirmed")])
        )
        if measures:
            measures.with_env(self.env)._check_can_mark_done()
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        # as the Done step: written by the module, done by this user
        measures._mark_done()
        return result


class RepairServiceScoringSheet(models.Model):
    _name = "repair.service.scoring.sheet"
    _inherit = [
        "repair.service.scoring.sheet",
        "mail.activity.mixin",
        "repair.service.activity.mixin",
    ]

    bill_ids = fields.Many2many(
        "account.move", compute="_compute_bill_ids", string="Bonus Bills"
    )
    bill_count = fields.Integer(compute="_compute_bill_ids")

    @api.depends("measure_ids.move_id")
    def _compute_bill_ids(self):
        for sheet in self:
            sheet.bill_ids = sheet.sudo().measure_ids.move_id
            sheet.bill_count = len(sheet.bill_ids)

    def _confirm(self):
        res = super()._confirm()
        self.measure_ids._make_documents()
        return res

    def action_view_bills(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_in_invoice_type"
        )
        action["domain"] = [("id", "in", self.bill_ids.ids)]
        action["context"] = {"create": False, "default_move_type": "in_invoice"}
        if len(self.bill_ids) == 1:
            action["views"] = [(False, "form")]
            action["res_id"] = self.bill_ids.id
        return action
