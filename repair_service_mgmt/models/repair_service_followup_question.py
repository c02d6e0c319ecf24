# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RepairServiceFollowupQuestion(models.Model):
    """A question of the follow-up call's checklist: the seed's questions on
    the product and the technician's service are the defaults; the service
    administrator edits, orders or archives them."""

    _name = "repair.service.followup.question"
    _description = "Follow-up Question"
    _order = "sequence, id"

    name = fields.Char(string="Question", required=True, translate=True)
    description = fields.Text(
        translate=True, help="What the agent asks, or what the answer covers."
    )
    kind = fields.Selection(
        [("product", "The product"), ("service", "The service")],
        required=True,
        default="service",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
