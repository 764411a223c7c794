#!/usr/bin/python3
"""xlsxwriter-features.xlsx, written by XlsxWriter (Debian python3-xlsxwriter; pandas' first choice of
.xlsx engine when it is installed, and the writer behind many reporting systems' exports).

Run: /usr/bin/python3 xlsxwriter_book.py
"""
import datetime
import os

import xlsxwriter

from ooxml import load_table

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
table = load_table()
n = len(table["rows"])
last = 3 + n  # 1-based: title, blank, header, units

wb = xlsxwriter.Workbook(os.path.join(OUT, "xlsxwriter-features.xlsx"))
wb.set_properties({"title": "Số liệu DVC", "author": "Hệ thống báo cáo", "created": datetime.datetime(2024, 1, 15, 8, 0, 0)})
bold = wb.add_format({"bold": True, "text_wrap": True, "valign": "vcenter", "border": 1})
title = wb.add_format({"bold": True, "font_size": 13, "align": "center"})
num = wb.add_format({"num_format": "#,##0"})
red = wb.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})

ws = wb.add_worksheet(table["sheet"])
ws.merge_range(0, 0, 0, 7, table["title"], title)
ws.add_table(2, 0, last - 1, 7, {
    "name": "BangDVC",
    "style": "Table Style Medium 2",
    "columns": [{"header": h, "header_format": bold} for h in table["headers"]],
    "data": [[None if v == "" else v for v in r] for r in table["rows"]],
})
ws.set_column(0, 0, 6)
ws.set_column(1, 3, 20)
ws.set_column(4, 7, 15, num)
ws.freeze_panes(3, 2)
ws.write_comment("B4", "Số liệu từ Cổng dịch vụ công tỉnh.", {"author": "Hệ thống báo cáo"})
ws.data_validation(3, 2, last - 1, 2, {"validate": "list", "source": ["Huyện", "Xã"], "error_message": "Chỉ nhập Huyện hoặc Xã."})
ws.conditional_format(3, 4, last - 1, 4, {"type": "cell", "criteria": "<", "value": 1000, "format": red})
ws.conditional_format(3, 7, last - 1, 7, {"type": "data_bar", "bar_color": "#63BE7B"})
ws.add_sparkline(3, 8, {"range": f"'{table['sheet']}'!E4:H4"})
wb.define_name("DonVi", f"='{table['sheet']}'!$B$4:$B${last}")

sheet2 = wb.add_worksheet("Biểu đồ")
chart = wb.add_chart({"type": "column"})
for col, name in ((4, "E"), (5, "F")):
    chart.add_series({
        "name": [table["sheet"], 2, col],
        "categories": [table["sheet"], 3, 1, last - 1, 1],
        "values": [table["sheet"], 3, col, last - 1, col],
    })
chart.set_title({"name": "Hồ sơ trực tuyến và tổng số hồ sơ"})
sheet2.insert_chart("A1", chart)
sheet2.write("J1", "Tổng hồ sơ trực tuyến")
sheet2.write_formula("K1", f"=SUM('{table['sheet']}'!E4:E{last})", None, sum(r[4] for r in table["rows"]))
sheet2.write_url("J2", "https://dichvucong.gov.vn", string="Cổng Dịch vụ công quốc gia")
sheet2.write_datetime("J3", datetime.datetime(2024, 1, 15), wb.add_format({"num_format": "dd/mm/yyyy"}))
wb.close()
print("xlsxwriter-features.xlsx")
