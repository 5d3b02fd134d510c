import Foundation
import JunhengCore
import Testing

@testable import JunhengIngest

/// Every entry point of the reader takes a workbook by its content, whatever its name: ``CSVFile``,
/// ``CSVBackgroundReader``, ``CSVTable`` and ``CSVInspection``, the sheet chosen with
/// ``CSVReadOptions/sheet``.
@Suite struct WorkbookEntryPointTests {
    /// .xls workbooks are read in the test host's child process (`Tests/XLSReaderHost`).
    init() {
        XLSReaderProcess.current = .beside("XLSReaderHost")
    }

    static let xlsx = WorkbookFileTests.workbook("survey.xlsx")
    static let xls = WorkbookFileTests.workbook("survey.xls")

    /// A copy of `path` under another name (a workbook saved as `.csv` by mistake).
    static func renamed(_ path: String, to name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "junheng-workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: path, toPath: target)
        return target
    }

    @Test(arguments: [xlsx, xls])
    func csvFileReadsAWorkbook(path: String) throws {
        var header: [String] = []
        var records: [CSVRecord] = []
        let summary = try CSVFile(path: path).read(header: { names, _ in header = names }, row: { records.append($0) })
        #expect(header == WorkbookFileTests.header)
        #expect(records == WorkbookFileTests.rows)
        #expect(summary.file == path + "[答卷]")
        #expect(
            summary.workbook
                == WorkbookSheet(format: path.hasSuffix("x") ? .xlsx : .xls, sheet: "答卷", sheets: ["答卷", "第二页"]))
        // Rows 1 (title), 5 (blank), 7 (合计) and 8 (a value past the header) are skipped, each counted.
        #expect(summary.skippedRows == 4)
    }

    @Test func theSheetOption() throws {
        var records: [CSVRecord] = []
        _ = try CSVFile(path: Self.xlsx, options: CSVReadOptions(sheet: "第二页")).read { records.append($0) }
        #expect(records == [CSVRecord(line: 2, fields: ["家长", "12"])])
    }

    /// By content, not by name: an .xls saved as `export.csv` is still read as a workbook.
    @Test func byContentNotName() throws {
        let path = try Self.renamed(Self.xls, to: "export.csv")
        let table = try CSVTable.read(path: path)
        #expect(table.records == WorkbookFileTests.rows)
        #expect(table.file == path + "[答卷]")
    }

    /// The background reader hands the same rows, in batches smaller than the sheet, with the place.
    @Test(arguments: [xlsx, xls])
    func backgroundReaderReadsAWorkbook(path: String) throws {
        var place = ""
        var records: [CSVRecord] = []
        var files: Set<String> = []
        let summary = try CSVBackgroundReader(file: CSVFile(path: path), batchRows: 2).scan(
            placedHeader: { _, _, file in place = file },
            row: { row in
                files.insert(row.file)
                records.append(try row.record())
            })
        #expect(place == path + "[答卷]")
        #expect(files == [path + "[答卷]"])
        #expect(records == WorkbookFileTests.rows)
        #expect(summary.rows == 4)
    }

    /// An error thrown by the caller stops the workbook's reader thread and comes back as is.
    @Test func backgroundReaderStopsOnTheCallersError() {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            _ = try CSVBackgroundReader(file: CSVFile(path: Self.xlsx), batchRows: 1).scan { _ in throw Stop() }
        }
    }

    @Test func tableOfEitherKind() throws {
        let table = try CSVTable.read(path: Self.xlsx)
        #expect(table.file == Self.xlsx + "[答卷]")
        #expect(table.header == WorkbookFileTests.header)
        #expect(table.records == WorkbookFileTests.rows)
        #expect(table.problems.count == 4)
        #expect(table.encoding == .utf8)
    }

    /// A table read whole stops past its byte limit in a workbook too.
    @Test func tableLimitAppliesToWorkbooks() {
        var limits = CSVLimits()
        limits.tableBytes = 40
        #expect {
            _ = try CSVTable.read(path: Self.xls, options: CSVReadOptions(limits: limits))
        } throws: { error in
            (error as? IngestError)?.kind == .tableTooLarge
        }
    }

    @Test func inspectionNamesTheKindAndTheSheets() {
        let inspection = CSVInspection.inspect(path: Self.xls, language: .en)
        #expect(inspection.format == "xls")
        #expect(inspection.sheet == "答卷")
        #expect(inspection.sheets == ["答卷", "第二页"])
        #expect(inspection.encoding == nil)
        #expect(inspection.delimiter == nil)
        #expect(inspection.rows == 4)
        #expect(inspection.skipped == ["blank-line": 1, "ragged-row": 1, "title-row": 1, "total-row": 1])
        let text = InspectionText(language: .en).render(inspection)
        #expect(
            text.contains(
                "kind: Excel workbook (.xls)\nsheet read: 答卷\nsheets: \"答卷\", \"第二页\" (choose with --sheet)\n"))
        #expect(text.contains("  \(Self.xls)[答卷]:5: warning [blank-line] Blank row skipped.\n"))
    }

    @Test func inspectionOfAMissingSheetIsFatal() {
        let inspection = CSVInspection.inspect(path: Self.xlsx, options: CSVReadOptions(sheet: "Sheet9"))
        #expect(inspection.error?.kind == .noSuchSheet)
        #expect(inspection.sheets == ["答卷", "第二页"])
        #expect(!inspection.ok)
    }
}
