#!/usr/bin/env python3
"""Fail on WARNING/ERROR/CRITICAL lines in Odoo logs, except allowed ones.

usage: check_log.py ALLOWLIST [--expected FILE] LOG [LOG ...]

The allowlist holds one regular expression per line, each followed by
"  # reason"; a log line matching any of them is accepted. FILE lists the
refusals the external-API tests provoked on purpose (one message per line):
the server logs each as one "odoo.http" WARNING, accepted once per listing.
"""

import re
import sys
from collections import Counter

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
    logs = argv[2:]
    expected = Counter()
    if logs[0] == "--expected":
        with open(logs[1], encoding="utf-8") as handle:
            expected.update(line.rstrip("\n") for line in handle if line.strip())
        logs = logs[2:]
    bad = []
    for path in logs:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not LEVEL.match(line) or any(p.search(line) for p in allowed):
                    continue
                head, sep, message = line.rstrip().partition(" odoo.http: ")
                if sep and " WARNING " in head and expected[message] > 0:
                    expected[message] -= 1
                    continue
                bad.append(f"{path}:{number}: {line.rstrip()}")
    if bad:
        print(f"log check: {len(bad)} WARNING/ERROR line(s) in Odoo's log:")
        print("\n".join(bad[:50]))
        return 1
    print("log check: no WARNING/ERROR line")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
