#!/usr/bin/env bash
# Remakes every file of test/cli/corpus (the files are committed; this is how they were made).
# Needs: Debian python3-openpyxl (with python3-lxml), python3-xlsxwriter, libreoffice-calc, node with the project's
# node_modules, and the shared corpus (default ../shared/corpus beside the repository, or $DVC_SHARED_CORPUS).
set -euo pipefail
cd "$(dirname "$0")"
py=/usr/bin/python3   # Debian's python, where python3-openpyxl installs (not a pyenv or venv one)
export PYTHONDONTWRITEBYTECODE=1
$py shared.py
$py libreoffice.py
$py openpyxl_books.py
$py xlsxwriter_book.py
$py strict.py
node exceljs-book.js
$py rename.py
