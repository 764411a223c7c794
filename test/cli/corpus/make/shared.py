#!/usr/bin/python3
"""shared-*.xlsx|xlsm: each workbook of the shared corpus (real files from Excel, Excel Online, Google
Sheets, WPS; see ../README.md) with the DVC data sheet added as one more worksheet part.

Run: /usr/bin/python3 shared.py [folder of the originals, default $DVC_SHARED_CORPUS or ../shared, the unchanged copies]
"""
import hashlib
import os
import sys

from ooxml import add_sheet, load_table, table_rows

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

src_dir = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DVC_SHARED_CORPUS", os.path.join(HERE, "..", "shared"))
table = load_table()
for f in sorted(os.listdir(src_dir)):
    base, ext = os.path.splitext(f)
    if ext not in (".xlsx", ".xlsm"):
        continue
    src = os.path.join(src_dir, f)
    dst = os.path.join(OUT, f"shared-{base}{ext}")
    part = add_sheet(src, dst, table["sheet"], table_rows(table))
    with open(src, "rb") as fh:
        sha = hashlib.sha256(fh.read()).hexdigest()[:16]
    print(f"{os.path.basename(dst)}: {f} (sha256 {sha}…) + {part}")
