import Testing

@testable import JunhengIngest

/// How a workbook cell reads: numbers as Excel's General format, dates as 问卷星 writes them.
@Suite struct WorkbookCellTests {
    @Test func numbersAsExcelShowsThem() {
        #expect(WorkbookCell.number(1).displayText == "1")
        #expect(WorkbookCell.number(-3).displayText == "-3")
        #expect(WorkbookCell.number(-0.0).displayText == "0")
        #expect(WorkbookCell.number(2.5).displayText == "2.5")
        #expect(WorkbookCell.number(0.1 + 0.2).displayText == "0.3")
        #expect(WorkbookCell.number(123_456_789_012_345).displayText == "123456789012345")
        #expect(WorkbookCell.number(1e15).displayText == "1e+15")
        #expect(WorkbookCell.number(.nan).displayText == "#NUM!")
    }

    @Test func datesAndTimes() {
        #expect(WorkbookCell.date(year: 2024, month: 5, day: 20).displayText == "2024/5/20")
        #expect(
            WorkbookCell.dateTime(year: 2024, month: 5, day: 20, hour: 9, minute: 5, second: 3).displayText
                == "2024/5/20 9:05:03")
        #expect(WorkbookCell.time(hour: 14, minute: 22, second: 55).displayText == "14:22:55")
        #expect(WorkbookCell.boolean(false).displayText == "FALSE")
    }

    /// libfreexl's and the .xlsx `t="d"` forms.
    @Test func isoDates() {
        #expect(WorkbookCell(isoDateTime: "2024-05-20") == .date(year: 2024, month: 5, day: 20))
        #expect(
            WorkbookCell(isoDateTime: "2024-05-20 14:22:55")
                == .dateTime(year: 2024, month: 5, day: 20, hour: 14, minute: 22, second: 55))
        #expect(
            WorkbookCell(isoDateTime: "2024-05-20T14:22:55.5")
                == .dateTime(year: 2024, month: 5, day: 20, hour: 14, minute: 22, second: 55))
        #expect(WorkbookCell(isoDateTime: "14:22:55") == .time(hour: 14, minute: 22, second: 55))
        #expect(WorkbookCell(isoDateTime: "明天") == .text("明天"))
    }

    /// Serials by hand: 1 is 1900-01-01; 60 the phantom 1900-02-29; 61 is 1900-03-01 (61 days after
    /// 1899-12-30); 45432.592303240741 is 2024-05-20 and 0.592303240741 · 86400 = 51175 s = 14:12:55;
    /// 2958465.99999 rounds to 9999-12-31 23:59:59; 0 in the 1904 system is 1904-01-01.
    @Test func serialDates() throws {
        func date(_ serial: Double, _ uses1904: Bool = false) throws -> [Int] {
            let date = try #require(ExcelSerialDate(serial: serial, uses1904: uses1904))
            return [date.year, date.month, date.day, date.hour, date.minute, date.second]
        }
        #expect(try date(1) == [1900, 1, 1, 0, 0, 0])
        #expect(try date(59) == [1900, 2, 28, 0, 0, 0])
        #expect(try date(60) == [1900, 2, 29, 0, 0, 0])
        #expect(try date(61) == [1900, 3, 1, 0, 0, 0])
        #expect(try date(45432.592303240741) == [2024, 5, 20, 14, 12, 55])
        #expect(try date(2_958_465.99999) == [9999, 12, 31, 23, 59, 59])
        #expect(try date(0.999999999) == [1900, 1, 1, 0, 0, 0])
        #expect(try date(0, true) == [1904, 1, 1, 0, 0, 0])
        #expect(ExcelSerialDate(serial: -1, uses1904: false) == nil)
        #expect(ExcelSerialDate(serial: 3e6, uses1904: false) == nil)
    }

    @Test func formatCodes() {
        #expect(XLSXStyles.kind(ofFormatCode: "yyyy/m/d\\ h:mm:ss") == .dateTime)
        #expect(XLSXStyles.kind(ofFormatCode: "yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(XLSXStyles.kind(ofFormatCode: "[h]:mm:ss") == .time)
        #expect(XLSXStyles.kind(ofFormatCode: "mm:ss") == .time)
        #expect(XLSXStyles.kind(ofFormatCode: "0.00;[Red]\\-0.00") == .number)
        #expect(XLSXStyles.kind(ofFormatCode: "General") == .number)
        #expect(XLSXStyles.kind(ofFormatCode: "\"day\" 0") == .number)
        #expect(XLSXStyles.kind(ofFormatCode: "[$-804]yyyy/m/d") == .date)
        #expect(XLSXStyles.kind(ofFormatCode: "0;yyyy") == .number)
        #expect(XLSXStyles.builtinKind(14) == .date)
        #expect(XLSXStyles.builtinKind(22) == .dateTime)
        #expect(XLSXStyles.builtinKind(33) == .time)
        #expect(XLSXStyles.builtinKind(9) == .number)
    }

    @Test func cellReferences() {
        #expect(XLSXSheetReader.columnIndex("A1") == 0)
        #expect(XLSXSheetReader.columnIndex("z9") == 25)
        #expect(XLSXSheetReader.columnIndex("AB12") == 27)
        #expect(XLSXSheetReader.columnIndex("XFD1048576") == 16_383)
        #expect(XLSXSheetReader.columnIndex("12") == nil)
        #expect(XLSXSheetReader.columnIndex("ABCD1") == nil)
    }

    @Test func relationshipTargets() {
        #expect(XLSXPackage.resolve("worksheets/sheet1.xml", in: "xl") == "xl/worksheets/sheet1.xml")
        #expect(XLSXPackage.resolve("/xl/worksheets/sheet2.xml", in: "xl") == "xl/worksheets/sheet2.xml")
        #expect(XLSXPackage.resolve("../styles.xml", in: "xl/worksheets") == "xl/styles.xml")
        #expect(XLSXPackage.resolve("xl/workbook.xml", in: "") == "xl/workbook.xml")
    }
}
