import CFreeXL
import JunhengCore

/// The one door to libfreexl: an open .xls (BIFF) workbook, its sheets, and its cells as
/// ``WorkbookCell``s. No C type leaves this file.
///
/// libfreexl reads the whole compound file when it opens it and keeps the selected sheet's cells in
/// memory (a BIFF sheet has at most 65 536 rows and 256 columns); its strings (UTF-16 or a code page in
/// the file) come out as UTF-8. The handle is closed when the reader goes away.
///
/// libfreexl trusts the file: a damaged one can crash it. So junheng never opens an .xls in its own
/// process: this reader runs in a child process (``XLSReaderChild``), which the workbook reader
/// starts and watches (``XLSReaderClient``).
final class FreeXLReader {
    private var handle: UnsafeRawPointer?
    let path: String
    /// The worksheets' names, in workbook order.
    private(set) var sheetNames: [String] = []

    /// libfreexl's answer when a workbook has a FILEPASS record (it is encrypted).
    private static let obfuscated: UInt32 = UInt32(FREEXL_BIFF_OBFUSCATED)

    /// Opens the workbook.
    ///
    /// - Throws: ``IngestError`` naming the file: cannot be opened, password-protected, or damaged.
    init(path: String) throws(IngestError) {
        self.path = path
        var opened: UnsafeRawPointer?
        let status = freexl_open(path, &opened)
        handle = opened
        guard status == FREEXL_OK else { throw Self.openError(status, path: path) }
        // libfreexl 1.0.6 stops at an .xls file's FILEPASS record (the workbook is encrypted with a
        // password) and answers "OK" with no handle; but it answers the same for many a damaged file.
        guard let opened else { throw Self.notOpened(path) }
        var password: UInt32 = 0
        if freexl_get_info(opened, UInt16(FREEXL_BIFF_PASSWORD), &password) == FREEXL_OK, password == Self.obfuscated {
            throw Self.notOpened(path)
        }
        var count: UInt32 = 0
        guard freexl_get_info(opened, UInt16(FREEXL_BIFF_SHEET_COUNT), &count) == FREEXL_OK else {
            throw WorkbookProblems.damaged(file: path, detail: "no sheet count")
        }
        for index in 0..<count {
            var name: UnsafePointer<CChar>?
            guard freexl_get_worksheet_name(opened, UInt16(index), &name) == FREEXL_OK, let name else {
                throw WorkbookProblems.damaged(file: path, detail: "sheet \(index + 1) has no name")
            }
            sheetNames.append(String(cString: name))
        }
    }

    deinit {
        if let handle { freexl_close(handle) }
    }

    /// Makes sheet `index` (0-based, workbook order) the one ``cell(row:column:)`` reads.
    ///
    /// - Returns: the sheet's size: rows and columns from A1 to the last cell that holds anything.
    func selectSheet(_ index: Int) throws(IngestError) -> (rows: Int, columns: Int) {
        guard let handle, freexl_select_active_worksheet(handle, UInt16(index)) == FREEXL_OK else {
            throw WorkbookProblems.damaged(file: path, detail: "sheet \(index + 1) cannot be selected")
        }
        var rows: UInt32 = 0
        var columns: UInt16 = 0
        guard freexl_worksheet_dimensions(handle, &rows, &columns) == FREEXL_OK else {
            throw WorkbookProblems.damaged(file: path, detail: "sheet \(index + 1) has no dimensions")
        }
        return (Int(rows), Int(columns))
    }

    /// The cell at a 0-based row and column of the selected sheet.
    ///
    /// - Throws: ``IngestError`` when libfreexl cannot read the cell (a damaged record).
    func cell(row: Int, column: Int, sheet: String) throws(IngestError) -> WorkbookCell {
        var value = FreeXL_CellValue()
        let status = freexl_get_cell_value(handle, UInt32(row), UInt16(column), &value)
        guard status == FREEXL_OK else {
            throw WorkbookProblems.damagedCell(
                file: path, sheet: sheet, row: row + 1, column: column + 1, detail: Self.describe(status))
        }
        switch Int32(value.type) {
        case FREEXL_CELL_INT: return .number(Double(value.value.int_value))
        case FREEXL_CELL_DOUBLE: return .number(value.value.double_value)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT:
            guard let text = value.value.text_value else { return .empty }
            let string = String(cString: text)
            return string.isEmpty ? .empty : .text(string)
        case FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
            guard let text = value.value.text_value else { return .empty }
            // libfreexl writes `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or `HH:MM:SS`.
            return WorkbookCell(isoDateTime: String(cString: text))
        default: return .empty
        }
    }

    /// A workbook libfreexl opened without reading it: password-protected only when its globals hold a
    /// FILEPASS record (``XLSGlobals``), else damaged, saying what could be read.
    private static func notOpened(_ path: String) -> IngestError {
        switch XLSGlobals.read(path: path) {
        case .success(let (globals, _)) where globals.encrypted:
            return WorkbookProblems.passwordProtected(file: path)
        case .success(let (globals, _)):
            return WorkbookProblems.damaged(
                file: path, saying: IngestMessage.unreadableGlobals(globals.sheets.compactMap(\.name)))
        case .failure(let failure):
            return WorkbookProblems.damaged(file: path, saying: IngestMessage.unreadableCompoundFile(failure))
        }
    }

    private static func openError(_ status: Int32, path: String) -> IngestError {
        if status == FREEXL_FILE_NOT_FOUND {
            return WorkbookProblems.cannotOpen(file: path)
        }
        // An encrypted .xlsx is a compound file holding an EncryptedPackage stream instead of a Workbook.
        if status == FREEXL_BIFF_WORKBOOK_NOT_FOUND, WorkbookProblems.isEncryptedPackage(path: path) {
            return WorkbookProblems.passwordProtected(file: path)
        }
        return WorkbookProblems.damaged(file: path, detail: describe(status))
    }

    /// libfreexl's error code in words (freexl.h), for the "damaged" message.
    private static func describe(_ status: Int32) -> String {
        switch status {
        case FREEXL_INSUFFICIENT_MEMORY: "out of memory"
        case FREEXL_INVALID_CFBF_HEADER, FREEXL_CFBF_INVALID_SIGNATURE, FREEXL_CFBF_INVALID_SECTOR_SIZE,
            FREEXL_CFBF_EMPTY_FAT_CHAIN, FREEXL_CFBF_ILLEGAL_FAT_ENTRY, FREEXL_INVALID_MINI_STREAM,
            FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
            "the compound-file structure is broken (libfreexl \(status))"
        case FREEXL_CFBF_READ_ERROR, FREEXL_CFBF_SEEK_ERROR: "the file ends early (libfreexl \(status))"
        case FREEXL_BIFF_INVALID_BOF, FREEXL_BIFF_INVALID_SST, FREEXL_BIFF_ILLEGAL_SST_INDEX:
            "a BIFF record is broken (libfreexl \(status))"
        case FREEXL_BIFF_WORKBOOK_NOT_FOUND: "the file holds no workbook stream (libfreexl \(status))"
        case FREEXL_INVALID_CHARACTER, FREEXL_UNSUPPORTED_CHARSET: "a text is not in its declared code page"
        case FREEXL_CRAFTED_FILE: "the file is severely corrupted (libfreexl \(status))"
        default: "libfreexl error \(status)"
        }
    }
}
