#!/usr/bin/env python3
"""Writes the small workbook fixtures of WorkbookFileTests. Run from this folder:

    python3 make_workbooks.py            # the .xlsx files, written by hand with zipfile
    python3 make_workbooks.py --xls      # also survey.xls, converted by LibreOffice (headless)
    python3 make_workbooks.py --protected   # also protected.xlsx (msoffcrypto-tool, from PyPI) and
                                            # protected.xls (LibreOffice through python3-uno)

The .xlsx parts are written by hand so that each case the reader must handle is there on purpose:
shared strings (with rich-text runs and a phonetic guide), inline strings, dates / times / date-times by
built-in and custom number formats, cells and rows without references, an empty row, a title row, a
合计 row, a value right of the header, XML escapes, spaces kept, and a second sheet whose elements carry
a namespace prefix; and, in formulas.xlsx, formula results, a boolean and an error value.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""


def workbook(date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
{pr}<sheets><sheet name="答卷" sheetId="1" r:id="rId1"/><sheet name="第二页" sheetId="2" r:id="rId2"/></sheets></workbook>"""


# Shared strings: 0 序号, 1 提交答卷时间, 2 所用时间, 3 1、您的身份, 4 2、满意程度, 5 3、分数, 6 4、日期,
# 7 5、时间, 8 6、备注, 9 家长, 10 教师 (rich text with a phonetic guide), 11 合计, 12 问卷星答卷数据
SHARED = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="13" uniqueCount="13">
<si><t>序号</t></si><si><t>提交答卷时间</t></si><si><t>所用时间</t></si><si><t>1、您的身份</t></si>
<si><t>2、满意程度</t></si><si><t>3、分数</t></si><si><t>4、日期</t></si><si><t>5、时间</t></si><si><t>6、备注</t></si>
<si><t>家长</t></si>
<si><r><rPr><b/></rPr><t>教</t></r><r><t xml:space="preserve">师</t></r><rPh sb="0" eb="2"><t>ジャオシー</t></rPh><phoneticPr fontId="1"/></si>
<si><t>合计</t></si><si><t>问卷星答卷数据</t></si>
</sst>"""

# Cell formats: 0 General, 1 built-in 22 (m/d/yyyy h:mm), 2 built-in 14 (date), 3 built-in 21 (h:mm:ss),
# 4 custom 164 yyyy/m/d h:mm:ss, 5 custom 165 0.00 (a number, not a date), 6 custom 166 [h]:mm:ss,
# 7 zh-CN built-in 31 yyyy"年"m"月"d"日".
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy/m/d\\ h:mm:ss"/><numFmt numFmtId="165" formatCode="0.00;[Red]\\-0.00"/><numFmt numFmtId="166" formatCode="[h]:mm:ss"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="21" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/><xf numFmtId="31" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""

# 45432.592303240741 = 2024-05-20 14:12:55 (0.592303240741 × 86400 = 51175 s); 45432 = 2024-05-20.
SHEET1 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:K10"/><sheetData>
<row r="1"><c r="A1" t="s"><v>12</v></c></row>
<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c><c r="F2" t="s"><v>5</v></c><c r="G2" t="s"><v>6</v></c><c r="H2" t="s"><v>7</v></c><c r="I2" t="s"><v>8</v></c></row>
<row r="3"><c r="A3"><v>1</v></c><c r="B3" s="4"><v>45432.592303240741</v></c><c r="C3" t="inlineStr"><is><t>136秒</t></is></c><c r="D3" t="s"><v>9</v></c><c r="E3" t="inlineStr"><is><t>满意</t></is></c><c r="F3"><v>3</v></c><c r="G3" s="2"><v>45432</v></c><c r="H3" s="3"><v>0.5</v></c><c r="I3" t="inlineStr"><is><t xml:space="preserve"> 前后空格 </t></is></c></row>
<row r="4"><c r="A4"><v>2</v></c><c r="B4" s="1"><v>45433.25</v></c><c r="C4" t="inlineStr"><is><t>20秒</t></is></c><c r="D4" t="s"><v>10</v></c><c r="E4" t="inlineStr"><is><t>a&lt;b &amp; "c"</t></is></c><c r="F4" s="5"><v>2.5</v></c><c r="G4" s="7"><v>45434</v></c><c r="H4" s="6"><v>1.5</v></c></row>
<row r="5"></row>
<row r="6"><c r="A6"><v>3</v></c><c r="B6" t="inlineStr"><is><t>2024/5/20 9:05:03</t></is></c><c r="C6"><v>3</v></c><c r="D6" t="s"><v>9</v></c><c r="F6"><v>0.30000000000000004</v></c><c r="G6"><v>-3</v></c><c r="H6"><v>1234567890123</v></c><c r="I6" t="inlineStr"><is><t>第一行
第二行</t></is></c></row>
<row r="7"><c r="A7" t="s"><v>11</v></c><c r="F7"><v>8.5</v></c></row>
<row r="8"><c r="A8"><v>4</v></c><c r="D8" t="s"><v>9</v></c><c r="K8" t="inlineStr"><is><t>多余</t></is></c></row>
<row><c><v>5</v></c><c t="inlineStr"><is><t>2024/5/21 10:00:00</t></is></c><c t="inlineStr"><is><t>99秒</t></is></c><c t="s"><v>10</v></c></row>
<row r="11" spans="1:9"><c r="A11" t="inlineStr"><is><t></t></is></c></row>
</sheetData></worksheet>"""

# Formulas, booleans and errors: an .xlsx keeps each formula's last value; libfreexl reads none of
# them from an .xls (its FORMULA and BOOLERR records), so the .xls copy must be refused.
FORMULAS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>合计分</t></is></c><c r="C1" t="inlineStr"><is><t>用时</t></is></c><c r="D1" t="inlineStr"><is><t>已核对</t></is></c><c r="E1" t="inlineStr"><is><t>比值</t></is></c></row>
<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>1+2</f><v>3</v></c><c r="C2" t="str"><f>"2"&amp;"0秒"</f><v>20秒</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
</sheetData></worksheet>"""

# Sheet 2: every element with the x: prefix.
SHEET2 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>学校</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>人数</x:t></x:is></x:c></x:row>
<x:row r="2"><x:c r="A2" t="s"><x:v>9</x:v></x:c><x:c r="B2"><x:v>12</x:v></x:c></x:row>
</x:sheetData></x:worksheet>"""


def write_xlsx(path, sheet1=SHEET1, date1904=False, compression=zipfile.ZIP_DEFLATED):
    """The two-sheet workbook 答卷 + 第二页, with `sheet1` as the first sheet."""
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook(date1904))
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/sharedStrings.xml", SHARED)
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/worksheets/sheet1.xml", sheet1)
        z.writestr("xl/worksheets/sheet2.xml", SHEET2)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    os.chdir(here)
    write_xlsx("survey.xlsx")
    write_xlsx("formulas.xlsx", sheet1=FORMULAS)
    # The same serials in the 1904 system are 1462 days later (2028-05-21 14:12:55 for B3).
    write_xlsx("survey-1904.xlsx", date1904=True)
    # Damaged: the worksheet stops in the middle of a tag.
    write_xlsx("truncated-sheet.xlsx", sheet1=SHEET1[: SHEET1.index("<row r=\"6\">") + 12])
    # Damaged: a stored (uncompressed) worksheet with one byte changed after the CRC was written.
    write_xlsx("bad-crc.xlsx", compression=zipfile.ZIP_STORED)
    with open("bad-crc.xlsx", "r+b") as handle:
        data = handle.read()
        at = data.index(b"136")
        handle.seek(at)
        handle.write(b"7")
    # Damaged: a ZIP signature, then nothing of a ZIP.
    with open("not-a-zip.xlsx", "wb") as handle:
        handle.write(b"PK\x03\x04" + b"junheng test: not a zip archive\n" * 8)
    if "--xls" in sys.argv:
        office = shutil.which("soffice") or shutil.which("libreoffice")
        with tempfile.TemporaryDirectory() as work:
            subprocess.run(
                [office, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "xls",
                 "--outdir", work, "survey.xlsx"], check=True, capture_output=True)
            shutil.copy(os.path.join(work, "survey.xls"), "survey.xls")
            subprocess.run(
                [office, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "xls",
                 "--outdir", work, "formulas.xlsx"], check=True, capture_output=True)
            shutil.copy(os.path.join(work, "formulas.xls"), "formulas.xls")
        # Damaged: the first 4 KiB of a real workbook.
        with open("survey.xls", "rb") as handle:
            head = handle.read(4096)
        with open("truncated.xls", "wb") as handle:
            handle.write(head)


    if "--protected" in sys.argv:
        # The open password is "junheng" in both.
        subprocess.run(["msoffcrypto-tool", "-e", "-p", "junheng", "survey.xlsx", "protected.xlsx"], check=True)
        subprocess.run(["/usr/bin/python3", "encrypt_xls.py", "survey.xlsx", "protected.xls", "junheng"], check=True)


if __name__ == "__main__":
    main()
