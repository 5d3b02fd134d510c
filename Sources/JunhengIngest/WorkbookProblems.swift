import Foundation
import JunhengCore

/// The errors a workbook reader throws, each naming the file (and the sheet, row and column where
/// there is one, as `FILE[Sheet1]:ROW:COL`) and saying what to do.
enum WorkbookProblems {
    /// How a sheet is named in every location: `FILE[Sheet1]`.
    static func place(file: String, sheet: String) -> String {
        "\(file)[\(sheet)]"
    }

    static func passwordProtected(file: String) -> IngestError {
        IngestError(
            kind: .unreadable, location: SourceLocation(file: file),
            message: LocalizedText(
                zh: "这个工作簿设有打开密码，无法读取。请在 Excel 或 WPS 中输入密码打开，"
                    + "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码并保存，然后重试。",
                en: "This workbook is password-protected and cannot be read. Open it in Excel or WPS with the "
                    + "password, clear it (File → Info → Protect Workbook → Encrypt with Password), save, "
                    + "and run again."))
    }

    static func damaged(file: String, detail: String) -> IngestError {
        IngestError(
            kind: .unreadable, location: SourceLocation(file: file),
            message: LocalizedText(
                zh: "工作簿已损坏或不是 Excel 能读的格式（\(detail)）。请在 Excel 或 WPS 中打开并另存为 .xlsx，"
                    + "或从问卷星重新下载。",
                en: "The workbook is damaged or not in a format Excel reads (\(detail)). Open it in Excel or WPS "
                    + "and save it again as .xlsx, or download it from 问卷星 again."))
    }

    static func damagedCell(file: String, sheet: String, row: Int, column: Int, detail: String) -> IngestError {
        IngestError(
            kind: .unreadable,
            location: SourceLocation(file: place(file: file, sheet: sheet), line: row, column: column),
            message: LocalizedText(
                zh: "无法读取此单元格，工作簿可能已损坏（\(detail)）。请在 Excel 或 WPS 中打开并重新保存。",
                en: "This cell cannot be read; the workbook may be damaged (\(detail)). Open it in Excel or WPS "
                    + "and save it again."))
    }

    static func formulasInXLS(file: String, sheet: String, cells: XLSUnreadableCells) -> IngestError {
        IngestError(
            kind: .unreadable,
            location: SourceLocation(
                file: place(file: file, sheet: sheet), line: cells.first?.row, column: cells.first?.column),
            message: LocalizedText(
                zh: "这个 .xls 工作表有 \(cells.count) 个公式、逻辑值或错误值单元格（第一个在此处），"
                    + "junheng 读 .xls 时读不到它们的值，会当作空白。请在 Excel 或 WPS 中将工作簿另存为 .xlsx（会保留公式结果）后重试。",
                en: "This .xls sheet has \(cells.count) formula, boolean or error cells (the first here), whose values "
                    + "junheng cannot read from an .xls and would take as blank. Open the workbook in Excel or WPS, "
                    + "save it as .xlsx (which keeps the formulas' results), and run again."))
    }

    static func noSuchSheet(file: String, sheet: String, sheets: [String]) -> IngestError {
        let zhList = sheets.map { "“\($0)”" }.joined(separator: "、")
        let enList = sheets.map { "\"\($0)\"" }.joined(separator: ", ")
        return IngestError(
            kind: .unreadable, location: SourceLocation(file: file),
            message: LocalizedText(
                zh: "工作簿中没有名为“\(sheet)”的工作表。现有工作表：\(zhList)。请用 --sheet 指定其中之一。",
                en:
                    "The workbook has no sheet named \"\(sheet)\". Its sheets: \(enList). Pass one of them with --sheet."
            ))
    }

    static func noSheets(file: String) -> IngestError {
        IngestError(
            kind: .noHeader, location: SourceLocation(file: file),
            message: LocalizedText(
                zh: "工作簿中没有工作表。请从问卷星重新下载。", en: "The workbook has no worksheet. Download it again."))
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
