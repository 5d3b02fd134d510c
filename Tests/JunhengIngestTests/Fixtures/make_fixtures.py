#!/usr/bin/env python3
"""Writes the ingest fixtures: one small file per case of DOMAIN.md §6. Run from this folder."""

def w(name, data):
    with open(name, "wb") as f:
        f.write(data)

u = lambda s: s.encode("utf-8")
# 1. UTF-8 BOM before a quoted header, CRLF.
w("bom-quoted-header.csv", b"\xef\xbb\xbf" + u('"序号","1、您的身份","2、所在乡镇"\r\n1,家长,城关镇\r\n2,教师,双涧镇\r\n'))
# 2. GB18030 (GBK) text, as Excel on Chinese Windows saves it.
w("gb18030.csv", "序号,1、您的身份,2、所在乡镇\r\n1,家长,城关镇\r\n2,教师,双涧镇\r\n3,学生,庄周街道\r\n".encode("gb18030"))
# 3. UTF-16LE and UTF-16BE with a BOM, tab-delimited as Excel's "Unicode text" is.
text16 = "序号\t1、您的身份\t2、所在乡镇\r\n1\t家长\t城关镇\r\n2\t教师\t双涧镇\r\n"
w("utf16le-bom.txt", b"\xff\xfe" + text16.encode("utf-16-le"))
w("utf16be-bom.csv", b"\xfe\xff" + text16.replace("\t", ",").encode("utf-16-be"))
w("utf16le-nobom.csv", text16.replace("\t", ",").encode("utf-16-le"))
# 4. Line endings: CR only; mixed CRLF, LF and CR; no final newline.
w("cr-only.csv", u("a,b\r1,2\r3,4\r"))
w("mixed-endings.csv", u("a,b\r\n1,2\n3,4\r5,6\r\n7,8"))
# 5. Blank lines and comma-only lines (lines 3, 5, 6 skipped; data on 2, 4, 7).
w("blank-and-empty.csv", u("a,b,c\n1,2,3\n\n4,5,6\n,,\n   \n7,8,9\n"))
# 6. A title line above the header and a 合计 row under the data.
w("title-total.csv", u("2024年蒙城县家长满意度调查,,\n学校,人数,满意\n一小,10,9\n二小,20,17\n合计,30,26\n"))
# 7. Duplicate and empty header cells.
w("duplicate-headers.csv", u("学校,人数,学校,\n一小,10,一小,\n"))
# 8. Ragged rows: line 3 has too few fields, line 4 too many.
w("ragged.csv", u("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n"))
# 9. Quoted fields with commas, doubled quotes and newlines: the record after the
#    multi-line field starts on line 5, not line 3.
w("quoted.csv", u('id,text\n1,"a, b"\n2,"line one\nline two\nsays ""hi"""\n3,plain\n'))
# 10. An unterminated quote opened on line 3; libcsv alone would swallow the rest.
w("unterminated-quote.csv", u('id,text\n1,ok\n2,"never closed\n3,more\n4,still inside\n'))
# 11. NUL bytes inside a field (line 2, column 2).
w("nul-bytes.csv", u("id,name\n1,ab") + b"\x00\x00" + u("c\n2,d\n"))
# 12. Full-width digits and punctuation are text and stay as they are.
w("fullwidth.csv", u("序号,得分\n１,９５．５\n２,８０，５\n"))
# 13. Excel's sep= first line, with semicolons.
w("sep-semicolon.csv", u("sep=;\na;b;c\n1;2,5;3\n4;5;6\n"))
# 14. Other delimiters, sniffed.
w("tab.tsv", u("a\tb\tc\n1\t2\t3\n4\t5\t6\n"))
w("semicolon.csv", u("a;b;c\n1;2,5;3\n4;5;6\n"))
w("pipe.csv", u("a|b|c\n1|2|3\n"))
# 15. Cells that start with =, +, -, @ (read as text; writers must neutralise them).
w("formula-cells.csv", u('name,value\n"=HYPERLINK(""http://x"")",+1\n@SUM(A1),-2\n'))
# 16. Excel workbooks handed in as CSV.
w("workbook.xlsx", b"PK\x03\x04" + b"\x00" * 60)
w("workbook.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 60)
# 17. UTF-8 for the first 300 data lines (past the 4 KiB the detector needs), then GBK bytes on
#     line 302, field 2: the header is line 1, data lines 2..301.
w("mixed-encoding.csv", u("序号,乡镇\n" + "".join(f"{i},城关镇\n" for i in range(1, 301)) + "301,") + "双涧镇".encode("gbk") + u("\n"))
# 18. Bytes that are not GB18030 either (0xFF), line 2 field 2.
w("invalid-gb18030.csv", "序号,乡镇\n".encode("gb18030") + b"1,\xff\xff\n")
