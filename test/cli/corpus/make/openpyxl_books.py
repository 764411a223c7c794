#!/usr/bin/python3
"""openpyxl-features.xlsx and openpyxl-pandas-like.xlsx, written by openpyxl (Debian python3-openpyxl;
pandas' default .xlsx engine). openpyxl writes absolute relationship targets (/xl/worksheets/sheet1.xml)
and formulas without a cached value.

Run: /usr/bin/python3 openpyxl_books.py
"""
import datetime
import os

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from ooxml import load_table, table_rows

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
table = load_table()
n = len(table["rows"])
last = 3 + n  # title, blank, header, units


def fixed_times(wb):
    # the same bytes on every run (openpyxl stamps the creation and modification times)
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 15, 8, 0, 0)
    wb.properties.creator = "Phòng Văn hóa - Thông tin"


def features():
    wb = Workbook()
    fixed_times(wb)
    cover = wb.active
    cover.title = "Hướng dẫn"
    cover["A1"] = "Bảng số liệu ở trang \"Số liệu DVC\"; biểu đồ ở trang \"Biểu đồ\"."
    cover["A2"] = "Tổng hồ sơ trực tuyến"
    cover["B2"] = f"=SUM('{table['sheet']}'!E4:E{last})"  # no cached value: openpyxl does not calculate
    cover["A3"] = "Ngày lập"
    cover["B3"] = datetime.date(2024, 1, 15)
    cover["B3"].number_format = "dd/mm/yyyy"

    ws = wb.create_sheet(table["sheet"])
    for r in table_rows(table):
        ws.append(r)
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(bold=True, size=13)
    ws["A1"].alignment = Alignment(horizontal="center")
    for c in ws[3]:
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center")
    for col, w in zip("ABCDEFGH", (6, 22, 8, 20, 14, 14, 16, 14)):
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows(min_row=4, max_row=last, min_col=5, max_col=8):
        for c in row:
            c.number_format = "#,##0"
    ws.freeze_panes = "C4"
    t = Table(displayName="BangSoLieu", ref=f"A3:H{last}")
    t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(t)
    ws["B4"].comment = Comment("Số liệu do Bộ phận một cửa huyện cung cấp.", "Cán bộ tổng hợp")
    ws["F6"].comment = Comment("Đã trừ hồ sơ trùng.", "Cán bộ tổng hợp")
    dv = DataValidation(type="list", formula1='"Huyện,Xã"', allow_blank=True, showErrorMessage=True, error="Chỉ nhập Huyện hoặc Xã.")
    ws.add_data_validation(dv)
    dv.add(f"C4:C{last}")
    num = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    ws.add_data_validation(num)
    num.add(f"E4:H{last}")
    ws.conditional_formatting.add(f"E4:E{last}", CellIsRule(operator="lessThan", formula=["1000"], fill=PatternFill("solid", bgColor="FFC7CE")))
    ws.conditional_formatting.add(f"H4:H{last}", ColorScaleRule(start_type="min", start_color="FFFFFF", end_type="max", end_color="63BE7B"))
    wb.defined_names.append(DefinedName("DonVi", attr_text=f"'{table['sheet']}'!$B$4:$B${last}"))

    charts = wb.create_sheet("Biểu đồ")
    chart = BarChart()
    chart.title = "Hồ sơ trực tuyến"
    chart.add_data(Reference(ws, min_col=5, max_col=6, min_row=3, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=4, max_row=last))
    charts.add_chart(chart, "A1")

    hidden = wb.create_sheet("Danh mục")
    hidden.append(["Cấp"])
    hidden.append(["Huyện"])
    hidden.append(["Xã"])
    hidden.sheet_state = "hidden"
    wb.active = 1
    wb.save(os.path.join(OUT, "openpyxl-features.xlsx"))


def pandas_like():
    """As pandas' DataFrame.to_excel(engine="openpyxl", index=False) lays a frame out: the header in
    row 1, bold, bordered and centred, one sheet named Sheet1."""
    wb = Workbook()
    fixed_times(wb)
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(table["headers"])
    side = Side(style="thin")
    for c in ws[1]:
        c.font = Font(bold=True)
        c.border = Border(left=side, right=side, top=side, bottom=side)
        c.alignment = Alignment(horizontal="center", vertical="top")
    for r in table["rows"]:
        ws.append([None if v == "" else v for v in r])
    wb.save(os.path.join(OUT, "openpyxl-pandas-like.xlsx"))


features()
pandas_like()
print("openpyxl-features.xlsx\nopenpyxl-pandas-like.xlsx")
