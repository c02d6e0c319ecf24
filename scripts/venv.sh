#!/usr/bin/env bash
# Creates (or refreshes) the virtual environments with the pinned dependencies:
# $VENV for Odoo and the tests, $VENV-lint for the lint tools.
source "$(dirname "$0")/common.sh"

command -v "$PYTHON_BIN" >/dev/null 2>&1 || die "$PYTHON_BIN not found: Python 3.11 is needed (set PYTHON_BIN to its path)."
"$PYTHON_BIN" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null \
    || die "$PYTHON_BIN is not Python 3.11 (set PYTHON_BIN to a Python 3.11 interpreter)."

# build_venv DIR REQUIREMENTS... [-- NO_DEPS_REQUIREMENTS]
build_venv() {
    local dir="$1"; shift
    local deps=() nodeps=() target=deps
    for f in "$@"; do
        if [ "$f" = "--" ]; then target=nodeps; continue; fi
        if [ "$target" = deps ]; then deps+=("$f"); else nodeps+=("$f"); fi
    done
    local want stamp="$dir/.requirements.sha"
    want="$(cat "${deps[@]/#/$ROOT/}" "${nodeps[@]/#/$ROOT/}" | sha256sum | cut -d' ' -f1)"
    if [ -x "$dir/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    info "installing pinned Python packages in $dir (log: $dir/pip.log)"
    [ -x "$dir/bin/python" ] || "$PYTHON_BIN" -m venv "$dir"
    local pip=("$dir/bin/python" -m pip install --disable-pip-version-check)
    {
        "${pip[@]}" --upgrade "pip==24.3.1" "setuptools==75.6.0" "wheel==0.45.1" &&
        "${pip[@]}" "${deps[@]/#/-r$ROOT/}" &&
        if [ ${#nodeps[@]} -gt 0 ]; then "${pip[@]}" --no-deps "${nodeps[@]/#/-r$ROOT/}"; fi
    } > "$dir/pip.log" 2>&1 || { grep -v "is ignored: it is neither" "$dir/pip.log" | tail -n 30 >&2; die "pip install failed in $dir"; }
    echo "$want" > "$stamp"
}

# The OCA wheels require an "odoo" distribution that a source tree does not
# provide: they come without dependencies; theirs are in requirements.txt.
build_venv "$VENV" requirements.txt requirements-dev.txt -- requirements-oca.txt
build_venv "$VENV-lint" requirements-lint.txt
"$ROOT/scripts/wkhtmltopdf.sh"
