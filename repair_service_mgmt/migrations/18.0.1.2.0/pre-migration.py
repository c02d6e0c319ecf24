# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-33: a deadline line of an earlier round is archived, kept beside the
current one: the one-line-per-policy constraint becomes a unique index on
the active lines (created by the model's ``init``)."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "ALTER TABLE repair_service_sla_line "
        "DROP CONSTRAINT IF EXISTS repair_service_sla_line_policy_record_uniq"
    )
