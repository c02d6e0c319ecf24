#!/usr/bin/env python3
"""Fail on WARNING/ERROR/CRITICAL lines in Odoo logs, except allowed ones.

usage: check_log.py ALLOWLIST LOG [LOG ...]

The allowlist holds one regular expression per line, each followed by
"  # reason"; a log line matching any of them is accepted.
"""

import re
import sys

LEVEL = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) ")


def load_allowlist(path):
    patterns = []
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            pattern, _sep, reason = line.partition("  # ")
            if not reason.strip():
                sys.exit(f"{path}: every allowed line needs '  # reason': {line!r}")
            patterns.append(re.compile(pattern.strip()))
    return patterns


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    allowed = load_allowlist(argv[1])
    bad = []
    for path in argv[2:]:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if LEVEL.match(line) and not any(p.search(line) for p in allowed):
                    bad.append(f"{path}:{number}: {line.rstrip()}")
    if bad:
        print(f"log check: {len(bad)} WARNING/ERROR line(s) in Odoo's log:")
        print("\n".join(bad[:50]))
        return 1
    print("log check: no WARNING/ERROR line")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
