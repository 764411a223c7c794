#!/usr/bin/env bash
# Sets up a fresh clone: Debian packages for the real-client tests (Chromium, LibreOffice Calc, pdftoppm,
# xmllint, and Carlito, a font with Calibri's metrics, so that LibreOffice prints a scored workbook as
# Excel lays it out), only those missing, then the npm packages from the lock (which also compiles the
# command line).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
fc-list 2>/dev/null | grep -qi carlito || need+=(fonts-crosextra-carlito)
# workbooks as Python's openpyxl/pandas write them (absolute relationship targets), for the reader's tests
# (Debian's python3: the one apt installs openpyxl for, whatever python3 comes first on PATH)
/usr/bin/python3 -c "import openpyxl" >/dev/null 2>&1 || need+=(python3-openpyxl)
if ((${#need[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
fi

npm ci --no-audit --no-fund --loglevel=error
