#!/usr/bin/env bash
# Checks the Debian packages the project needs; installs the missing ones when
# run as root, otherwise names them and stops.
source "$(dirname "$0")/common.sh"

missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# PostgreSQL server is only needed for the private cluster.
if ! use_external_pg; then
    ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
fi
have_pkg libpq-dev || missing+=(libpq-dev)
# the libraries of the patched-Qt wkhtmltopdf that scripts/wkhtmltopdf.sh installs
for pkg in libxrender1 libxext6 libx11-6 libfontconfig1 libfreetype6; do
    have_pkg "$pkg" || missing+=("$pkg")
done
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
have_pkg fonts-noto-cjk || missing+=(fonts-noto-cjk)
"$PYTHON_BIN" -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3.11-venv)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
"$PYTHON_BIN" -c 'import sysconfig, os; assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' >/dev/null 2>&1 || missing+=(python3.11-dev)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    die "missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
fi
info "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
