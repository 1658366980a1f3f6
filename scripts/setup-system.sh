#!/usr/bin/env bash
# Install the Debian/Ubuntu packages the workbench needs, only when missing.
#   runtime: python3-venv, Pango (WeasyPrint's text layout), DejaVu fonts (report and charts)
#   test:    additionally chromium (HTML checks) and poppler-utils (pdftoppm page rendering)
set -euo pipefail
mode="${1:-runtime}"
missing=()

python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || { echo "Python 3.11 oder neuer wird benötigt (python3 --version: $(python3 --version 2>&1))." >&2; exit 1; }
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || missing+=(libpangoft2-1.0-0)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ "$mode" = "test" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
fi

[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installiere Systempakete: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "Bitte als root installieren: apt-get install -y ${missing[*]}" >&2; exit 1
  fi
else
  SUDO=""
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
