#!/usr/bin/python3
"""renamed-parts.xlsx: exceljs-features.xlsx with every part moved to a name no producer uses (the
workbook at /wb/book.xml, the worksheets at /wb/tabs/tabN.xml, comments under /notes, the image
under /art/media, ...). The Open Packaging Conventions let a package name its parts freely: a reader
must follow the relationships, not guess "xl/worksheets/sheet1.xml". Relationship targets are
rewritten relative to their new source part, content-type overrides to the new names; the parts'
bytes are otherwise unchanged.

Run after exceljs-book.js: /usr/bin/python3 rename.py
"""
import os
import posixpath
import re
import zipfile

from lxml import etree

from ooxml import CT_NS, rels_name, resolve, serialise, split_prolog

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MOVES = [
    (r"^xl/workbook\.xml$", "wb/book.xml"),
    (r"^xl/worksheets/sheet(\d+)\.xml$", r"wb/tabs/tab\1.xml"),
    (r"^xl/styles\.xml$", "wb/look.xml"),
    (r"^xl/sharedStrings\.xml$", "wb/strings.xml"),
    (r"^xl/theme/theme(\d+)\.xml$", r"theme/t\1.xml"),
    (r"^xl/comments(\d+)\.xml$", r"notes/n\1.xml"),
    (r"^xl/drawings/vmlDrawing(\d+)\.vml$", r"notes/n\1.vml"),
    (r"^xl/drawings/drawing(\d+)\.xml$", r"art/d\1.xml"),
    (r"^xl/media/image(\d+)\.png$", r"art/media/logo\1.png"),
    (r"^xl/tables/table(\d+)\.xml$", r"wb/tabs/lists/l\1.xml"),
    (r"^docProps/(app|core)\.xml$", r"props/\1.xml"),
]


def moved(name):
    for pat, rep in MOVES:
        if re.match(pat, name):
            return re.sub(pat, rep, name)
    raise SystemExit(f"no new name for {name}")


def main():
    src = zipfile.ZipFile(os.path.join(OUT, "exceljs-features.xlsx"))
    names = [i.filename for i in src.infolist() if not i.is_dir()]
    rels = {n for n in names if n.endswith(".rels")}
    new = {n: moved(n) for n in names if n not in rels and n != "[Content_Types].xml"}
    source_of = {rels_name(p): p for p in new}
    source_of["_rels/.rels"] = ""
    out = []
    for n in names:
        data = src.read(n)
        if n in rels:
            source = source_of[n]
            target_source = new.get(source, "")
            prolog, root = split_prolog(data)
            for r in root:
                if r.get("TargetMode") == "External":
                    continue
                part = new[resolve(source, r.get("Target"))]
                r.set("Target", posixpath.relpath(part, posixpath.dirname(target_source) or "."))
            out.append((rels_name(target_source) if source else "_rels/.rels", serialise(prolog, root)))
        elif n == "[Content_Types].xml":
            prolog, root = split_prolog(data)
            for o in root.iter(f"{{{CT_NS}}}Override"):
                o.set("PartName", "/" + new[o.get("PartName")[1:]])
            out.append((n, serialise(prolog, root)))
        else:
            out.append((new[n], data))
    with zipfile.ZipFile(os.path.join(OUT, "renamed-parts.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in out:
            z.writestr(zipfile.ZipInfo(n, date_time=(2024, 1, 15, 8, 0, 0)), d, zipfile.ZIP_DEFLATED)
    print("renamed-parts.xlsx")


main()
