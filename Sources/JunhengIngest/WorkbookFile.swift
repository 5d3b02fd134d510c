import Foundation
import JunhengCore

/// An Excel workbook read like a CSV file: one sheet's header, then each data row as a ``CSVRow`` (or
/// a ``CSVRecord``) with its row number, and every row skipped as an ``IngestProblem``, by the same
/// rules as ``CSVFile`` (title rows, blank rows, 合计 rows; see ``SheetRowSifter``). ``CSVFile``,
/// ``CSVBackgroundReader``, ``CSVTable`` and ``CSVInspection`` hand a workbook here by its content, so
/// every command that reads a CSV file reads a workbook unchanged.
///
/// - **.xls** (BIFF, as 问卷星 downloads them; UTF-16 strings) through libfreexl (``FreeXLReader``), run
///   in a child process (``XLSReaderClient``) so that a damaged file cannot take the run down.
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
    /// The limits of a cell, a row and the rows before the header, the same as a CSV file's (``CSVLimits``).
    public var limits: CSVLimits

    public init(path: String, sheet: String? = nil, limits: CSVLimits = CSVLimits()) {
        self.path = path
        self.sheet = sheet
        self.limits = limits
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
        case .xls: try XLSReaderClient(path: path).sheetNames
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
    /// - Parameter progress: told the bytes read so far and the file's size (an .xlsx: its sheet's
    ///   inflated share; an .xls: its rows' share, the file being parsed whole when opened).
    /// - Complexity: O(cells). Memory: .xlsx one row plus the shared strings; .xls one row here, and the
    ///   sheet's cells in the reader's child process, which libfreexl holds (at most 65 536 rows).
    public func scan(
        header: ([String], Int) throws -> Void = { _, _ in },
        progress: ((_ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil,
        row: (CSVRow) throws -> Void
    ) throws -> CSVReadSummary {
        try scan(placedHeader: { names, line, _ in try header(names, line) }, progress: progress, row: row)
    }

    /// ``scan(header:progress:row:)`` telling the header callback also the place, `FILE[Sheet]`.
    func scan(
        placedHeader header: ([String], Int, String) throws -> Void,
        progress: ((_ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil,
        row: (CSVRow) throws -> Void
    ) throws -> CSVReadSummary {
        let format = try format()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let progress = progress ?? { _, _ in }
        return try withoutActuallyEscaping(header) { header in
            try withoutActuallyEscaping(row) { row in
                switch format {
                case .xls: try scanXLS(header: header, row: row, size: size, progress: progress)
                case .xlsx: try scanXLSX(header: header, row: row, size: size, progress: progress)
                }
            }
        }
    }

    // MARK: - The two formats

    private func format() throws(IngestError) -> Format {
        guard FileManager.default.isReadableFile(atPath: path) else { throw WorkbookProblems.cannotOpen(file: path) }
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

    /// An .xls sheet, read by libfreexl in a child process (``XLSReaderClient``): a crash or a hang there
    /// is this workbook's damage, not the end of the run.
    private func scanXLS(
        header: @escaping ([String], Int, String) throws -> Void, row: @escaping (CSVRow) throws -> Void,
        size: Int, progress: (Int, Int) -> Void
    ) throws -> CSVReadSummary {
        let workbook = try XLSReaderClient(path: path)
        let names = workbook.sheetNames
        let index = try sheetIndex(in: names)
        let name = names[index]
        let (rowCount, columnCount) = try workbook.selectSheet(index)
        let place = WorkbookProblems.place(file: path, sheet: name)
        let sifter = SheetRowSifter(
            place: place, limits: limits, header: { names, line in try header(names, line, place) }, row: row)
        var next = 0
        while let (rowIndex, cells) = try workbook.nextRow() {
            guard rowIndex >= next, rowIndex < rowCount, cells.count <= columnCount else {
                throw WorkbookProblems.damaged(file: path, saying: IngestMessage.readerMalformed())
            }
            next = rowIndex + 1
            try checkLimits(cells, row: next, sheet: name)
            try sifter.take(number: next, cells: cells)
            if rowIndex % 1024 == 1023 { progress(size * next / rowCount, size) }
        }
        progress(size, size)
        return try summary(
            of: sifter, encoding: .utf16le, size: size,
            workbook: WorkbookSheet(format: .xls, sheet: name, sheets: names))
    }

    /// An .xls row's cells against the limits a CSV record is held to (an .xls cell holds at most 32,767
    /// characters, so only a damaged file comes near).
    private func checkLimits(_ cells: [String], row: Int, sheet: String) throws(IngestError) {
        var bytes = 0
        for (column, cell) in cells.enumerated() {
            guard cell.utf8.count <= limits.fieldBytes else {
                throw WorkbookProblems.cellTooLong(
                    file: path, sheet: sheet, row: row, column: column + 1, limit: limits.fieldBytes)
            }
            bytes += cell.utf8.count
            guard bytes <= limits.recordBytes else {
                throw WorkbookProblems.rowTooLong(file: path, sheet: sheet, row: row, limit: limits.recordBytes)
            }
        }
        guard cells.count <= limits.columns else {
            throw WorkbookProblems.tooManyColumns(file: path, sheet: sheet, row: row, limit: limits.columns)
        }
    }

    private func scanXLSX(
        header: @escaping ([String], Int, String) throws -> Void, row: @escaping (CSVRow) throws -> Void,
        size: Int, progress: @escaping (Int, Int) -> Void
    ) throws -> CSVReadSummary {
        let package = try XLSXPackage(path: path)
        let names = package.sheets.map(\.name)
        let index = try sheetIndex(in: names)
        let (name, part) = package.sheets[index]
        let place = WorkbookProblems.place(file: path, sheet: name)
        let sifter = SheetRowSifter(
            place: place, limits: limits, header: { names, line in try header(names, line, place) }, row: row)
        var lastReported = 0
        try package.readSheet(
            part: part, name: name, strings: try package.sharedStrings(limits: limits), styles: try package.styles(),
            limits: limits,
            progress: { inflated, total in
                // The sheet's inflated share, in the file's bytes, at most every 256 KiB.
                let read = Int(Double(size) * min(1, Double(inflated) / Double(max(total, 1))))
                if read - lastReported >= 1 << 18 {
                    lastReported = read
                    progress(read, size)
                }
            },
            row: { number, cells in try sifter.take(number: number, cells: cells) })
        progress(size, size)
        return try summary(
            of: sifter, encoding: .utf8, size: size, workbook: WorkbookSheet(format: .xlsx, sheet: name, sheets: names))
    }

    private func summary(of sifter: SheetRowSifter, encoding: TextEncoding, size: Int, workbook: WorkbookSheet)
        throws -> CSVReadSummary
    {
        try sifter.finish()
        guard let header = sifter.header else { throw WorkbookProblems.emptySheet(place: sifter.place) }
        return CSVReadSummary(
            file: sifter.place, encoding: encoding, delimiter: .comma, header: header, headerLine: sifter.headerLine,
            rows: sifter.rows, lines: sifter.lastRow, bytes: size, problems: sifter.problems,
            problemCounts: sifter.problemCounts, workbook: workbook)
    }
}
