import Foundation
import JunhengCore
import Testing

@testable import JunhengIngest

/// The workbook readers against small workbooks made on purpose (`Fixtures/workbooks/make_workbooks.py`)
/// and the real 问卷星 downloads (`wjx800_*.xls`, kept with the questionnaire tests' fixtures).
@Suite struct WorkbookFileTests {
    /// .xls workbooks are read in the test host's child process (`Tests/XLSReaderHost`).
    init() {
        XLSReaderProcess.current = .beside("XLSReaderHost")
    }

    static func workbook(_ name: String) -> String { fixture("workbooks/\(name)") }

    /// The real 问卷星 export pair (BSD, gasongjian/reportgen), with the questionnaire tests' fixtures.
    static func realExport(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("JunhengQuestionnaireTests/Fixtures/\(name)").path
    }

    /// Reads a sheet whole: the header, the records and the summary.
    static func readAll(_ file: WorkbookFile) throws -> (
        header: [String], records: [CSVRecord], summary: CSVReadSummary
    ) {
        var header: [String] = []
        var records: [CSVRecord] = []
        let summary = try file.read(header: { names, _ in header = names }, row: { records.append($0) })
        return (header, records, summary)
    }

    static let header = ["序号", "提交答卷时间", "所用时间", "1、您的身份", "2、满意程度", "3、分数", "4、日期", "5、时间", "6、备注"]

    /// The data rows of survey.xlsx's first sheet as Excel shows them, worked out from the XML in
    /// make_workbooks.py: 45432.592303240741 with `yyyy/m/d h:mm:ss` is 2024-05-20 at 51 175 s =
    /// 14:12:55; 0.5 with `h:mm:ss` is 12:00:00; 45433.25 with built-in 22 is 2024-05-21 6:00; 45434
    /// with the zh-CN built-in 31 is 2024-05-22; 2.5 in `0.00` is the number 2.5 (the value, not its
    /// decimals); 0.30000000000000004 is 0.3 at Excel's 15 digits; the rich text 教 + 师 without its
    /// phonetic guide is 教师. Row 5 is empty, row 7 a 合计 row, row 8 has a value in column K.
    static let rows: [CSVRecord] = [
        CSVRecord(
            line: 3, fields: ["1", "2024/5/20 14:12:55", "136秒", "家长", "满意", "3", "2024/5/20", "12:00:00", " 前后空格 "]),
        CSVRecord(
            line: 4, fields: ["2", "2024/5/21 6:00:00", "20秒", "教师", "a<b & \"c\"", "2.5", "2024/5/22", "12:00:00", ""]),
        CSVRecord(
            line: 6,
            fields: ["3", "2024/5/20 9:05:03", "3", "家长", "", "0.3", "-3", "1234567890123", "第一行\n第二行"]),
        CSVRecord(line: 9, fields: ["5", "2024/5/21 10:00:00", "99秒", "教师", "", "", "", "", ""]),
    ]

    // MARK: - Both formats, one answer

    @Test(arguments: ["survey.xlsx", "survey.xls"])
    func firstSheetReadsAsExcelShowsIt(name: String) throws {
        let (header, records, summary) = try Self.readAll(WorkbookFile(path: Self.workbook(name)))
        #expect(header == Self.header)
        #expect(records == Self.rows)
        #expect(summary.header == Self.header)
        #expect(summary.headerLine == 2)
        #expect(summary.rows == 4)
        let place = Self.workbook(name) + "[答卷]"
        #expect(summary.file == place)
        let problems = summary.problems.map { "\($0.kind.rawValue)@\($0.location)" }
        #expect(
            problems == [
                "title-row@\(place):1", "blank-line@\(place):5", "total-row@\(place):7", "ragged-row@\(place):8:11",
            ])
        #expect(summary.problems.allSatisfy { $0.skipsRow })
    }

    @Test(arguments: ["survey.xlsx", "survey.xls"])
    func sheetsByName(name: String) throws {
        let file = WorkbookFile(path: Self.workbook(name), sheet: "第二页")
        #expect(try file.sheetNames() == ["答卷", "第二页"])
        let (header, records, summary) = try Self.readAll(file)
        #expect(header == ["学校", "人数"])
        #expect(records == [CSVRecord(line: 2, fields: ["家长", "12"])])
        #expect(summary.file == Self.workbook(name) + "[第二页]")
    }

    @Test func unknownSheetNamesTheSheets() {
        let file = WorkbookFile(path: Self.workbook("survey.xlsx"), sheet: "Sheet9")
        #expect {
            _ = try Self.readAll(file)
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.kind == .noSuchSheet
                && error.message.zh == "工作簿中没有名为“Sheet9”的工作表。现有工作表：“答卷”、“第二页”。请用 --sheet 指定其中之一。"
                && error.message.en
                    == "The workbook has no sheet named \"Sheet9\". Its sheets: \"答卷\", \"第二页\". Pass one of them with --sheet."
                && error.location == SourceLocation(file: Self.workbook("survey.xlsx"))
        }
    }

    /// A name typed with other spaces or case finds its sheet.
    @Test func sheetNameIsForgivingAboutSpacesAndCase() throws {
        let (header, _, _) = try Self.readAll(WorkbookFile(path: Self.workbook("survey.xlsx"), sheet: " 第二页 "))
        #expect(header == ["学校", "人数"])
    }

    /// The 1904 date system moves every date 1462 days on: 2024-05-20 becomes 2028-05-21.
    @Test func dates1904() throws {
        let (_, records, _) = try Self.readAll(WorkbookFile(path: Self.workbook("survey-1904.xlsx")))
        #expect(records[0].fields[1] == "2028/5/21 14:12:55")
        #expect(records[0].fields[6] == "2028/5/21")
    }

    /// CSVRow's fast path gives the same bytes as the decoded record.
    @Test func scanHandsRowsWithTheirPlace() throws {
        var lines: [Int] = []
        var files: Set<String> = []
        var ids: [String] = []
        _ = try WorkbookFile(path: Self.workbook("survey.xlsx")).scan { row in
            lines.append(row.line)
            files.insert(row.file)
            ids.append(row.withUTF8(3) { String(decoding: $0, as: UTF8.self) })
        }
        #expect(lines == [3, 4, 6, 9])
        #expect(files == [Self.workbook("survey.xlsx") + "[答卷]"])
        #expect(ids == ["家长", "教师", "家长", "教师"])
    }

    // MARK: - Formulas

    /// An .xlsx keeps each formula's last value, and booleans and errors as Excel shows them.
    @Test func xlsxFormulaResults() throws {
        let (header, records, _) = try Self.readAll(WorkbookFile(path: Self.workbook("formulas.xlsx")))
        #expect(header == ["序号", "合计分", "用时", "已核对", "比值"])
        #expect(records == [CSVRecord(line: 2, fields: ["1", "3", "20秒", "TRUE", "#DIV/0!"])])
    }

    // MARK: - Refused

    @Test(arguments: ["protected.xlsx", "protected.xls"])
    func passwordProtectedIsRefused(name: String) {
        #expect {
            _ = try Self.readAll(WorkbookFile(path: Self.workbook(name)))
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.kind == .encrypted && error.location == SourceLocation(file: Self.workbook(name))
                && error.message.zh.hasPrefix("这个工作簿设有打开密码，无法读取。")
                && error.message.en.hasPrefix("This workbook is password-protected and cannot be read.")
        }
    }

    @Test(arguments: [
        ("truncated.xls", "工作簿已损坏"), ("not-a-zip.xlsx", "not a readable ZIP archive"),
        ("truncated-sheet.xlsx", "sheet 答卷, line"), ("bad-crc.xlsx", "sheet 答卷"),
    ])
    func damagedIsRefused(name: String, detail: String) {
        #expect {
            _ = try Self.readAll(WorkbookFile(path: Self.workbook(name)))
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.kind == .damaged && error.location?.file == Self.workbook(name)
                && (error.message.en.contains(detail) || error.message.zh.contains(detail))
        }
    }

    /// A damaged sheet stops the reader where it breaks, after handing on the rows before it.
    @Test func truncatedSheetHandsOnTheRowsBeforeTheBreak() {
        var lines: [Int] = []
        #expect(throws: IngestError.self) {
            _ = try WorkbookFile(path: Self.workbook("truncated-sheet.xlsx")).read { lines.append($0.line) }
        }
        #expect(lines == [3, 4])
    }

    @Test func missingFile() {
        #expect {
            _ = try Self.readAll(WorkbookFile(path: "/nonexistent/答卷.xls"))
        } throws: { error in
            (error as? IngestError)?.message.en == "Cannot open the file: check the path and that it is readable."
        }
    }

    @Test func format() {
        #expect(WorkbookFile.format(ofFileAt: Self.workbook("survey.xlsx")) == .xlsx)
        #expect(WorkbookFile.format(ofFileAt: Self.workbook("survey.xls")) == .xls)
        #expect(WorkbookFile.format(ofFileAt: fixture("quoted.csv")) == nil)
        #expect(WorkbookFile.format(ofFileAt: "/nonexistent") == nil)
    }

    // MARK: - The real 问卷星 downloads

    /// The .xls 问卷星 wrote and the CSV saved from it (integers without `.0`) read the same, cell by
    /// cell, in both download modes: 800 responses, no problem.
    @Test(arguments: ["wjx800_text", "wjx800_number"])
    func realExportMatchesItsCSV(name: String) throws {
        let (header, records, summary) = try Self.readAll(WorkbookFile(path: Self.realExport(name + ".xls")))
        let csv = try CSVTable.read(path: Self.realExport(name + ".csv"))
        #expect(header == csv.header)
        #expect(records.count == 800)
        #expect(records == csv.records)
        #expect(summary.problems.isEmpty)
        #expect(summary.file == Self.realExport(name + ".xls") + "[Sheet1]")
    }
}

/// The census of the .xls cells libfreexl cannot read.
@Suite struct XLSUnreadableCellsTests {
    init() {
        XLSReaderProcess.current = .beside("XLSReaderHost")
    }

    /// formulas.xls (LibreOffice's copy of formulas.xlsx): B2 `=1+2`, C2 a formula string, E2 `=1/0`
    /// are FORMULA records, D2 TRUE a BOOLERR record: four, the first at row 2, column 2.
    @Test func formulasAndBooleansAreCounted() throws {
        let cells = try #require(
            XLSUnreadableCells.scan(path: WorkbookFileTests.workbook("formulas.xls"), sheet: "答卷", index: 0))
        #expect(cells == XLSUnreadableCells(count: 4, first: (2, 2)))
        let other = try #require(
            XLSUnreadableCells.scan(path: WorkbookFileTests.workbook("formulas.xls"), sheet: "第二页", index: 1))
        #expect(other.count == 0)
    }

    @Test func plainSheetsHaveNone() throws {
        #expect(
            XLSUnreadableCells.scan(path: WorkbookFileTests.workbook("survey.xls"), sheet: "答卷", index: 0)?.count == 0)
        #expect(
            XLSUnreadableCells.scan(path: WorkbookFileTests.realExport("wjx800_text.xls"), sheet: "Sheet1", index: 0)?
                .count == 0)
    }

    @Test func damagedFileCannotBeFollowed() {
        #expect(
            XLSUnreadableCells.scan(path: WorkbookFileTests.workbook("truncated.xls"), sheet: "答卷", index: 0) == nil)
        #expect(XLSUnreadableCells.scan(path: fixture("quoted.csv"), sheet: "x", index: 0) == nil)
    }

    /// The reader refuses the sheet and points at its first formula: FILE[答卷]:2:2.
    @Test func readerRefusesFormulasInXLS() {
        let path = WorkbookFileTests.workbook("formulas.xls")
        #expect {
            _ = try WorkbookFileTests.readAll(WorkbookFile(path: path))
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.kind == .formulaCells
                && error.location == SourceLocation(file: path + "[答卷]", line: 2, column: 2)
                && error.message.zh.hasPrefix("这个 .xls 工作表有 4 个公式、逻辑值或错误值单元格（第一个在此处）")
        }
    }
}

/// The rules a sheet's rows go through, as a CSV file's lines do.
@Suite struct SheetRowSifterTests {
    /// Rows 1 (blank, above everything), 2 (title), 3 (header), 6 (data after the gap 4–5 that an
    /// .xlsx leaves out), 7 (blank), 8 (data), 9–10 (blank at the end: not reported). Each blank row
    /// is one problem, as a CSV file's blank line is, so the rows skipped are counted exactly.
    @Test func blankRowsAndGaps() throws {
        var lines: [Int] = []
        let sifter = SheetRowSifter(place: "f[S]", header: { _, _ in }, row: { lines.append($0.line) })
        try sifter.take(number: 1, cells: [])
        try sifter.take(number: 2, cells: ["标题"])
        try sifter.take(number: 3, cells: ["a", "b"])
        try sifter.take(number: 6, cells: ["1", "2"])
        try sifter.take(number: 7, cells: ["", ""])
        try sifter.take(number: 8, cells: ["3"])
        try sifter.take(number: 10, cells: [])
        try sifter.finish()
        #expect(lines == [6, 8])
        #expect(
            sifter.problems.map { "\($0.kind.rawValue)@\($0.location)" } == [
                "title-row@f[S]:2", "blank-line@f[S]:4", "blank-line@f[S]:5", "blank-line@f[S]:7",
            ])
        #expect(sifter.problems[1].message == LocalizedText(zh: "空行，已跳过。", en: "Blank row skipped."))
        #expect(sifter.problemCounts == [.titleRow: 1, .blankLine: 3])
        #expect(sifter.lastRow == 10)
    }

    /// A sheet of one column: every row has one filled cell, so the first is the header.
    @Test func oneColumnSheet() throws {
        var header: [String] = []
        var rows: [CSVRecord] = []
        let sifter = SheetRowSifter(
            place: "f[S]", header: { names, _ in header = names }, row: { rows.append(try $0.record()) })
        try sifter.take(number: 1, cells: ["学校"])
        try sifter.take(number: 2, cells: ["一小"])
        try sifter.take(number: 3, cells: ["二小"])
        try sifter.finish()
        #expect(header == ["学校"])
        #expect(rows == [CSVRecord(line: 2, fields: ["一小"]), CSVRecord(line: 3, fields: ["二小"])])
    }

    @Test func duplicateAndEmptyHeaders() throws {
        let sifter = SheetRowSifter(place: "f[S]", header: { _, _ in }, row: { _ in })
        try sifter.take(number: 1, cells: ["a", "", "a", "b"])
        #expect(sifter.problems.map(\.kind) == [.emptyHeader, .duplicateHeader])
        #expect(sifter.problems.map(\.location.column) == [2, 3])
    }
}
