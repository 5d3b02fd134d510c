import Foundation
import JunhengCore

/// An Excel workbook read like a CSV file: one sheet's header, then each data row as a ``CSVRow`` (or
/// a ``CSVRecord``) with its row number, and every row skipped as an ``IngestProblem``, by the same
/// rules as ``CSVFile`` (title rows, blank rows, 合计 rows; see ``SheetRowSifter``). So a consumer
/// of ``CSVFile/scan(header:row:)`` takes a workbook unchanged.
///
/// - **.xls** (BIFF, as 问卷星 downloads them; UTF-16 strings) through libfreexl (``FreeXLReader``).
/// - **.xlsx** through ZIPFoundation and a SAX parser (``XLSXPackage``): the sheet is read row by row,
///   so memory holds one row and the shared strings, never the sheet.
///
/// The first sheet is read unless ``sheet`` names another. A cell reads as Excel shows it
/// (``WorkbookCell``): `1`, not `1.0`; dates as 问卷星 writes them, `2024/5/20 14:22:55`. Every
/// location names the sheet: `FILE[Sheet1]:ROW:COL`, ROW being the row number Excel shows.
public struct WorkbookFile: Sendable, Hashable {
    /// The two workbook formats.
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        /// Excel 97–2003 (BIFF8 in a compound file), what 问卷星 downloads.
        case xls
        /// Office Open XML (a ZIP package).
        case xlsx
    }

    public var path: String
    /// The sheet to read; `nil` reads the first.
    public var sheet: String?

    public init(path: String, sheet: String? = nil) {
        self.path = path
        self.sheet = sheet
    }

    /// The workbook format of the file at `path` by its first bytes, or `nil` when it is not a workbook
    /// (or cannot be opened).
    public static func format(ofFileAt path: String) -> Format? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 8) else { return nil }
        let bytes = Array(head)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .xls }
        return nil
    }

    /// The names of the workbook's worksheets, in workbook order.
    ///
    /// - Throws: ``IngestError`` for a file that cannot be opened, is password-protected or damaged.
    public func sheetNames() throws(IngestError) -> [String] {
        switch try format() {
        case .xls: try FreeXLReader(path: path).sheetNames
        case .xlsx: try XLSXPackage(path: path).sheets.map(\.name)
        }
    }

    /// Reads the sheet: `header` is called once with the header names and row, then `row` for each data
    /// record in order. Problems the reader survives are in the returned summary, whose `file` is
    /// `FILE[Sheet]`.
    ///
    /// - Throws: ``IngestError`` for a workbook that cannot be read (missing, password-protected,
    ///   damaged, no such sheet, no header); an error thrown by `row` or `header` is rethrown as is.
    public func read(
        header: ([String], Int) throws -> Void = { _, _ in },
        row: (CSVRecord) throws -> Void
    ) throws -> CSVReadSummary {
        try scan(header: header) { try row($0.record()) }
    }

    /// Reads the sheet like ``read(header:row:)``, handing each record as a ``CSVRow``.
    ///
    /// - Complexity: O(cells). Memory: .xlsx one row plus the shared strings; .xls the sheet's cells,
    ///   which libfreexl holds (at most 65 536 rows).
    public func scan(
        header: ([String], Int) throws -> Void = { _, _ in },
        row: (CSVRow) throws -> Void
    ) throws -> CSVReadSummary {
        let format = try format()
        return try withoutActuallyEscaping(header) { header in
            try withoutActuallyEscaping(row) { row in
                switch format {
                case .xls: try scanXLS(header: header, row: row)
                case .xlsx: try scanXLSX(header: header, row: row)
                }
            }
        }
    }

    // MARK: - The two formats

    private func format() throws(IngestError) -> Format {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw IngestError(
                kind: .unreadable, location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "无法打开文件，请检查路径。", en: "Cannot open the file: check the path and that it is readable."))
        }
        guard let format = Self.format(ofFileAt: path) else {
            throw WorkbookProblems.damaged(file: path, detail: "not an .xls or .xlsx file")
        }
        return format
    }

    /// The index of the sheet to read among `names`.
    private func sheetIndex(in names: [String]) throws(IngestError) -> Int {
        guard !names.isEmpty else { throw WorkbookProblems.noSheets(file: path) }
        guard let sheet else { return 0 }
        if let index = names.firstIndex(of: sheet) { return index }
        // A name typed with different spaces or case still finds its sheet, when only one matches.
        let folded = names.indices.filter {
            HeaderPolicy.trim(names[$0]).lowercased() == HeaderPolicy.trim(sheet).lowercased()
        }
        if folded.count == 1 { return folded[0] }
        throw WorkbookProblems.noSuchSheet(file: path, sheet: sheet, sheets: names)
    }

    private func scanXLS(header: @escaping ([String], Int) throws -> Void, row: @escaping (CSVRow) throws -> Void)
        throws -> CSVReadSummary
    {
        let workbook = try FreeXLReader(path: path)
        let index = try sheetIndex(in: workbook.sheetNames)
        let name = workbook.sheetNames[index]
        let (rowCount, columnCount) = try workbook.selectSheet(index)
        guard let unreadable = XLSUnreadableCells.scan(path: path, sheet: name, index: index) else {
            throw WorkbookProblems.damaged(file: path, detail: "the records of sheet \(name) cannot be followed")
        }
        if unreadable.count > 0 {
            throw WorkbookProblems.formulasInXLS(file: path, sheet: name, cells: unreadable)
        }
        let sifter = SheetRowSifter(place: WorkbookProblems.place(file: path, sheet: name), header: header, row: row)
        var cells: [String] = []
        for rowIndex in 0..<rowCount {
            cells.removeAll(keepingCapacity: true)
            for column in 0..<columnCount {
                cells.append(try workbook.cell(row: rowIndex, column: column, sheet: name).displayText)
            }
            try sifter.take(number: rowIndex + 1, cells: cells)
        }
        return try summary(of: sifter, encoding: .utf16le)
    }

    private func scanXLSX(header: @escaping ([String], Int) throws -> Void, row: @escaping (CSVRow) throws -> Void)
        throws -> CSVReadSummary
    {
        let package = try XLSXPackage(path: path)
        let index = try sheetIndex(in: package.sheets.map(\.name))
        let (name, part) = package.sheets[index]
        let sifter = SheetRowSifter(place: WorkbookProblems.place(file: path, sheet: name), header: header, row: row)
        try package.readSheet(
            part: part, name: name, strings: try package.sharedStrings(), styles: try package.styles()
        ) { number, cells in
            try sifter.take(number: number, cells: cells)
        }
        return try summary(of: sifter, encoding: .utf8)
    }

    private func summary(of sifter: SheetRowSifter, encoding: TextEncoding) throws -> CSVReadSummary {
        try sifter.finish()
        guard sifter.header != nil else {
            throw IngestError(
                kind: .noHeader, location: SourceLocation(file: sifter.place),
                message: LocalizedText(
                    zh: "工作表没有表头行（为空）。请检查 --sheet 指定的工作表，或重新导出。",
                    en: "The sheet has no header row (it is empty). Check the sheet (--sheet), or export again."))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return CSVReadSummary(
            file: sifter.place, encoding: encoding, delimiter: .comma, header: sifter.header ?? [],
            headerLine: sifter.headerLine, rows: sifter.rows, lines: sifter.lastRow, bytes: size,
            problems: sifter.problems)
    }
}
