import Foundation
import JunhengCore

/// The errors a workbook reader throws, each naming the file (and the sheet, row and column where
/// there is one, as `FILE[Sheet1]:ROW:COL`) and saying what to do.
enum WorkbookProblems {
    /// How a sheet is named in every location: `FILE[Sheet1]`.
    static func place(file: String, sheet: String) -> String {
        "\(file)[\(sheet)]"
    }

    static func cannotOpen(file: String) -> IngestError {
        IngestError(
            kind: .unreadable, location: SourceLocation(file: file), message: IngestMessage.workbookCannotOpen())
    }

    static func passwordProtected(file: String) -> IngestError {
        IngestError(kind: .encrypted, location: SourceLocation(file: file), message: IngestMessage.passwordProtected())
    }

    /// `detail` is technical (a part, a libfreexl status), kept as written in every language.
    static func damaged(file: String, detail: String) -> IngestError {
        IngestError(
            kind: .damaged, location: SourceLocation(file: file), message: IngestMessage.damagedWorkbook(detail))
    }

    /// A damaged workbook, `detail` said in the language of the run.
    static func damaged(file: String, saying detail: LocalizedText) -> IngestError {
        IngestError(
            kind: .damaged, location: SourceLocation(file: file), message: IngestMessage.damagedWorkbook(detail))
    }

    /// A cell over the field limit, at `FILE[Sheet]:ROW:COL`.
    static func cellTooLong(file: String, sheet: String, row: Int, column: Int, limit: Int) -> IngestError {
        IngestError(
            kind: .fieldTooLong,
            location: SourceLocation(file: place(file: file, sheet: sheet), line: row, column: column),
            message: IngestMessage.workbookCellTooLong(limit: limit))
    }

    static func rowTooLong(file: String, sheet: String, row: Int, limit: Int) -> IngestError {
        IngestError(
            kind: .recordTooLong, location: SourceLocation(file: place(file: file, sheet: sheet), line: row),
            message: IngestMessage.workbookRowTooLong(limit: limit))
    }

    static func tooManyColumns(file: String, sheet: String, row: Int, limit: Int) -> IngestError {
        IngestError(
            kind: .tooManyColumns, location: SourceLocation(file: place(file: file, sheet: sheet), line: row),
            message: IngestMessage.workbookTooManyColumns(limit: limit))
    }

    /// A part of an .xlsx package that would inflate beyond any real workbook's, refused before it is read.
    static func partTooLarge(file: String, part: String, _ refusal: ZipInflationLimit.Refusal) -> IngestError {
        IngestError(
            kind: .tooLarge, location: SourceLocation(file: file), message: IngestMessage.partTooLarge(part, refusal))
    }

    static func sharedStringsTooLarge(file: String) -> IngestError {
        IngestError(
            kind: .tooLarge, location: SourceLocation(file: file), message: IngestMessage.sharedStringsTooLarge())
    }

    static func damagedCell(file: String, sheet: String, row: Int, column: Int, detail: String) -> IngestError {
        IngestError(
            kind: .damaged, location: SourceLocation(file: place(file: file, sheet: sheet), line: row, column: column),
            message: IngestMessage.damagedCell(detail))
    }

    static func formulasInXLS(file: String, sheet: String, cells: XLSUnreadableCells) -> IngestError {
        IngestError(
            kind: .formulaCells,
            location: SourceLocation(
                file: place(file: file, sheet: sheet), line: cells.first?.row, column: cells.first?.column),
            message: IngestMessage.formulaCells(cells.count))
    }

    static func noSuchSheet(file: String, sheet: String, sheets: [String]) -> IngestError {
        IngestError(
            kind: .noSuchSheet, location: SourceLocation(file: file),
            message: IngestMessage.noSuchSheet(sheet, sheets: sheets))
    }

    static func noSheets(file: String) -> IngestError {
        IngestError(kind: .noHeader, location: SourceLocation(file: file), message: IngestMessage.noSheets())
    }

    static func emptySheet(place: String) -> IngestError {
        IngestError(kind: .noHeader, location: SourceLocation(file: place), message: IngestMessage.emptySheet())
    }

    /// Whether a compound (OLE) file holds an `EncryptedPackage` stream: an .xlsx encrypted with a
    /// password (ECMA-376 §2.3.4 / MS-OFFCRYPTO), which Excel stores in an .xls-like container.
    static func isEncryptedPackage(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        // The stream name as the directory stores it: UTF-16LE.
        let needle = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var carry: [UInt8] = []
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let window = carry + chunk
            if window.withUnsafeBufferPointer({ contains($0, needle) }) { return true }
            carry = Array(window.suffix(needle.count - 1))
        }
        return false
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], needle.indices.allSatisfy({ haystack[index + $0] == needle[$0] }) {
                return true
            }
            index += 1
        }
        return false
    }
}
