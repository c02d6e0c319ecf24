# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sane bounds of the numbers people type: one check for every model."""

import math

from odoo.exceptions import ValidationError

# no single repair needs more: a value beyond is a typing error
MAX_QUANTITY = 100_000.0
MAX_HOURS = 10_000.0
MAX_AMOUNT = 100_000_000.0


def check_bounds(records, field_name, maximum, minimum=0.0):
    """Refuse a value of ``field_name`` that is not a finite number between
    ``minimum`` and ``maximum`` on any of ``records``."""
    for record in records:
        value = record[field_name]
        if value is False or value is None:
            continue
        if math.isfinite(value) and minimum <= value <= maximum:
            continue
        label = record._fields[field_name].get_description(record.env)["string"]
        low, high = format(minimum, ",.0f"), format(maximum, ",.0f")
        raise ValidationError(
            record.env._(
                "%(field)s of %(record)s must be a number from %(minimum)s to "
                "%(maximum)s; %(value)s is not possible. Correct it and save "
                "again.",
                field=label,
                record=record.display_name or record._description,
                minimum=low,
                maximum=high,
                value=value,
            )
        )
