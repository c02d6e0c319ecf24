#!/usr/bin/env python3
"""Every term of the module's .pot is translated in each .po (no fuzzy, no
empty, no stale entry).

usage: check_po.py MODULE_DIR [--fresh EXPORTED_POT]

With --fresh, also check that the committed .pot holds exactly the terms of
a .pot just exported from a database with the module (make i18n refreshes it).
"""

import glob
import os
import sys

import polib


def main(module_dir, fresh=None):
    i18n = os.path.join(module_dir, "i18n")
    pots = glob.glob(os.path.join(i18n, "*.pot"))
    if not pots:
        print(f"{i18n}: no .pot file (make i18n)")
        return 1
    wanted = {(e.msgctxt, e.msgid) for e in polib.pofile(pots[0])}
    status = 0
    if fresh:
        exported = {(e.msgctxt, e.msgid) for e in polib.pofile(fresh)}
        for msg in sorted(exported - wanted, key=str):
            print(f"{pots[0]}: new term not in the .pot (run make i18n): {msg[1]!r}")
        for msg in sorted(wanted - exported, key=str):
            print(f"{pots[0]}: stale term (run make i18n): {msg[1]!r}")
        status = int(exported != wanted)
    for path in sorted(glob.glob(os.path.join(i18n, "*.po"))):
        po = polib.pofile(path)
        have = {(e.msgctxt, e.msgid) for e in po if not e.obsolete}
        problems = [f"missing: {m[1]!r}" for m in sorted(wanted - have, key=str)]
        problems += [f"stale: {m[1]!r}" for m in sorted(have - wanted, key=str)]
        problems += [
            f"untranslated: {e.msgid!r}"
            for e in po
            if not e.obsolete and (not e.msgstr or "fuzzy" in e.flags)
        ]
        for problem in problems:
            print(f"{path}: {problem}")
        status = status or int(bool(problems))
    return status


if __name__ == "__main__":
    args = sys.argv[1:]
    fresh = None
    if "--fresh" in args:
        fresh = args[args.index("--fresh") + 1]
    sys.exit(main(args[0], fresh))
