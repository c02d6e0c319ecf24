# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may do what with every model of the module: one table, checked
against the access rights and the record rules."""

import base64
from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PDF, M, OutletCase

OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}
ROLES = (
    "technician",
    "outlet_staff",
    "outlet_manager",
    "cs_agent",
    "cs_supervisor",
    "cs_manager",
    "billing",
    "portal",
    "company2_manager",
)
# Core models the module only extends (``_inherit``): their access rights and
# rules are those of their own modules (the contacts' rules of this module
# are tested with the partners' privacy).
EXTENDED_CORE_MODELS = {
    "res.partner",
    "res.users",
    "res.company",
    "res.config.settings",
    "sale.order",
    "sale.order.line",
    "stock.move",
    "stock.lot",
    "account.move",
    "ir.attachment",
    "mail.activity",
    "mail.message",
    "mail.tracking.value",
    "tier.definition",
    "tier.review",
    # base_tier_validation's comment wizard: the complaints' reviewers answer
    # through it; its access rights are that module's
    "comment.wizard",
}

# THE ACCESS MATRIX
#
# Rows: every role of ROLES, for every model of the module.
#   technician, outlet_staff, outlet_manager: of outlet A;
#   cs_supervisor: supervisor of region East (outlet A's), not of North;
#   billing: account.group_account_invoice only;
#   portal: the customer of order A;
#   company2_manager: a CS-centre manager of the second company only.
# Columns: (ACL, A, B, C), each the operations allowed, among "rwcu" (read,
# write, create, unlink; "-": none):
#   ACL: has_access(operation) on the model (the access rights);
#   A, B, C: check_access(operation) passes on one record (access rights and
#   record rules), and for "r", search() finds it. The records are:
#     A  of outlet A (region East, first company),
#     B  of outlet B (region North, first company),
#     C  of outlet C (a region of the second company);
#   for configuration: A of the first company, B shared (no company), C of
#   the second company; regions: East, North and the second company's;
#   for wizards: A made by the user of the row, B by a colleague of the first
#   company, C by a colleague of the second company.
MATRIX = {
    # configuration: every employee reads the regions of their companies
    # (the application form and the outlet list show them): a supervisor is
    # limited to their regions' outlets, not to the list of regions
    "repair.service.region": {
        "technician": ("r", "r", "r", "-"),
        "outlet_staff": ("r", "r", "r", "-"),
        "outlet_manager": ("r", "r", "r", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "r", "-"),
        "cs_manager": ("rwc", "rwc", "rwc", "-"),
        "billing": ("r", "r", "r", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "-", "-", "rwc"),
    },
    "repair.service.outlet": {
        "technician": ("r", "r", "-", "-"),
        "outlet_staff": ("r", "r", "-", "-"),
        "outlet_manager": ("rw", "rw", "-", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("rw", "rw", "-", "-"),
        "cs_manager": ("rwc", "rwc", "rwc", "-"),
        # finance works from invoices and cash hand-ins, not outlet files
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "-", "-", "rwc"),
    },
    "repair.service.outlet.area": {
        "technician": ("r", "r", "-", "-"),
        "outlet_staff": ("r", "r", "-", "-"),
        "outlet_manager": ("rwcu", "rwcu", "-", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("rwcu", "rwcu", "-", "-"),
        "cs_manager": ("rwcu", "rwcu", "rwcu", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwcu", "-", "-", "rwcu"),
    },
    # configuration of the application review: the CS centre only (outlets
    # never see applications, not even their own renewal)
    "repair.service.document.type": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "r", "-"),
        "cs_manager": ("r", "r", "r", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "-", "r", "r"),
    },
    "repair.service.application": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("rwc", "rwc", "rwc", "-"),
        "cs_supervisor": ("rwc", "rwc", "-", "-"),
        "cs_manager": ("rwc", "rwc", "rwc", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "-", "-", "rwc"),
    },
    "repair.service.application.document": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("rwcu", "rwcu", "rwcu", "-"),
        "cs_supervisor": ("rwcu", "rwcu", "-", "-"),
        "cs_manager": ("rwcu", "rwcu", "rwcu", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwcu", "-", "-", "rwcu"),
    },
    "repair.service.inspection.criterion": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "r", "-"),
        "cs_manager": ("r", "r", "r", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "-", "r", "r"),
    },
    "repair.service.application.inspection.line": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("rw", "rw", "-", "-"),
        "cs_manager": ("rw", "rw", "rw", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rw", "-", "-", "rw"),
    },
    # the template is read only when an outlet is approved, by the server:
    # nobody but the service administrator needs it
    "repair.service.spare.template.line": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("-", "-", "-", "-"),
        "cs_supervisor": ("-", "-", "-", "-"),
        "cs_manager": ("-", "-", "-", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("-", "-", "-", "-"),
    },
    "repair.service.violation": {
        "technician": ("r", "r", "-", "-"),
        "outlet_staff": ("r", "r", "-", "-"),
        "outlet_manager": ("r", "r", "-", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("rwc", "rwc", "-", "-"),
        "cs_manager": ("rwcu", "rwcu", "rwcu", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwcu", "-", "-", "rwcu"),
    },
    # configuration read with the deadlines: every employee, within their
    # companies (billing users too: nothing in a policy is private)
    "repair.service.sla.policy": {
        "technician": ("r", "r", "r", "-"),
        "outlet_staff": ("r", "r", "r", "-"),
        "outlet_manager": ("r", "r", "r", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "r", "-"),
        "cs_manager": ("r", "r", "r", "-"),
        "billing": ("r", "r", "r", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "-", "r", "r"),
    },
    # a deadline line is readable when the order (or visit) it times is
    "repair.service.sla.line": {
        "technician": ("r", "r", "-", "-"),
        "outlet_staff": ("r", "r", "-", "-"),
        "outlet_manager": ("r", "r", "-", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "-", "-"),
        "cs_manager": ("r", "r", "r", "-"),
        # may read deadline lines, but no order: so none of them
        "billing": ("r", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "-", "-", "r"),
    },
    # the diagnosis catalogue: every employee who may read a repair order
    # sees its codes, within their companies
    "repair.service.fault.code": {
        "technician": ("r", "r", "r", "-"),
        "outlet_staff": ("r", "r", "r", "-"),
        "outlet_manager": ("r", "r", "r", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "r", "-"),
        "cs_manager": ("r", "r", "r", "-"),
        "billing": ("r", "r", "r", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "-", "r", "r"),
    },
    # the warranty configuration: every employee reads it
    # within their companies; the service administrator edits it
    "repair.warranty.component": {
        "technician": ("r", "r", "r", "-"),
        "outlet_staff": ("r", "r", "r", "-"),
        "outlet_manager": ("r", "r", "r", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "r", "-"),
        "cs_manager": ("r", "r", "r", "-"),
        "billing": ("r", "r", "r", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "-", "r", "r"),
    },
    "repair.warranty.exclusion.reason": {
        "technician": ("r", "r", "r", "-"),
        "outlet_staff": ("r", "r", "r", "-"),
        "outlet_manager": ("r", "r", "r", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "r", "-"),
        "cs_manager": ("r", "r", "r", "-"),
        "billing": ("r", "r", "r", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "-", "r", "r"),
    },
    "repair.warranty.policy": {
        "technician": ("r", "r", "r", "-"),
        "outlet_staff": ("r", "r", "r", "-"),
        "outlet_manager": ("r", "r", "r", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "r", "-"),
        "cs_manager": ("r", "r", "r", "-"),
        "billing": ("r", "r", "r", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "-", "r", "r"),
    },
    "repair.warranty.policy.component": {
        "technician": ("r", "r", "r", "-"),
        "outlet_staff": ("r", "r", "r", "-"),
        "outlet_manager": ("r", "r", "r", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "r", "-"),
        "cs_manager": ("r", "r", "r", "-"),
        "billing": ("r", "r", "r", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "-", "r", "r"),
    },
    # exclusions the technician found on an order: who works or
    # dispatches the order records them; the CS-centre manager removes them
    "repair.warranty.exclusion": {
        "technician": ("rwc", "rwc", "-", "-"),
        "outlet_staff": ("rwc", "rwc", "-", "-"),
        "outlet_manager": ("rwc", "rwc", "-", "-"),
        "cs_agent": ("rwc", "rwc", "rwc", "-"),
        "cs_supervisor": ("rwc", "rwc", "-", "-"),
        "cs_manager": ("rwcu", "rwcu", "rwcu", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwcu", "-", "-", "rwcu"),
    },
    # the outlet proposes returns/exchanges of its own outlet's orders;
    # the CS centre (agents, supervisors, managers) sees all of its company;
    # nobody deletes one (cancelled instead, kept for the audit)
    "repair.warranty.request": {
        "technician": ("rwc", "rwc", "-", "-"),
        "outlet_staff": ("rwc", "rwc", "-", "-"),
        "outlet_manager": ("rwc", "rwc", "-", "-"),
        "cs_agent": ("rwc", "rwc", "rwc", "-"),
        "cs_supervisor": ("rwc", "rwc", "rwc", "-"),
        "cs_manager": ("rwc", "rwc", "rwc", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "-", "-", "rwc"),
    },
    # core repair gives stock users every right on orders; deleting a
    # service order that is not a draft stops at the dispatcher check of the
    # cancellation it first goes through (a step, not an access right)
    "repair.order": {
        "technician": ("rwcu", "rwcu", "-", "-"),
        "outlet_staff": ("rwcu", "rwcu", "-", "-"),
        "outlet_manager": ("rwcu", "rwcu", "-", "-"),
        "cs_agent": ("rwcu", "rwcu", "rwcu", "-"),
        "cs_supervisor": ("rwcu", "rwcu", "-", "-"),
        "cs_manager": ("rwcu", "rwcu", "rwcu", "-"),
        "billing": ("-", "-", "-", "-"),
        # the portal shows the customer's orders through its pages: over RPC
        # a portal user reads no order record
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwcu", "-", "-", "rwcu"),
    },
    "repair.service.visit": {
        "technician": ("rwc", "rwc", "-", "-"),
        "outlet_staff": ("rwc", "rwc", "-", "-"),
        "outlet_manager": ("rwc", "rwc", "-", "-"),
        "cs_agent": ("rwc", "rwc", "rwc", "-"),
        "cs_supervisor": ("rwc", "rwc", "-", "-"),
        "cs_manager": ("rwc", "rwc", "rwc", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "-", "-", "rwc"),
    },
    "repair.service.followup": {
        "technician": ("r", "r", "-", "-"),
        "outlet_staff": ("r", "r", "-", "-"),
        "outlet_manager": ("r", "r", "-", "-"),
        "cs_agent": ("rwc", "rwc", "rwc", "-"),
        "cs_supervisor": ("rwc", "rwc", "-", "-"),
        "cs_manager": ("rwc", "rwc", "rwc", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "-", "-", "rwc"),
    },
    # the checklist's questions: configuration every employee reads (no
    # company: the brand's questions)
    "repair.service.followup.question": {
        "technician": ("r", "r", "r", "r"),
        "outlet_staff": ("r", "r", "r", "r"),
        "outlet_manager": ("r", "r", "r", "r"),
        "cs_agent": ("r", "r", "r", "r"),
        "cs_supervisor": ("r", "r", "r", "r"),
        "cs_manager": ("r", "r", "r", "r"),
        "billing": ("r", "r", "r", "r"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "r", "r", "r"),
    },
    # the answers go with their call; the CS centre records them (never
    # creates or deletes them: the call makes its lines)
    "repair.service.followup.answer": {
        "technician": ("r", "r", "-", "-"),
        "outlet_staff": ("r", "r", "-", "-"),
        "outlet_manager": ("r", "r", "-", "-"),
        "cs_agent": ("rw", "rw", "rw", "-"),
        "cs_supervisor": ("rw", "rw", "-", "-"),
        "cs_manager": ("rw", "rw", "rw", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rw", "-", "-", "rw"),
    },
    # cash is the outlets' and finance's business: a CS agent has no part
    # in it, supervisors and the CS centre follow it read-only; finance
    # receives the hand-ins of every outlet of its companies
    "repair.service.cash.collection": {
        "technician": ("rwc", "rwc", "-", "-"),
        "outlet_staff": ("rwc", "rwc", "-", "-"),
        "outlet_manager": ("rwc", "rwc", "-", "-"),
        "cs_agent": ("-", "-", "-", "-"),
        "cs_supervisor": ("r", "r", "-", "-"),
        "cs_manager": ("r", "r", "r", "-"),
        "billing": ("rw", "rw", "rw", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("r", "-", "-", "r"),
    },
    # wizards: each is its creator's
    "repair.order.dispatch.wizard": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("rwc", "rwc", "-", "-"),
        "cs_supervisor": ("rwc", "rwc", "-", "-"),
        "cs_manager": ("rwc", "rwc", "-", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "rwc", "-", "-"),
    },
    "repair.order.signature.wizard": {
        "technician": ("rwc", "rwc", "-", "-"),
        "outlet_staff": ("rwc", "rwc", "-", "-"),
        "outlet_manager": ("rwc", "rwc", "-", "-"),
        "cs_agent": ("rwc", "rwc", "-", "-"),
        "cs_supervisor": ("rwc", "rwc", "-", "-"),
        "cs_manager": ("rwc", "rwc", "-", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "rwc", "-", "-"),
    },
    "repair.order.warranty.wizard": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("-", "-", "-", "-"),
        "cs_supervisor": ("-", "-", "-", "-"),
        "cs_manager": ("rwc", "rwc", "-", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "rwc", "-", "-"),
    },
    "repair.service.application.reject.wizard": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("-", "-", "-", "-"),
        "cs_supervisor": ("-", "-", "-", "-"),
        "cs_manager": ("rwc", "rwc", "-", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "rwc", "-", "-"),
    },
    "repair.service.outlet.suspend.wizard": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("-", "-", "-", "-"),
        "cs_supervisor": ("-", "-", "-", "-"),
        "cs_manager": ("rwc", "rwc", "-", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "rwc", "-", "-"),
    },
    # complaints are the CS centre's record (supervisors: their
    # region's); the outlets read those about them; customers follow theirs
    # on the portal (no access right: the controller shows their own); none
    # is deleted (cancelled or archived), not even by a CS-centre manager
    "repair.service.complaint": {
        "technician": ("r", "r", "-", "-"),
        "outlet_staff": ("r", "r", "-", "-"),
        "outlet_manager": ("r", "r", "-", "-"),
        "cs_agent": ("rwc", "rwc", "rwc", "-"),
        "cs_supervisor": ("rwc", "rwc", "-", "-"),
        "cs_manager": ("rwc", "rwc", "rwc", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "-", "-", "rwc"),
    },
    # quality information sheets are the CS centre's and the quality
    # department's (all of their companies); outlet roles have none
    "repair.service.quality.sheet": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("rwc", "rwc", "rwc", "-"),
        "cs_supervisor": ("rwc", "rwc", "rwc", "-"),
        "cs_manager": ("rwc", "rwc", "rwc", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "-", "-", "rwc"),
    },
    # the monthly reports: CS-centre managers (and the quality
    # department), each their own wizard
    "repair.service.complaint.report.wizard": {
        "technician": ("-", "-", "-", "-"),
        "outlet_staff": ("-", "-", "-", "-"),
        "outlet_manager": ("-", "-", "-", "-"),
        "cs_agent": ("-", "-", "-", "-"),
        "cs_supervisor": ("-", "-", "-", "-"),
        "cs_manager": ("rwc", "rwc", "-", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "rwc", "-", "-"),
    },
    # corrective actions. Every employee may own one: they read and
    # write their own (the result; the steps check the rest); an outlet
    # manager those of their outlet and sets them; the CS centre those of
    # its company (supervisors: their regions'); none deleted (cancelled).
    # A: owned by outlet A's technician; B: by outlet B's.
    "repair.service.corrective.action": {
        "technician": ("rw", "rw", "-", "-"),
        "outlet_staff": ("rw", "-", "-", "-"),
        "outlet_manager": ("rwc", "rwc", "-", "-"),
        "cs_agent": ("rwc", "rwc", "rwc", "-"),
        "cs_supervisor": ("rwc", "rwc", "-", "-"),
        "cs_manager": ("rwc", "rwc", "rwc", "-"),
        "billing": ("rw", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "-", "-", "rwc"),
    },
    # R-46 scoring. Configuration: every employee reads the scheme (the
    # sheets show its definitions); the CS-centre manager sets it up. A is
    # the first company's scheme, B the shared one, C the second company's.
    **{
        model: {
            "technician": ("r", "r", "r", "-"),
            "outlet_staff": ("r", "r", "r", "-"),
            "outlet_manager": ("r", "r", "r", "-"),
            "cs_agent": ("r", "r", "r", "-"),
            "cs_supervisor": ("r", "r", "r", "-"),
            "cs_manager": (ops, ops, ops, "-"),
            "billing": ("r", "r", "r", "-"),
            "portal": ("-", "-", "-", "-"),
            "company2_manager": (ops, "-", ops, ops),
        }
        for model, ops in (
            # a scheme is archived, never deleted; its lines are edited
            ("repair.service.scoring.scheme", "rwc"),
            ("repair.service.scoring.metric", "rwcu"),
            ("repair.service.scoring.band", "rwcu"),
            ("repair.service.scoring.band.measure", "rwcu"),
        )
    },
    # periods (A, B of the first company, C of the second): read by the
    # outlets and the CS centre, closed and confirmed by the CS-centre
    # manager (buttons), never deleted
    "repair.service.scoring.period": {
        "technician": ("r", "r", "r", "-"),
        "outlet_staff": ("r", "r", "r", "-"),
        "outlet_manager": ("r", "r", "r", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "r", "-"),
        "cs_manager": ("rwc", "rwc", "rwc", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rwc", "-", "-", "rwc"),
    },
    # score sheets: the outlet's people read their own outlet's only (never
    # another outlet's figures); supervisors their region; the CS centre
    # all; made by the close, nobody creates or deletes one; the CS-centre
    # manager writes (the chatter: figures are guarded by the workflow)
    "repair.service.scoring.sheet": {
        "technician": ("r", "r", "-", "-"),
        "outlet_staff": ("r", "r", "-", "-"),
        "outlet_manager": ("r", "r", "-", "-"),
        "cs_agent": ("r", "r", "r", "-"),
        "cs_supervisor": ("r", "r", "-", "-"),
        "cs_manager": ("rw", "rw", "rw", "-"),
        "billing": ("-", "-", "-", "-"),
        "portal": ("-", "-", "-", "-"),
        "company2_manager": ("rw", "-", "-", "rw"),
    },
    # their figures and measures: read only, as the sheet
    **{
        model: {
            "technician": ("r", "r", "-", "-"),
            "outlet_staff": ("r", "r", "-", "-"),
            "outlet_manager": ("r", "r", "-", "-"),
            "cs_agent": ("r", "r", "r", "-"),
            "cs_supervisor": ("r", "r", "-", "-"),
            "cs_manager": ("r", "r", "r", "-"),
            "billing": ("-", "-", "-", "-"),
            "portal": ("-", "-", "-", "-"),
            "company2_manager": ("r", "-", "-", "r"),
        }
        for model in (
            "repair.service.scoring.sheet.line",
            "repair.service.scoring.measure",
        )
    },
}

WIZARDS = {
    "repair.order.dispatch.wizard",
    "repair.order.signature.wizard",
    "repair.order.warranty.wizard",
    "repair.service.application.reject.wizard",
    "repair.service.outlet.suspend.wizard",
    "repair.service.complaint.report.wizard",
}
# a 1×1 PNG: signatures and completion photos
PNG = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
)


@tagged("post_install", "-at_install")
class TestAccessMatrix(OutletCase):
    """MATRIX above, for every model, role, operation and record; and the
    table has a row for every model of the module."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company1 = cls.env.company
        cls.company2 = cls.env["res.company"].create({"name": "Matrix Second Co"})
        user = cls._user
        cls.outlet_manager = user("m_om_a", f"{M}.group_outlet_manager")
        cls.billing = user("m_billing", "account.group_account_invoice")
        cls.portal = user("m_portal", "base.group_portal")
        cls.tech_c = user("m_tech_c", f"{M}.group_technician", cls.company2)
        cls.agent2 = user("m_agent2", f"{M}.group_cs_agent", cls.company2)
        cls.supervisor2 = user("m_sup2", f"{M}.group_cs_supervisor", cls.company2)
        cls.company2_manager = user("m_csm2", f"{M}.group_cs_manager", cls.company2)
        cls.users = {
            "technician": cls.tech_a,
            "outlet_staff": cls.staff_a,
            "outlet_manager": cls.outlet_manager,
            "cs_agent": cls.agent,
            "cs_supervisor": cls.supervisor,
            "cs_manager": cls.manager,
            "billing": cls.billing,
            "portal": cls.portal,
            "company2_manager": cls.company2_manager,
        }
        cls.product = cls.env["product.product"].create({"name": "Matrix fridge"})

        # outlets A and B of the first company, C of the second, each
        # certified through its application
        cls.outlet_a = cls._approved_outlet(
            "Matrix Outlet A",
            technicians=cls.tech_a,
            staff=cls.staff_a | cls.outlet_manager,
            manager_id=cls.outlet_manager.id,
        )
        cls.outlet_b = cls._approved_outlet(
            "Matrix Outlet B", region=cls.north, technicians=cls.tech_b
        )
        cls.region_c, cls.outlet_c = cls._second_company_outlet()

        # an order of each outlet, taken by the CS centre, dispatched,
        # visited, cash collected, repaired, accepted; then its follow-up
        cls.order_a = cls._service_order(
            cls.agent, cls.outlet_a, cls.tech_a, cls.portal.partner_id
        )
        cls.order_b = cls._service_order(cls.agent, cls.outlet_b, cls.tech_b)
        cls.order_c = cls._service_order(cls.agent2, cls.outlet_c, cls.tech_c)
        cls.env["repair.service.followup"]._cron_create_followups()
        orders = (cls.order_a, cls.order_b, cls.order_c)
        outlets = (cls.outlet_a, cls.outlet_b, cls.outlet_c)
        applications = tuple(outlet.application_ids[:1] for outlet in outlets)
        contact = cls.env.ref(f"{M}.sla_policy_contact_customer")
        violation = cls.env["repair.service.violation"]
        cls.records = {
            "repair.service.region": (cls.east, cls.north, cls.region_c),
            "repair.service.outlet": outlets,
            "repair.service.outlet.area": tuple(o.area_ids[:1] for o in outlets),
            "repair.service.application": applications,
            "repair.service.application.document": tuple(
                a.document_ids[:1] for a in applications
            ),
            "repair.service.application.inspection.line": tuple(
                a.inspection_line_ids[:1] for a in applications
            ),
            "repair.service.violation": tuple(
                violation.with_user(manager).create(
                    {
                        "outlet_id": outlet.id,
                        "violation_type": "missed_appointment",
                        "description": "Came a day late",
                    }
                )
                for outlet, manager in zip(
                    outlets,
                    (cls.manager, cls.manager, cls.company2_manager),
                    strict=True,
                )
            ),
            "repair.service.sla.line": tuple(
                o.sla_line_ids.filtered(lambda line: line.policy_id == contact)
                for o in orders
            ),
            "repair.order": orders,
            "repair.service.visit": tuple(o.visit_ids[:1] for o in orders),
            "repair.service.followup": tuple(o.followup_ids for o in orders),
            "repair.service.followup.answer": tuple(
                o.followup_ids.answer_ids[:1] for o in orders
            ),
            "repair.service.followup.question": tuple(
                cls.env.ref(f"{M}.followup_question_{name}")
                for name in ("product_works", "appearance", "fees")
            ),
            "repair.service.cash.collection": tuple(
                cls.env["repair.service.cash.collection"].search(
                    [("repair_id", "=", o.id)]
                )
                for o in orders
            ),
            **cls._configuration(),
        }
        cls.records["repair.warranty.policy.component"] = tuple(
            policy.component_ids for policy in cls.records["repair.warranty.policy"]
        )
        cls.records["repair.warranty.exclusion"] = tuple(
            cls.env["repair.warranty.exclusion"].create(
                {
                    "repair_id": order.id,
                    "reason_id": cls.env.ref(f"{M}.warranty_exclusion_misuse").id,
                }
            )
            for order in orders
        )
        cls.records["repair.warranty.request"] = tuple(
            cls.env["repair.warranty.request"].create({"repair_id": order.id})
            for order in orders
        )
        cls.records["repair.service.complaint"] = tuple(
            cls.env["repair.service.complaint"].create(
                {
                    "partner_id": order.partner_id.id,
                    "outlet_id": outlet.id,
                    "repair_ids": [Command.set(order.ids)],
                    "description": "Matrix complaint",
                    "company_id": outlet.company_id.id,
                }
            )
            for order, outlet in zip(orders, outlets, strict=True)
        )
        cls.records["repair.service.quality.sheet"] = tuple(
            cls.env["repair.service.quality.sheet"].create(
                {
                    "product_id": order.product_id.id,
                    "description": "Matrix sheet",
                    "repair_ids": [Command.set(order.ids)],
                    "company_id": order.company_id.id,
                }
            )
            for order in orders
        )

        cls.records["repair.service.corrective.action"] = cls._corrective_actions()
        cls.records.update(cls._scoring_records())
        cls.wizards = cls._wizards()

    # ------------------------------------------------------------------
    # Fixtures
    # ------------------------------------------------------------------
    @classmethod
    def _user(cls, login, group, company=None):
        company = company or cls.env.company
        return new_test_user(
            cls.env,
            login,
            groups=group,
            email=f"{login}@example.com",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )

    @classmethod
    def _second_company_outlet(cls):
        """The second company's outlet, certified by its own CS centre."""
        agent, supervisor = cls.agent2, cls.supervisor2
        region = (
            cls.env["repair.service.region"]
            .with_user(cls.company2_manager)
            .create(
                {
                    "name": "West",
                    "code": "TW",
                    "supervisor_ids": [Command.link(supervisor.id)],
                }
            )
        )
        application = (
            cls.env["repair.service.application"]
            .with_user(agent)
            .create(
                {
                    "outlet_name": "Matrix Outlet C",
                    "region_id": region.id,
                    "contact_name": "Wang Fang",
                    "phone": "+86 28 5555 0102",
                    "email": "wang.fang@example.com",
                    "city": "Chengdu",
                }
            )
        )
        for line in application.document_ids.with_user(agent):
            attachment = (
                cls.env["ir.attachment"]
                .with_user(agent)
                .create(
                    {
                        "name": f"{line.document_type_id.code}.pdf",
                        "datas": PDF,
                        "res_model": application._name,
                        "res_id": application.id,
                    }
                )
            )
            line.attachment_ids = [Command.link(attachment.id)]
        application.with_user(agent).action_submit()
        application.with_user(agent).action_start_review()
        application.document_ids.with_user(agent).action_mark_valid()
        application.with_user(agent).action_pass_review()
        inspected = application.with_user(supervisor)
        inspected.inspection_date = "2026-11-20"
        for line in inspected.inspection_line_ids:
            line.score = 20.0
        inspected.action_complete_inspection()
        application.with_user(cls.company2_manager).action_approve()
        outlet = application.outlet_id
        outlet.sudo().technician_ids = [Command.link(cls.tech_c.id)]
        return region, outlet

    @classmethod
    def _service_order(cls, agent, outlet, technician, customer=None):
        """An order taken and dispatched by ``agent``, visited, paid in cash,
        diagnosed, agreed, repaired and accepted with ``technician``."""
        customer = customer or cls.env["res.partner"].create({"name": "Matrix"})
        order = (
            cls.env["repair.order"]
            .with_user(agent)
            .create(
                {
                    "partner_id": customer.id,
                    "product_id": cls.product.id,
                    "fault_description": "Does not cool",
                }
            )
        )
        order._dispatch(outlet, technician)
        order = order.with_user(technician)
        order.action_customer_contacted()
        start = datetime.now().replace(microsecond=0) + timedelta(days=1)
        cls.env["repair.service.visit"].with_user(technician).create(
            {
                "repair_id": order.id,
                "planned_start": start,
                "planned_stop": start + timedelta(hours=2),
            }
        )
        # cash is collected against the invoice; the second company has no
        # accounting here: its collection is recorded by superuser code
        cls.env["repair.service.cash.collection"].sudo().create(
            {"repair_id": order.id, "amount": 80.0, "technician_id": technician.id}
        )
        order.write(
            {
                "symptom_id": cls.env.ref(f"{M}.fault_symptom_no_cooling").id,
                "cause_id": cls.env.ref(f"{M}.fault_cause_fan_motor").id,
                "diagnosis": "Fan motor worn",
                "repair_plan": "Replace the fan motor",
            }
        )
        order.action_record_consent("Customer", "signature", signature=PNG)
        order.action_validate()
        order.action_repair_start()
        photo = cls.env["ir.attachment"].create(
            {"name": "after.png", "datas": PNG, "res_model": "repair.order"}
        )
        order.write(
            {
                "function_test_done": True,
                "serial_scanned": "SN-MATRIX",
                "completion_photo_ids": [Command.link(photo.id)],
            }
        )
        order.action_record_acceptance("Customer", signature=PNG)
        return order.with_env(cls.env)

    @classmethod
    def _configuration(cls):
        """Configuration records: (first company, shared, second company)."""
        companies = (cls.company1, cls.env["res.company"], cls.company2)

        def three(model, values, shared_xmlid=None):
            Model = cls.env[model]
            records = [
                Model.create(dict(values(index), company_id=company.id))
                for index, company in enumerate(companies)
            ]
            if shared_xmlid:
                records[1] = cls.env.ref(f"{M}.{shared_xmlid}")
            return tuple(records)

        violation_model = cls.env["ir.model"]._get_id("repair.service.violation")
        return {
            # never starts: these policies only stand for their company
            "repair.service.sla.policy": three(
                "repair.service.sla.policy",
                lambda i: {
                    "name": f"Matrix policy {i}",
                    "model_id": violation_model,
                    "start_domain": "[('id', '=', 0)]",
                    "target_domain": "[('id', '=', 0)]",
                    "hours": 1,
                },
                "sla_policy_contact_customer",
            ),
            "repair.service.fault.code": three(
                "repair.service.fault.code",
                lambda i: {"code": f"MX{i}", "name": f"Matrix fault {i}"},
                "fault_symptom_no_power",
            ),
            "repair.service.document.type": three(
                "repair.service.document.type",
                lambda i: {"code": f"matrix_{i}", "name": "Matrix", "required": False},
                "document_type_business_licence",
            ),
            "repair.service.inspection.criterion": three(
                "repair.service.inspection.criterion",
                lambda i: {"name": f"Matrix criterion {i}"},
                "criterion_service_quality",
            ),
            "repair.warranty.component": three(
                "repair.warranty.component",
                lambda i: {"name": f"Matrix component {i}"},
            ),
            "repair.warranty.exclusion.reason": three(
                "repair.warranty.exclusion.reason",
                lambda i: {"name": f"Matrix exclusion {i}"},
            ),
            "repair.warranty.policy": three(
                "repair.warranty.policy",
                lambda i: {
                    "name": f"Matrix policy {i}",
                    "component_ids": [
                        Command.create(
                            {
                                "component_id": cls.env.ref(
                                    f"{M}.warranty_component_motor"
                                ).id
                            }
                        )
                    ],
                },
            ),
            "repair.service.spare.template.line": three(
                "repair.service.spare.template.line",
                lambda i: {"product_id": cls.part.id},
            ),
        }

    @classmethod
    def _scoring_records(cls):
        """R-46: schemes (first company, shared, second company), periods
        (first company twice, second company) closed on the orders above,
        and the sheets of outlets A, B, C."""
        schemes = []
        for company in (cls.company1, cls.company2):
            schemes.append(
                cls.env["repair.service.scoring.scheme"].create(
                    {
                        "name": f"Matrix scheme {company.name}",
                        "company_id": company.id,
                        "metric_ids": [
                            Command.create(
                                {"code": code, "name": code, "weight": weight}
                            )
                            for code, weight in (
                                ("response", 30),
                                ("quality", 30),
                                ("attitude", 20),
                                ("satisfaction", 20),
                            )
                        ],
                        "band_ids": [
                            Command.create(
                                {
                                    "name": "All",
                                    "min_score": 0.0,
                                    "measure_ids": [
                                        Command.create({"kind": "bonus", "amount": 10})
                                    ],
                                }
                            )
                        ],
                    }
                )
            )
        schemes.insert(1, cls.env.ref(f"{M}.scoring_scheme_default"))
        today = datetime.now().date()
        Period = cls.env["repair.service.scoring.period"]
        periods = tuple(
            Period.create(
                {
                    "kind": "quarter",
                    "date_from": today - timedelta(days=days),
                    "date_to": today + timedelta(days=1),
                    "company_id": scheme.company_id.id,
                    "scheme_id": scheme.id,
                }
            )
            for scheme, days in ((schemes[0], 30), (schemes[0], 31), (schemes[2], 30))
        )
        periods[0]._close()
        periods[2]._close()
        sheets = tuple(
            period.sheet_ids.filtered(lambda s, o=outlet: s.outlet_id == o)
            for period, outlet in zip(
                (periods[0], periods[0], periods[2]),
                (cls.outlet_a, cls.outlet_b, cls.outlet_c),
                strict=True,
            )
        )
        return {
            "repair.service.scoring.scheme": tuple(schemes),
            "repair.service.scoring.metric": tuple(s.metric_ids[:1] for s in schemes),
            "repair.service.scoring.band": tuple(s.band_ids[:1] for s in schemes),
            "repair.service.scoring.band.measure": tuple(
                s.band_ids[:1].measure_ids[:1] for s in schemes
            ),
            "repair.service.scoring.period": periods,
            "repair.service.scoring.sheet": sheets,
            "repair.service.scoring.sheet.line": tuple(s.line_ids[:1] for s in sheets),
            "repair.service.scoring.measure": tuple(s.measure_ids[:1] for s in sheets),
        }

    @classmethod
    def _corrective_actions(cls):
        """R-38: an action on each outlet's complaint (its responsible
        outlet), owned by the outlet's technician."""
        owners = (cls.tech_a, cls.tech_b, cls.tech_c)
        actions = []
        for complaint, owner in zip(
            cls.records["repair.service.complaint"], owners, strict=True
        ):
            complaint.responsible_outlet_id = complaint.outlet_id
            actions.append(
                cls.env["repair.service.corrective.action"].create(
                    {
                        "complaint_id": complaint.id,
                        "name": "Matrix action",
                        "user_id": owner.id,
                        "date_due": "2026-12-31",
                    }
                )
            )
        return tuple(actions)

    @classmethod
    def _wizards(cls):
        """{model: ({role: the wizard that role's user made}, B, C)}."""
        company2_records = {
            "order": cls.order_c,
            "application": cls.outlet_c.application_ids[:1],
            "outlet": cls.outlet_c,
        }
        company1_records = {
            "order": cls.order_a,
            "application": cls.outlet_a.application_ids[:1],
            "outlet": cls.outlet_a,
        }

        def values(model, records):
            order = records["order"]
            return {
                "repair.order.dispatch.wizard": {
                    "repair_ids": [Command.set(order.ids)],
                    "outlet_id": records["outlet"].id,
                },
                "repair.order.signature.wizard": {
                    "repair_id": order.id,
                    "purpose": "acceptance",
                    "signed_by": "Customer",
                },
                "repair.order.warranty.wizard": {
                    "repair_id": order.id,
                    "reason": "Invoice found",
                },
                "repair.service.application.reject.wizard": {
                    "application_ids": [Command.set(records["application"].ids)],
                    "reason": "Incomplete",
                },
                "repair.service.outlet.suspend.wizard": {
                    "outlet_ids": [Command.set(records["outlet"].ids)],
                    "reason": "Violations",
                },
                "repair.service.complaint.report.wizard": {
                    "month": "1",
                    "year": 2031,
                    "company_id": order.company_id.id,
                },
            }[model]

        def made_by(user, model):
            records = (
                company2_records
                if user.company_id == cls.company2
                else (company1_records)
            )
            # as superuser: a wizard of a role without rights on it, whose
            # refusal the matrix states
            return cls.env[model].with_user(user).sudo().create(values(model, records))

        return {
            model: (
                {role: made_by(user, model) for role, user in cls.users.items()},
                made_by(cls.manager2, model),
                made_by(cls.agent2, model),
            )
            for model in WIZARDS
        }

    def _record(self, model, role, column):
        if model in WIZARDS:
            own, other, foreign = self.wizards[model]
            return (own[role], other, foreign)[column]
        return self.records[model][column]

    # ------------------------------------------------------------------
    # Tests
    # ------------------------------------------------------------------
    def test_matrix_has_every_model_and_role(self):
        """A model added to the module without its row fails here."""
        model_ids = (
            self.env["ir.model.data"]
            .search([("module", "=", M), ("model", "=", "ir.model")])
            .mapped("res_id")
        )
        names = set(self.env["ir.model"].browse(model_ids).mapped("model"))
        # abstract models (mixins, report renderers) hold no records
        concrete = {
            name for name in names if name in self.env and not self.env[name]._abstract
        }
        self.assertLessEqual(EXTENDED_CORE_MODELS, concrete)
        self.assertEqual(
            set(MATRIX),
            concrete - EXTENDED_CORE_MODELS,
            "every model of the module has its rows in MATRIX",
        )
        for model, rows in MATRIX.items():
            self.assertEqual(tuple(rows), ROLES, model)
            for role, cells in rows.items():
                self.assertEqual(len(cells), 4, (model, role))
                acl = set(cells[0]) - {"-"}
                for cell in cells[1:]:
                    self.assertLessEqual(set(cell) - {"-"}, acl, (model, role))

    def test_fixtures(self):
        """Every cell is checked on a real record of the right outlet and
        company."""
        for model in MATRIX:
            for column in range(3):
                self.assertEqual(
                    len(self._record(model, "technician", column)), 1, (model, column)
                )
        self.assertEqual(self.order_a.state, "done")
        self.assertEqual(self.order_c.company_id, self.company2)
        self.assertEqual(self.outlet_c.company_id, self.company2)
        self.assertEqual(self.outlet_b.region_id, self.north)
        self.assertEqual(self.order_a.partner_id, self.portal.partner_id)

    def test_access_rights(self):
        """The ACL column: has_access(operation) on each model."""
        mismatches = []
        for model, rows in MATRIX.items():
            for role, (acl, *_records) in rows.items():
                Model = self.env[model].with_user(self.users[role])
                for letter, operation in OPERATIONS.items():
                    expected = letter in acl
                    if Model.has_access(operation) != expected:
                        mismatches.append(
                            f"{model} {role} {operation}: expected "
                            f"{'allowed' if expected else 'refused'}"
                        )
        if mismatches:
            self.fail("cells that differ from MATRIX:\n" + "\n".join(mismatches))

    def test_record_access(self):
        """The A, B, C columns: what search() finds and whether
        check_access(operation) passes on each record (``has_access``, its
        boolean form, keeps the log free of a line per refusal)."""
        mismatches = []
        for model, rows in MATRIX.items():
            for role, (_acl, *columns) in rows.items():
                user = self.users[role]
                records = [self._record(model, role, i) for i in range(3)]
                Model = self.env[model].with_user(user)
                found = Model.browse()
                if Model.has_access("read"):
                    found = Model.search([("id", "in", [r.id for r in records])])
                for name, record, expected in zip("ABC", records, columns, strict=True):
                    where = f"{model} {role} {name}"
                    if (record.id in found.ids) != ("r" in expected):
                        mismatches.append(f"{where} search: expected {expected!r}")
                    for letter, operation in OPERATIONS.items():
                        # has_access: check_access as a boolean
                        allowed = record.with_user(user).has_access(operation)
                        if allowed != (letter in expected):
                            mismatches.append(
                                f"{where} {operation}: expected {expected!r}"
                            )
        if mismatches:
            self.fail("cells that differ from MATRIX:\n" + "\n".join(mismatches))

    def test_deadline_lines_follow_their_order(self):
        """A deadline line is the record's: when the order moves to outlet
        B, the technician of outlet A no longer reads its lines, the
        technician of outlet B does."""
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create(
                {"partner_id": self.portal.partner_id.id, "product_id": self.product.id}
            )
        )
        order._dispatch(self.outlet_a, self.tech_a)
        lines = order.sla_line_ids
        self.assertTrue(lines)
        Line = self.env["repair.service.sla.line"]
        self.assertEqual(
            Line.with_user(self.tech_a).search([("id", "in", lines.ids)]), lines
        )
        self.assertFalse(Line.with_user(self.tech_b).search([("id", "in", lines.ids)]))
        order._dispatch(self.outlet_b, self.tech_b)
        self.assertFalse(Line.with_user(self.tech_a).search([("id", "in", lines.ids)]))
        self.assertEqual(
            Line.with_user(self.tech_b).search([("id", "in", lines.ids)]), lines
        )
        with self.assertRaises(AccessError):
            lines.with_user(self.tech_a).read(["deadline"])
        self.assertEqual(
            order.with_user(self.tech_b).sla_line_ids, lines.with_user(self.tech_b)
        )
        # a record's lines go with it
        visit_lines = self.order_a.visit_ids.sla_line_ids
        self.assertTrue(visit_lines)
        self.order_a.visit_ids.sudo().unlink()
        self.assertFalse(visit_lines.exists())

    def test_configuration_of_its_company(self):
        """The application review uses the document types and criteria of
        the application's company and the shared ones."""
        doc_a, shared, doc_c = self.records["repair.service.document.type"]
        application = self._application(name="Matrix Outlet D")
        self.assertIn(doc_a, application.document_ids.document_type_id)
        self.assertIn(shared, application.document_ids.document_type_id)
        self.assertNotIn(doc_c, application.document_ids.document_type_id)
        crit_a, crit_shared, crit_c = self.records[
            "repair.service.inspection.criterion"
        ]
        self._to_state(application, "inspection")
        criteria = application.inspection_line_ids.criterion_id
        self.assertIn(crit_a, criteria)
        self.assertIn(crit_shared, criteria)
        self.assertNotIn(crit_c, criteria)
