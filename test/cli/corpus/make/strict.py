#!/usr/bin/python3
"""strict-namespaces.xlsx: openpyxl-pandas-like.xlsx in ISO/IEC 29500 Strict conformance, as Excel's
"Strict Open XML Spreadsheet" saves: every Transitional namespace and relationship type replaced by its
Strict (http://purl.oclc.org/ooxml/...) spelling (ISO/IEC 29500-1:2016 Annex A) and conformance="strict"
on the workbook; content types and the package's own namespaces (OPC, Dublin Core) do not change.

Run after openpyxl_books.py: /usr/bin/python3 strict.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
T = "http://schemas.openxmlformats.org/"
S = "http://purl.oclc.org/ooxml/"
# longest first: relationship types are the relationships namespace followed by "/<type>"
RENAME = [
    (T + "officeDocument/2006/relationships/extended-properties", S + "officeDocument/relationships/extendedProperties"),
    (T + "officeDocument/2006/relationships", S + "officeDocument/relationships"),
    (T + "officeDocument/2006/extended-properties", S + "officeDocument/extendedProperties"),
    (T + "officeDocument/2006/docPropsVTypes", S + "officeDocument/docPropsVTypes"),
    (T + "spreadsheetml/2006/main", S + "spreadsheetml/main"),
    (T + "drawingml/2006/main", S + "drawingml/main"),
]


def strict(name, data):
    if not (name.endswith(".xml") or name.endswith(".rels")) or name == "[Content_Types].xml":
        return data
    text = data.decode("utf-8")
    for a, b in RENAME:
        text = text.replace(a, b)
    if name == "xl/workbook.xml":
        text = text.replace(f'<workbook xmlns="{S}spreadsheetml/main"', f'<workbook xmlns="{S}spreadsheetml/main" conformance="strict"', 1)
    return text.encode("utf-8")


with zipfile.ZipFile(os.path.join(OUT, "openpyxl-pandas-like.xlsx")) as src, \
        zipfile.ZipFile(os.path.join(OUT, "strict-namespaces.xlsx"), "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        dst.writestr(info, strict(info.filename, src.read(info)))
print("strict-namespaces.xlsx")
