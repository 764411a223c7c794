"""Adds a worksheet to an existing .xlsx/.xlsm package the way a user's workbook holds one.

Only the package's index parts change: the workbook part (a <sheet> appended to <sheets>), its
relationships (one <Relationship> appended) and [Content_Types].xml (one <Override> appended). Every
other part is copied with the same uncompressed bytes, in the same order, and `add_sheet` checks
that it is so before it returns. The parts are found through the relationships (_rels/.rels → the
officeDocument part → its .rels), never by their usual file names, so Strict packages and odd part
names work too.

Debian: python3-lxml (a dependency of python3-openpyxl). lxml keeps the edited parts' namespace
prefixes, attribute order and mc:Ignorable declarations as they were; the XML prolog is kept byte for
byte.
"""
import json
import os
import posixpath
import zipfile
from urllib.parse import quote, unquote

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
# Transitional and Strict (ISO/IEC 29500-1 §A.1) spellings of the two namespaces a worksheet needs
MAIN_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
REL_NS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")


def load_table():
    with open(os.path.join(HERE, "dvc-table.json"), encoding="utf-8") as f:
        return json.load(f)


def table_rows(table):
    """The sheet's rows from A1: title, a blank row, the header row, the units."""
    return [[table["title"]], [], table["headers"], *table["rows"]]


def read_package(path):
    with zipfile.ZipFile(path) as z:
        return [(i, z.read(i)) for i in z.infolist() if not i.is_dir()]


def rels_name(part):
    d, f = posixpath.split(part)
    return posixpath.join(d, "_rels", f + ".rels")


def resolve(source_part, target):
    """A relationship's target as a part name (no leading slash), relative to its source part."""
    target = unquote(target)
    if target.startswith("/"):
        return posixpath.normpath(target)[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def split_prolog(data):
    """(the bytes before the root element, the root element parsed)."""
    root = etree.fromstring(data)
    start = data.index(b"<" + (root.prefix.encode() + b":" if root.prefix else b"") + etree.QName(root).localname.encode())
    return data[:start], root


def serialise(prolog, root):
    return prolog + etree.tostring(root, encoding="UTF-8")


def cell_ref(col, row):
    s = ""
    n = col + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return f"{s}{row}"


def xml_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def worksheet_xml(rows, main_ns, rel_ns):
    """A plain worksheet: numbers as <v>, texts as inline strings (the shared-strings part stays as it was)."""
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="{main_ns}" xmlns:r="{rel_ns}">']
    width = max(len(r) for r in rows)
    out.append(f'<dimension ref="A1:{cell_ref(width - 1, len(rows))}"/>')
    out.append('<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="4" width="20" customWidth="1"/>'
               f'<col min="5" max="{width}" width="16" customWidth="1"/></cols><sheetData>')
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row):
            ref = cell_ref(c, r)
            if v is None or v == "":
                continue
            if isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{xml_text(v)}</t></is></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>' if cells else "")
    out.append("</sheetData></worksheet>")
    return "".join(out).encode("utf-8")


def add_sheet(src, dst, name, rows):
    parts = read_package(src)
    data = {i.filename: d for i, d in parts}
    root_rels = etree.fromstring(data["_rels/.rels"])
    office = [r for r in root_rels if r.get("Type", "").endswith("/officeDocument")]
    if len(office) != 1:
        raise SystemExit(f"{src}: {len(office)} officeDocument relationships")
    wb_part = resolve("", office[0].get("Target"))
    wb_rels_part = rels_name(wb_part)

    wb_prolog, wb = split_prolog(data[wb_part])
    main_ns = etree.QName(wb).namespace
    if main_ns not in MAIN_NS:
        raise SystemExit(f"{src}: workbook namespace {main_ns}")
    rel_ns = REL_NS[MAIN_NS.index(main_ns)]
    sheets = wb.find(f"{{{main_ns}}}sheets")
    if any(s.get("name") == name for s in sheets):
        raise SystemExit(f"{src}: already has a sheet named {name}")
    sheet_id = max(int(s.get("sheetId")) for s in sheets) + 1

    rels_prolog, rels = split_prolog(data[wb_rels_part])
    ids = {r.get("Id") for r in rels}
    n = len(ids) + 1
    while f"rId{n}" in ids:
        n += 1
    rid = f"rId{n}"
    # the new part beside the workbook's first worksheet, under a name no part has (compared as OPC does, ignoring case)
    ws_type = next(r.get("Type") for r in rels if r.get("Type", "").endswith("/worksheet"))
    first_ws = resolve(wb_part, next(r.get("Target") for r in rels if r.get("Type") == ws_type))
    taken = {p.lower() for p in data}
    k = 1
    while posixpath.join(posixpath.dirname(first_ws), f"sheet{k}.xml").lower() in taken:
        k += 1
    new_part = posixpath.join(posixpath.dirname(first_ws), f"sheet{k}.xml")
    target = quote(posixpath.relpath(new_part, posixpath.dirname(wb_part)))

    etree.SubElement(sheets, f"{{{main_ns}}}sheet", {"name": name, "sheetId": str(sheet_id), f"{{{rel_ns}}}id": rid})
    etree.SubElement(rels, f"{{{PKG_RELS}}}Relationship", {"Id": rid, "Type": ws_type, "Target": target})
    ct_prolog, ct = split_prolog(data["[Content_Types].xml"])
    etree.SubElement(ct, f"{{{CT_NS}}}Override", {"PartName": "/" + new_part, "ContentType": WORKSHEET_CT})

    changed = {
        wb_part: serialise(wb_prolog, wb),
        wb_rels_part: serialise(rels_prolog, rels),
        "[Content_Types].xml": serialise(ct_prolog, ct),
    }
    write_package(dst, parts, changed, [(new_part, worksheet_xml(rows, main_ns, rel_ns))])
    check_kept(src, dst, set(changed))
    return new_part


def write_package(dst, parts, changed, added):
    tmp = dst + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for info, d in parts:
            zi = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            z.writestr(zi, changed.get(info.filename, d))
        for name, d in added:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, d)
    os.replace(tmp, dst)


def check_kept(src, dst, allowed):
    """Every part of src is in dst with the same uncompressed bytes, except the `allowed` ones."""
    a = dict((i.filename, d) for i, d in read_package(src))
    b = dict((i.filename, d) for i, d in read_package(dst))
    for name, d in a.items():
        if name not in b:
            raise SystemExit(f"{dst}: lost {name}")
        if name not in allowed and b[name] != d:
            raise SystemExit(f"{dst}: changed {name}")
