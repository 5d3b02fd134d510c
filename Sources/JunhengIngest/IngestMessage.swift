import Foundation

/// Every message of the CSV reader, in one place: what is wrong, where, and what to do.
enum IngestMessage {
    // MARK: - Fatal

    static func cannotOpen(_ reason: SystemError) -> String {
        "无法打开文件 (\(reason))，请检查路径。Cannot open the file (\(reason)): check the path and that the file is not open elsewhere."
    }

    static func cannotRead(_ reason: SystemError) -> String {
        "读取文件失败 (\(reason))。Reading the file failed (\(reason))."
    }

    /// `kind` is ".xlsx" or ".xls".
    static func spreadsheet(_ kind: String) -> String {
        """
        这是 Excel 工作簿（\(kind)），不是 CSV 文件。This is an Excel workbook (\(kind)), not a CSV file. Open it in Excel or WPS and use \
        文件 → 另存为 → "CSV UTF-8 (逗号分隔)(*.csv)", or download the answers from 问卷星 as CSV, \
        then run junheng on the .csv file.
        """
    }

    static func undecodableByte(_ byte: UInt8, encoding: TextEncoding) -> String {
        String(
            format:
                "字节 0x%02X 无法按 %@ 解码，文件可能混用了编码。Byte 0x%02X cannot be decoded as %@. The file may mix encodings: "
                + "open it in Excel and save it again as \"CSV UTF-8\", or pass --encoding.",
            byte, encoding.rawValue, byte, encoding.rawValue)
    }

    /// `offset` is 0-based within the field.
    static func invalidUTF8(_ byte: UInt8, offset: Int) -> String {
        String(
            format:
                "字节 0x%02X（本单元格第 %d 个字节）不是有效的 UTF-8，文件可能混用了编码。Byte 0x%02X (byte %d of this field) is not valid UTF-8. The file may mix encodings: "
                + "open it in Excel and save it again as \"CSV UTF-8\", or pass --encoding gb18030.",
            byte, offset + 1, byte, offset + 1)
    }

    static func parserFailed() -> String {
        "libcsv 在此处失败（内存不足）。libcsv failed here (out of memory)."
    }

    static func parserCannotStart() -> String {
        "libcsv could not start (out of memory)."
    }

    static func iconvMissing(_ name: String) -> String {
        "this system's iconv cannot convert \(name) to UTF-8; save the file as UTF-8 and try again."
    }

    static func unterminatedQuote(openedOn line: Int) -> String {
        """
        引号在此行打开后一直没有关闭，其后全文会被读成一个单元格。A quoted field opens on this line and never closes, so the rest of the file would be read as \
        one cell. Find the unmatched " on line \(line) (or the lines after it), close or remove it, \
        and run again.
        """
    }

    static func noHeader() -> String {
        "文件没有表头行（为空或只有空行），请重新导出。The file has no header row (it is empty or has only blank lines): export it again."
    }

    // MARK: - Problems survived

    static func blankLine() -> String { "空行，已跳过。Blank line skipped." }

    static func nulBytes(_ removed: Int) -> String {
        "此单元格含 \(removed) 个 NUL 字节，已删除。\(removed) NUL byte(s) removed from this field."
    }

    static func emptyRow() -> String { "整行为空（只有分隔符），已跳过。Row of empty fields (only delimiters) skipped." }

    static func raggedRow(fields: Int, headerFields: Int) -> String {
        """
        此行有 \(fields) 列而表头有 \(headerFields) 列，已跳过，请修正后重试。Row skipped: it has \(fields) fields but the header has \(headerFields) \
        (\(fields > headerFields ? "a comma inside a value is probably not quoted" : "fields are missing")). \
        Fix the row and run again.
        """
    }

    static func totalRow(_ label: String) -> String {
        "合计行（\(label)）已跳过：合计由 junheng 自行计算。Total row (\(label)) skipped: junheng computes totals itself."
    }

    static func titleRow() -> String { "表头上方的标题行，已跳过。Title line above the header skipped." }

    /// `column` is 1-based.
    static func emptyHeader(column: Int) -> String {
        "第 \(column) 列没有列名。Column \(column) has no header name."
    }

    /// `firstColumn` is the 1-based column the name first appeared in.
    static func duplicateHeader(_ name: String, firstColumn: Int) -> String {
        "列名“\(name)”与第 \(firstColumn) 列重复，按列名只匹配第一列。Header \"\(name)\" repeats column \(firstColumn); only the first is matched by name."
    }
}
