#!/usr/bin/env python3
"""Writes the .xlsx twins of the bundled sample CSV files, for the tests that read a workbook through every
command (WorkbookCommandTests). Run from this folder:

    python3 make_workbooks.py

Each workbook is the CSV's table on a sheet named 数据, after a title row (as a county's own sheets have
one), with a second sheet 说明 that is not read; a cell that reads as a plain number (no leading zero,
no sign but minus) is stored as a number, the rest as inline strings, so the reader's "as Excel shows it"
is exercised: a number stored 1500 must read 1500, not 1500.0. Written by hand with zipfile, so the
files are the same on every run (fixed timestamps).
"""
import csv
import io
import os
import re
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..")
SOURCES = {
    "roster.xlsx": "sample-responses/roster.csv",
    "unit-costs.xlsx": "sample-responses/unit-costs.csv",
    "survey-public.xlsx": "sample-responses/survey-public.csv",
}
# The monitoring sample is large: its first rows, also written as CSV beside the workbook to compare.
SUBSETS = {"monitoring-students.xlsx": ("sample-responses/monitoring-students.csv", 600)}

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
</Relationships>"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>"""

NOTE_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>本工作簿由 make_workbooks.py 从样例 CSV 生成。</t></is></c></row>
</sheetData></worksheet>"""

NUMBER = re.compile(r"^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?$")


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell(row, col, text):
    ref = f"{column(col)}{row}"
    if text == "":
        return ""
    if NUMBER.match(text) and not (text.startswith("0") and len(text) > 1 and text[1] != "."):
        return f'<c r="{ref}"><v>{text}</v></c>'
    keep = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{keep}>{escape(text)}</t></is></c>'


def sheet(rows, title):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    out.append(f'<row r="1">{cell(1, 0, title)}</row>')
    for index, fields in enumerate(rows):
        number = index + 2
        out.append(f'<row r="{number}">' + "".join(cell(number, c, f) for c, f in enumerate(fields)) + "</row>")
    out.append("</sheetData></worksheet>")
    return "\n".join(out)


def write(target, rows, title):
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        def add(name, text):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
        add("[Content_Types].xml", CONTENT_TYPES)
        add("_rels/.rels", ROOT_RELS)
        add("xl/workbook.xml", WORKBOOK)
        add("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        add("xl/worksheets/sheet1.xml", sheet(rows, title))
        add("xl/worksheets/sheet2.xml", NOTE_SHEET)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, source in SOURCES.items():
        with open(os.path.join(ROOT, source), encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        write(os.path.join(here, name), rows, os.path.basename(source))
        print(f"{name}: {len(rows)} rows from {source}")
    for name, (source, count) in SUBSETS.items():
        with open(os.path.join(ROOT, source), encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))[: count + 1]
        twin = os.path.join(here, name.replace(".xlsx", ".csv"))
        with open(twin, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
        write(os.path.join(here, name), rows, os.path.basename(source))
        print(f"{name} and its CSV twin: the first {count} rows of {source}")


if __name__ == "__main__":
    main()
