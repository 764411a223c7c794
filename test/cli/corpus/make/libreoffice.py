#!/usr/bin/python3
"""lo-features.xlsx, .xls and .ods: lo-features.fods filled with the DVC table, then converted by
LibreOffice Calc headless (soffice --convert-to), as a user saves from Calc in each format.

Run: /usr/bin/python3 libreoffice.py   (needs soffice: Debian libreoffice-calc)
"""
import os
import shutil
import subprocess
import tempfile

from ooxml import load_table, table_rows

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
# comments a user left on two cells (sheet coordinates, 1-based row, 0-based column)
COMMENTS = {(4, 1): "Số liệu đã đối chiếu với Cổng dịch vụ công.", (7, 5): "Bao gồm hồ sơ trực tiếp tại bộ phận một cửa."}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def cell(v, r, c):
    attrs, body = "", ""
    if r >= 4 and c == 2:
        attrs += ' table:content-validation-name="val-cap"'
    if r >= 4 and c >= 4:
        attrs += ' table:content-validation-name="val-so"'
    if r == 3:
        attrs += ' table:style-name="ce1"'
    if (r, c) in COMMENTS:
        body += f"<office:annotation><dc:creator>Cán bộ một cửa</dc:creator><text:p>{esc(COMMENTS[(r, c)])}</text:p></office:annotation>"
    if isinstance(v, (int, float)):
        return f'<table:table-cell{attrs} office:value-type="float" office:value="{v}">{body}<text:p>{v}</text:p></table:table-cell>'
    if v is None or v == "":
        return f"<table:table-cell{attrs}>{body}</table:table-cell>" if attrs or body else "<table:table-cell/>"
    return f'<table:table-cell{attrs} office:value-type="string">{body}<text:p>{esc(v)}</text:p></table:table-cell>'


def rows_xml(rows):
    out = []
    for r, row in enumerate(rows, start=1):
        out.append("    <table:table-row>" + "".join(cell(v, r, c) for c, v in enumerate(row)) + "</table:table-row>")
    return "\n".join(out)


def main():
    table = load_table()
    with open(os.path.join(HERE, "lo-features.fods"), encoding="utf-8") as f:
        fods = f.read().replace("@ROWS@", rows_xml(table_rows(table)))
    work = tempfile.mkdtemp(prefix="dvc-lo-make-")
    try:
        src = os.path.join(work, "lo-features.fods")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fods)
        profile = os.path.join(work, "profile")
        for fmt, ext in (("xlsx:Calc MS Excel 2007 XML", "xlsx"), ("xls:MS Excel 97", "xls"), ("ods:calc8", "ods")):
            subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                            "--convert-to", fmt, "--outdir", work, src], check=True, stdout=subprocess.DEVNULL)
            shutil.copyfile(os.path.join(work, f"lo-features.{ext}"), os.path.join(OUT, f"lo-features.{ext}"))
            print(f"lo-features.{ext}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
