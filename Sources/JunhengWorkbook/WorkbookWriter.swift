import CXLSXWriter
import Foundation
public import JunhengCore
public import JunhengReports

/// Writes a ``ReportDocument`` as an Excel workbook (.xlsx) through libxlsxwriter. This file is the only
/// one that imports `CXLSXWriter` (the one door of check-imports.py), which is why it is over 400 lines:
/// every call into the C library, for each kind of sheet, lives here.
///
/// The first sheet, 总览/Summary, lists every bar (area, indicator, figure, standard, result, responsible
/// units); then one sheet per ``ReportTable``, named after its title, and one sheet per section with panels
/// (the 逐题统计 of a questionnaire), named after the section, its panels' tables one under another. Each
/// table sheet has its title in the
/// first row, a bold header row frozen under it (and repeated on printed pages), an autofilter, column
/// widths from the content, numbers stored as numbers with the column's format (`0`, `0.00`, `0.0%`),
/// and failing cells filled red. Text is always written as a string, so a cell such as `=1+1` stays
/// text and is never run as a formula.
///
/// The document properties carry a fixed creation time, so the same document always gives the same
/// bytes.
public struct WorkbookWriter: Sendable {
    /// 2024-01-01 00:00:00 UTC, written as the workbook's creation time.
    public static let fixedCreationTime = 1_704_067_200

    /// Seconds since 1970 (UTC) written as the creation time in the document properties.
    public var creationTime: Int

    public init(creationTime: Int = WorkbookWriter.fixedCreationTime) {
        self.creationTime = creationTime
    }

    /// Writes `document` to `path` (replacing any file there), labels in `language`.
    public func write(_ document: ReportDocument, to path: String, language: Language = .zh) throws(WorkbookError) {
        try checkFolder(of: path)
        guard let workbook = workbook_new(path) else {
            throw WorkbookError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "无法创建 Excel 工作簿（内存不足）。请关闭其他程序后重试。",
                    en: "could not start the Excel workbook (out of memory). Close other programs and try again."))
        }
        var sheet = SheetWriter(workbook: workbook, language: language)
        setProperties(workbook, document: document, language: language)
        var names = SheetNames()
        sheet.summary(document, name: names.make(ReportLabels.summary.text(language), fallback: "Summary"))
        for section in document.sections {
            for table in section.tables {
                sheet.table(
                    table, name: names.make((table.sheetName ?? table.title).text(language), fallback: table.id))
            }
            if !section.panels.isEmpty {
                sheet.panels(
                    section, name: names.make((section.sheetName ?? section.title).text(language), fallback: section.id)
                )
            }
        }
        let closed = workbook_close(workbook)
        if let failure = sheet.firstError ?? (closed == LXW_NO_ERROR ? nil : closed) {
            if closed == LXW_NO_ERROR { try? FileManager.default.removeItem(atPath: path) }
            throw error(failure, path: path)
        }
    }

    func setProperties(_ workbook: UnsafeMutablePointer<lxw_workbook>, document: ReportDocument, language: Language) {
        let title = SheetWriter.cellText(document.title.text(language))
        title.withCString { titlePointer in
            "junheng".withCString { authorPointer in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: titlePointer)
                properties.author = UnsafeMutablePointer(mutating: authorPointer)
                properties.created = time_t(creationTime)
                _ = workbook_set_properties(workbook, &properties)
            }
        }
    }

    /// Catches the usual mistakes before libxlsxwriter does (it would also print to stderr): a missing or
    /// read-only folder, a folder where the file should be, a read-only file in the way.
    func checkFolder(of path: String) throws(WorkbookError) {
        let files = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        let target = folder.isEmpty ? "." : folder
        let location = SourceLocation(file: path)
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkbookError(
                location: location,
                message: LocalizedText(
                    zh: "文件夹“\(target)”不存在。请先创建它，或换一个已有的输出文件夹。",
                    en: "the folder \(target) does not exist. Create it first, or choose an existing output folder."))
        }
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw WorkbookError(
                    location: location,
                    message: LocalizedText(
                        zh: "这里已有一个同名文件夹，无法写出 Excel 文件。请换一个文件名或输出文件夹。",
                        en:
                            "a folder of that name is in the way of the Excel file. Choose another name or output folder."
                    ))
            }
            guard files.isWritableFile(atPath: path) else {
                throw WorkbookError(
                    location: location,
                    message: LocalizedText(
                        zh: "该文件是只读的，无法覆盖。请关闭在 Excel 或 WPS 中打开的它，或换一个输出文件夹。",
                        en: "the file is read-only and cannot be replaced. Close it in Excel or WPS, or choose another "
                            + "output folder."))
            }
        }
        guard files.isWritableFile(atPath: target) else {
            throw WorkbookError(
                location: location,
                message: LocalizedText(
                    zh: "没有权限在文件夹“\(target)”中写文件。请换一个输出文件夹。",
                    en: "no permission to write in the folder \(target). Choose another output folder."))
        }
    }

    /// The error for libxlsxwriter's error number `rawCode` (an `lxw_error`).
    static func error(rawCode: UInt32, path: String) -> WorkbookError {
        WorkbookWriter().error(lxw_error(rawValue: rawCode), path: path)
    }

    /// libxlsxwriter's own words for `code`, and what the user can do about it.
    func error(_ code: lxw_error, path: String) -> WorkbookError {
        var reason = lxw_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        while reason.last == "." || reason.last == " " { reason.removeLast() }
        let advice: LocalizedText
        if code == LXW_ERROR_CREATING_XLSX_FILE || code == LXW_ERROR_CREATING_TMPFILE {
            advice = LocalizedText(
                zh: "请确认文件夹可写、磁盘未满，并且该文件没有在 Excel 或 WPS 中打开（打开的文件会被锁定）。",
                en: "Check that the folder is writable, the disk is not full, and the file is not open in Excel or WPS "
                    + "(an open file is locked).")
        } else {
            advice = LocalizedText(
                zh: "这是写 Excel 时的内部错误，请把这条信息报告给维护者；HTML 报告不受影响。",
                en: "This is an internal error while writing Excel; please report this message. The HTML report is "
                    + "not affected.")
        }
        let message =
            LocalizedText(
                zh: "无法写出 Excel 工作簿（libxlsxwriter：\(reason)）。",
                en: "could not write the Excel workbook (libxlsxwriter: \(reason)). ") + advice
        return WorkbookError(location: SourceLocation(file: path), message: message, code: Int(code.rawValue))
    }
}

// MARK: - Sheets

/// Writes sheets into one open workbook, keeping its cell formats and the first error libxlsxwriter
/// reports. Lives only inside ``WorkbookWriter/write(_:to:language:)``; no pointer escapes it.
struct SheetWriter {
    /// The longest text an Excel cell holds.
    static let maxCellLength = 32_767

    enum Fill: Hashable {
        case none, pass, fail, unknown
    }

    struct FormatKey: Hashable {
        var number: ReportNumberFormat
        var fill: Fill
    }

    let workbook: UnsafeMutablePointer<lxw_workbook>
    let language: Language
    var firstError: lxw_error?
    var formats: [FormatKey: UnsafeMutablePointer<lxw_format>] = [:]
    let titleFormat: UnsafeMutablePointer<lxw_format>?
    let headerFormat: UnsafeMutablePointer<lxw_format>?
    let noteFormat: UnsafeMutablePointer<lxw_format>?

    init(workbook: UnsafeMutablePointer<lxw_workbook>, language: Language) {
        self.workbook = workbook
        self.language = language
        titleFormat = workbook_add_format(workbook)
        format_set_bold(titleFormat)
        format_set_font_size(titleFormat, 13)
        headerFormat = workbook_add_format(workbook)
        format_set_bold(headerFormat)
        format_set_bg_color(headerFormat, 0xDDE7F2)
        format_set_bottom(headerFormat, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_text_wrap(headerFormat)
        format_set_align(headerFormat, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        noteFormat = workbook_add_format(workbook)
        format_set_italic(noteFormat)
        format_set_font_color(noteFormat, 0x595959)
    }

    mutating func check(_ result: lxw_error) {
        if result != LXW_NO_ERROR, firstError == nil { firstError = result }
    }

    /// The cell format for a number format and a fill (created once, then reused).
    mutating func format(_ number: ReportNumberFormat, fill: Fill) -> UnsafeMutablePointer<lxw_format>? {
        let key = FormatKey(number: number, fill: fill)
        if let existing = formats[key] { return existing }
        guard let format = workbook_add_format(workbook) else { return nil }
        if let code = Self.numberFormatCode(number) { format_set_num_format(format, code) }
        switch fill {
        case .none: break
        case .pass:
            format_set_bg_color(format, 0xC6EFCE)
            format_set_font_color(format, 0x006100)
        case .fail:
            format_set_bg_color(format, 0xFFC7CE)
            format_set_font_color(format, 0x9C0006)
            format_set_bold(format)
        case .unknown:
            format_set_bg_color(format, 0xFFEB9C)
            format_set_font_color(format, 0x9C5700)
        }
        formats[key] = format
        return format
    }

    /// Excel's number format code: `0`, `0.00`, `0.0%`; `nil` (General) for text columns.
    static func numberFormatCode(_ format: ReportNumberFormat) -> String? {
        switch format {
        case .text: return nil
        case .integer: return "0"
        case .decimal(let places):
            return places <= 0 ? "0" : "0." + String(repeating: "0", count: min(places, 15))
        case .percent(let places):
            return (places <= 0 ? "0" : "0." + String(repeating: "0", count: min(places, 15))) + "%"
        }
    }

    /// Text safe for a cell: no NUL or other control characters (tab and newline kept), at most 32 767
    /// characters.
    static func cellText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20, scalar != "\t", scalar != "\n" {
                if scalar == "\r" { continue }
                out.unicodeScalars.append(" ")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.utf16.count > maxCellLength ? SheetNames.truncate(out, to: maxCellLength) : out
    }

    mutating func string(
        _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ column: Int, _ text: String,
        _ format: UnsafeMutablePointer<lxw_format>?
    ) {
        let safe = Self.cellText(text)
        if safe.isEmpty {
            if format != nil { check(worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), format)) }
            return
        }
        // worksheet_write_string stores a shared string: Excel never evaluates it, even if it starts with "=".
        let result = safe.withCString { worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), $0, format) }
        check(result)
    }

    mutating func number(
        _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ column: Int, _ value: Double,
        _ format: UnsafeMutablePointer<lxw_format>?
    ) {
        guard value.isFinite else {
            // Excel has no NaN or infinity: write the dash the other renderers show.
            string(sheet, row, column, NumberText.format(value, .text), format)
            return
        }
        check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), value, format))
    }

    mutating func addSheet(_ name: String) -> UnsafeMutablePointer<lxw_worksheet>? {
        name.withCString { pointer in
            let valid = workbook_validate_sheet_name(workbook, pointer)
            guard valid == LXW_NO_ERROR else {
                check(valid)
                return nil
            }
            let sheet = workbook_add_worksheet(workbook, pointer)
            if sheet == nil { check(LXW_ERROR_MEMORY_MALLOC_FAILED) }
            return sheet
        }
    }

    /// Freeze the title and header rows, repeat the header on printed pages, landscape, one page wide.
    mutating func layout(
        _ sheet: UnsafeMutablePointer<lxw_worksheet>, header: [String], rows: [[String]], lastRow: Int
    ) {
        worksheet_freeze_panes(sheet, 2, 0)
        check(worksheet_repeat_rows(sheet, 1, 1))
        worksheet_set_landscape(sheet)
        worksheet_fit_to_pages(sheet, 1, 0)
        check(worksheet_set_row(sheet, 0, 20, nil))
        if lastRow >= 2, !header.isEmpty {
            check(worksheet_autofilter(sheet, 1, 0, lxw_row_t(lastRow), lxw_col_t(header.count - 1)))
        }
        for (column, label) in header.enumerated() {
            // A long header wraps (its format wraps text); the data decides the width.
            var width = min(TextWidth.columns(label), 16)
            for row in rows where column < row.count {
                for line in row[column].split(separator: "\n") { width = max(width, TextWidth.columns(String(line))) }
            }
            let characters = Double(min(max(width + 2, 6), 60))
            check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), characters, nil))
        }
    }

    // MARK: Summary

    mutating func summary(_ document: ReportDocument, name: String) {
        guard let sheet = addSheet(name) else { return }
        let header = [
            ReportLabels.area, ReportLabels.bar, ReportLabels.figure, ReportLabels.threshold, ReportLabels.verdict,
            ReportLabels.responsibleUnits,
        ].map { $0.text(language) }
        string(sheet, 0, 0, document.title.text(language), titleFormat)
        for (column, label) in header.enumerated() { string(sheet, 1, column, label, headerFormat) }
        var texts: [[String]] = []
        var row = 2
        for bar in document.sections.flatMap(\.bars) {
            let fill: Fill = bar.passes.map { $0 ? .pass : .fail } ?? .unknown
            let units =
                bar.passes == false
                ? bar.responsibleUnits.map { $0.text(language) }.joined(separator: ReportLabels.listSeparator(language))
                : ""
            let cells = [
                bar.area.text(language), bar.name.text(language), bar.figureText.text(language),
                bar.thresholdText.text(language),
                bar.verdict.text(language), units,
            ]
            for (column, text) in cells.enumerated() {
                // The result cell is always coloured; the figure and the units only when the bar fails or
                // cannot be judged.
                let coloured = column == 4 || (fill != .pass && (column == 2 || column == 5))
                string(sheet, row, column, text, coloured ? format(.text, fill: fill) : nil)
            }
            texts.append(cells)
            row += 1
        }
        let lastRow = row - 1
        row += 1
        let counts = SummaryRenderer.counts(of: document).map { $0.text(language) }
        for line in counts + document.subtitle.map({ $0.text(language) }) {
            string(sheet, row, 0, line, noteFormat)
            row += 1
        }
        layout(sheet, header: header, rows: texts, lastRow: lastRow)
    }

    // MARK: Tables

    /// A section's panels on one sheet: the section's title, then each panel's tables one under another
    /// (title, header, rows, notes, a blank row), so the tables of a questionnaire's questions read down
    /// the sheet as in 问卷星's Excel report. Columns are as wide as their widest cell; nothing is frozen.
    mutating func panels(_ section: ReportSection, name: String) {
        guard let sheet = addSheet(name) else { return }
        string(sheet, 0, 0, section.title.text(language), titleFormat)
        check(worksheet_set_row(sheet, 0, 20, nil))
        var widths: [Int] = []
        func widen(_ column: Int, _ text: String) {
            while widths.count <= column { widths.append(6) }
            for line in text.split(separator: "\n") {
                widths[column] = max(widths[column], TextWidth.columns(String(line)))
            }
        }
        var row = 2
        for table in section.panels.flatMap(\.tables) {
            string(sheet, row, 0, table.title.text(language), titleFormat)
            row += 1
            for (column, label) in table.columns.enumerated() {
                string(sheet, row, column, label.label.text(language), headerFormat)
                widen(column, String(label.label.text(language).prefix(16)))
            }
            row += 1
            let texts = cells(table, sheet: sheet, firstRow: row)
            for rowTexts in texts {
                for (column, text) in rowTexts.enumerated() { widen(column, text) }
            }
            row += texts.count
            for note in table.notes {
                string(sheet, row, 0, note.text(language), noteFormat)
                row += 1
            }
            row += 1
        }
        worksheet_set_landscape(sheet)
        worksheet_fit_to_pages(sheet, 1, 0)
        for (column, width) in widths.enumerated() {
            check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(min(width + 2, 60)), nil))
        }
    }

    /// Writes a table's rows from `firstRow` on (numbers as numbers in the column's format, failing cells
    /// filled).
    /// - Returns: each row's cells as the other renderers show them (for the column widths).
    mutating func cells(_ table: ReportTable, sheet: UnsafeMutablePointer<lxw_worksheet>, firstRow: Int) -> [[String]] {
        var row = firstRow
        var texts: [[String]] = []
        for cells in table.rows {
            var rowTexts: [String] = []
            for (column, cell) in cells.enumerated() {
                let number = column < table.columns.count ? table.columns[column].format : .text
                let fill: Fill = cell.fails == true ? .fail : .none
                let text = NumberText.cell(cell, format: number, language: language)
                rowTexts.append(text)
                switch cell.value {
                case .empty:
                    if fill != .none { string(sheet, row, column, "", format(.text, fill: fill)) }
                case .text(let label):
                    string(sheet, row, column, label.text(language), fill == .none ? nil : format(.text, fill: fill))
                case .number(let value):
                    // Near its bar, the cell's number format has the digits its verdict needs.
                    let shownFormat = NumberText.format(of: cell, column: number)
                    shownFormat == .text && fill == .none
                        ? self.number(sheet, row, column, value, nil)
                        : self.number(sheet, row, column, value, format(shownFormat, fill: fill))
                case .bool(let meets):
                    string(sheet, row, column, text, format(.text, fill: meets ? .pass : .fail))
                }
            }
            texts.append(rowTexts)
            row += 1
        }
        return texts
    }

    mutating func table(_ table: ReportTable, name: String) {
        guard let sheet = addSheet(name) else { return }
        let header = table.columns.map { $0.label.text(language) }
        string(sheet, 0, 0, table.title.text(language), titleFormat)
        for (column, label) in header.enumerated() { string(sheet, 1, column, label, headerFormat) }
        let texts = cells(table, sheet: sheet, firstRow: 2)
        var row = 2 + texts.count
        let lastRow = row - 1
        if !table.notes.isEmpty { row += 1 }
        for note in table.notes {
            string(sheet, row, 0, note.text(language), noteFormat)
            row += 1
        }
        layout(sheet, header: header, rows: texts, lastRow: lastRow)
    }
}
