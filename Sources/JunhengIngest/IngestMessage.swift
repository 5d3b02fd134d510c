import Foundation
import JunhengCore

/// Every message of the CSV and workbook readers, in one place and in both languages: what is wrong, where, and what
/// to do. The place (file, line, column) is given by the problem or error that carries the message.
enum IngestMessage {
    static func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

    private static func hex(_ byte: UInt8) -> String { String(format: "0x%02X", byte) }

    static func mebibytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    // MARK: - Fatal

    static func cannotOpen(_ reason: SystemError) -> LocalizedText {
        text(
            "无法打开文件（\(reason)），请检查路径，并确认文件没有被其他程序占用。",
            "Cannot open the file (\(reason)): check the path and that the file is not open elsewhere.")
    }

    static func cannotRead(_ reason: SystemError) -> LocalizedText {
        text(
            "读取文件失败（\(reason)），请把文件复制到本机后重试。",
            "Reading the file failed (\(reason)): copy it to this computer and try again.")
    }

    /// `kind` is ".xlsx" or ".xls".
    static func spreadsheet(_ kind: String) -> LocalizedText {
        text(
            "这是 Excel 工作簿（\(kind)），不是 CSV 文件。请在 Excel 或 WPS 中打开，用 文件 → 另存为 → “CSV UTF-8 (逗号分隔)(*.csv)” 保存，"
                + "或从问卷星下载 CSV 格式的答卷，再对 .csv 文件运行 junheng。",
            "This is an Excel workbook (\(kind)), not a CSV file. Open it in Excel or WPS and use "
                + "文件 → 另存为 → \"CSV UTF-8 (逗号分隔)(*.csv)\", or download the answers from 问卷星 as CSV, "
                + "then run junheng on the .csv file.")
    }

    static func undecodableByte(_ byte: UInt8, encoding: TextEncoding) -> LocalizedText {
        text(
            "字节 \(hex(byte)) 无法按 \(encoding.rawValue) 解码，文件可能混用了编码。请在 Excel 中打开并另存为“CSV UTF-8”，或用 --encoding 指定编码。",
            "Byte \(hex(byte)) cannot be decoded as \(encoding.rawValue). The file may mix encodings: "
                + "open it in Excel and save it again as \"CSV UTF-8\", or pass --encoding.")
    }

    /// `offset` is 0-based within the field.
    static func invalidUTF8(_ byte: UInt8, offset: Int) -> LocalizedText {
        text(
            "字节 \(hex(byte))（本单元格第 \(offset + 1) 个字节）不是有效的 UTF-8，文件可能混用了编码。"
                + "请在 Excel 中打开并另存为“CSV UTF-8”，或加 --encoding gb18030。",
            "Byte \(hex(byte)) (byte \(offset + 1) of this field) is not valid UTF-8. The file may mix encodings: "
                + "open it in Excel and save it again as \"CSV UTF-8\", or pass --encoding gb18030.")
    }

    /// The file ends with `bytes`, the start of a character in `encoding` that never finishes.
    /// - Parameter detected: whether the encoding was detected (then the message says how to choose another).
    static func truncatedCharacter(_ bytes: [UInt8], encoding: TextEncoding, detected: Bool) -> LocalizedText {
        let shown = bytes.map(hex).joined(separator: " ")
        var result = text(
            "文件在一个字符中间结束：最后的字节 \(shown) 是一个 \(encoding.rawValue) 字符的开头，却没有结尾。文件可能没有下载或复制完整，请重新导出或下载。",
            "The file ends inside a character: its last bytes \(shown) begin a \(encoding.rawValue) character that "
                + "never ends. It was probably cut off while downloading or copying: export or download it again.")
        if detected && encoding == .utf8 {
            result =
                result
                + text(
                    "（判断为 UTF-8 的依据：此前的全部字节都是有效的 UTF-8。如果它其实是 GBK/GB18030 文件，请加 --encoding gb18030。）",
                    " (Read as UTF-8 because every byte before them is valid UTF-8. If it is a GBK/GB18030 "
                        + "file instead, pass --encoding gb18030.)")
        }
        return result
    }

    static func parserFailed() -> LocalizedText {
        text("libcsv 在此处失败（内存不足）。", "libcsv failed here (out of memory).")
    }

    static func parserCannotStart() -> LocalizedText {
        text("libcsv 无法启动（内存不足）。", "libcsv could not start (out of memory).")
    }

    static func iconvMissing(_ name: String) -> LocalizedText {
        text(
            "本机的 iconv 无法把 \(name) 转换为 UTF-8，请把文件另存为 UTF-8 后重试。",
            "This system's iconv cannot convert \(name) to UTF-8: save the file as UTF-8 and try again.")
    }

    static func unterminatedQuote(openedOn line: Int) -> LocalizedText {
        text(
            "引号在此行打开后一直没有关闭，其后全文会被读成一个单元格。请找到第 \(line) 行（或其后几行）中不成对的 \"，补上或删去后重试。",
            "A quoted field opens on this line and never closes, so the rest of the file would be read as "
                + "one cell. Find the unmatched \" on line \(line) (or the lines after it), close or remove it, "
                + "and run again.")
    }

    static func noHeader() -> LocalizedText {
        text(
            "文件没有表头行（为空或只有空行），请重新导出。",
            "The file has no header row (it is empty or has only blank lines): export it again.")
    }

    /// `column` is 1-based; the place given is the line where the record starts.
    static func fieldTooLong(column: Int, limit: Int) -> LocalizedText {
        text(
            "从此行开始的记录中，第 \(column) 列的单元格超过 \(mebibytes(limit))：这真的是 CSV 导出文件吗？"
                + "（可能是分隔符或编码不对，或有一个引号没有关闭。）请用 junheng inspect 查看，或重新导出。",
            "A field over \(mebibytes(limit)) in column \(column) of the record starting on this line: is this "
                + "really a CSV export? (The delimiter or encoding may be wrong, or a quote never closes.) "
                + "Check it with junheng inspect, or export it again.")
    }

    static func recordTooLong(limit: Int) -> LocalizedText {
        text(
            "从此行开始的一条记录超过 \(mebibytes(limit))：这真的是 CSV 导出文件吗？（可能有一个引号没有关闭。）请用 junheng inspect 查看，或重新导出。",
            "A record over \(mebibytes(limit)) starting on this line: is this really a CSV export? (A quote may "
                + "never close.) Check it with junheng inspect, or export it again.")
    }

    static func tooManyColumns(limit: Int) -> LocalizedText {
        text(
            "从此行开始的记录超过 \(limit) 列（Excel 一张表最多 16384 列）：这真的是 CSV 导出文件吗？请检查分隔符（--delimiter）后重试。",
            "A record of more than \(limit) fields starts on this line (an Excel sheet holds at most 16,384 "
                + "columns): is this really a CSV export? Check the delimiter (--delimiter) and run again.")
    }

    static func tableTooLarge(limit: Int) -> LocalizedText {
        text(
            "文件的内容超过 \(mebibytes(limit))，不像学校基础数据、单价表或监测结果表。请确认选对了文件；问卷星答卷请用 junheng satisfaction 读取。",
            "The file holds more than \(mebibytes(limit)) of text, more than a school roster, unit-cost or "
                + "monitoring table ever does. Check that this is the right file; read 问卷星 exports with "
                + "junheng satisfaction.")
    }

    // MARK: - Workbooks

    static func workbookCannotOpen() -> LocalizedText {
        text("无法打开文件，请检查路径。", "Cannot open the file: check the path and that it is readable.")
    }

    static func passwordProtected() -> LocalizedText {
        text(
            "这个工作簿设有打开密码，无法读取。请在 Excel 或 WPS 中输入密码打开，"
                + "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码并保存，然后重试。",
            "This workbook is password-protected and cannot be read. Open it in Excel or WPS with the "
                + "password, clear it (File → Info → Protect Workbook → Encrypt with Password), save, "
                + "and run again.")
    }

    /// `detail` is technical (a part, a libfreexl status) and stays as written.
    static func damagedWorkbook(_ detail: String) -> LocalizedText {
        text(
            "工作簿已损坏或不是 Excel 能读的格式（\(detail)）。请在 Excel 或 WPS 中打开并另存为 .xlsx，或从问卷星重新下载。",
            "The workbook is damaged or not in a format Excel reads (\(detail)). Open it in Excel or WPS "
                + "and save it again as .xlsx, or download it from 问卷星 again.")
    }

    static func damagedCell(_ detail: String) -> LocalizedText {
        text(
            "无法读取此单元格，工作簿可能已损坏（\(detail)）。请在 Excel 或 WPS 中打开并重新保存。",
            "This cell cannot be read; the workbook may be damaged (\(detail)). Open it in Excel or WPS "
                + "and save it again.")
    }

    static func formulaCells(_ count: Int) -> LocalizedText {
        text(
            "这个 .xls 工作表有 \(count) 个公式、逻辑值或错误值单元格（第一个在此处），"
                + "junheng 读 .xls 时读不到它们的值，会当作空白。请在 Excel 或 WPS 中将工作簿另存为 .xlsx（会保留公式结果）后重试。",
            "This .xls sheet has \(count) formula, boolean or error cells (the first here), whose values "
                + "junheng cannot read from an .xls and would take as blank. Open the workbook in Excel or WPS, "
                + "save it as .xlsx (which keeps the formulas' results), and run again.")
    }

    static func noSuchSheet(_ sheet: String, sheets: [String]) -> LocalizedText {
        text(
            "工作簿中没有名为“\(sheet)”的工作表。现有工作表：" + sheets.map { "“\($0)”" }.joined(separator: "、")
                + "。请用 --sheet 指定其中之一。",
            "The workbook has no sheet named \"\(sheet)\". Its sheets: "
                + sheets.map { "\"\($0)\"" }.joined(separator: ", ") + ". Pass one of them with --sheet.")
    }

    static func noSheets() -> LocalizedText {
        text("工作簿中没有工作表。请从问卷星重新下载。", "The workbook has no worksheet. Download it again.")
    }

    static func emptySheet() -> LocalizedText {
        text(
            "工作表没有表头行（为空）。请检查 --sheet 指定的工作表，或重新导出。",
            "The sheet has no header row (it is empty). Check the sheet (--sheet), or export again.")
    }

    /// A sheet row with a value in a column the header does not have (1-based `column`).
    static func cellBeyondHeader(column: Int, headerColumns: Int) -> LocalizedText {
        text(
            "此行第 \(column) 列有值，但表头只有 \(headerColumns) 列，已跳过。请删除多余的值或补上表头后重试。",
            "Row skipped: column \(column) has a value but the header has \(headerColumns) columns. "
                + "Remove the stray value or add its header, and run again.")
    }

    // MARK: - Problems survived

    static func blankLine() -> LocalizedText { text("空行，已跳过。", "Blank line skipped.") }

    static func blankRow() -> LocalizedText { text("空行，已跳过。", "Blank row skipped.") }

    static func nulBytes(_ removed: Int) -> LocalizedText {
        text("此单元格含 \(removed) 个 NUL 字节，已删除。", "\(removed) NUL byte(s) removed from this field.")
    }

    static func emptyRow() -> LocalizedText {
        text("整行为空（只有分隔符），已跳过。", "Row of empty fields (only delimiters) skipped.")
    }

    static func raggedRow(fields: Int, headerFields: Int) -> LocalizedText {
        text(
            "此行有 \(fields) 列而表头有 \(headerFields) 列，已跳过"
                + "（\(fields > headerFields ? "可能有值中的逗号没有加引号" : "缺少单元格")），请修正后重试。",
            "Row skipped: it has \(fields) fields but the header has \(headerFields) "
                + "(\(fields > headerFields ? "a comma inside a value is probably not quoted" : "fields are missing")). "
                + "Fix the row and run again.")
    }

    static func totalRow(_ label: String) -> LocalizedText {
        text("合计行（\(label)）已跳过：合计由 junheng 自行计算。", "Total row (\(label)) skipped: junheng computes totals itself.")
    }

    /// A total label under a numbering column (序号), where a data row holds a number.
    static func totalRowInNumbering(_ label: String, column: String) -> LocalizedText {
        text(
            "“\(column)”一列是“\(label)”而不是编号，此行按合计行跳过（问卷星的序号总是数字，这一行是手工加的）。"
                + "如果它其实是一份答卷，请把序号改回数字后重试。",
            "\"\(column)\" is \"\(label)\", not a number: the row is skipped as a total row (问卷星 numbers "
                + "every response, so this row was added by hand). If it is a response, give it back its "
                + "number and run again.")
    }

    static func titleRow() -> LocalizedText { text("表头上方的标题行，已跳过。", "Title line above the header skipped.") }

    /// `column` is 1-based.
    static func emptyHeader(column: Int) -> LocalizedText {
        text("第 \(column) 列没有列名。", "Column \(column) has no header name.")
    }

    /// `firstColumn` is the 1-based column the name first appeared in.
    static func duplicateHeader(_ name: String, firstColumn: Int) -> LocalizedText {
        text(
            "列名“\(name)”与第 \(firstColumn) 列重复，按列名只匹配第一列。",
            "Header \"\(name)\" repeats column \(firstColumn); only the first is matched by name.")
    }

    /// A quoted field opened on this line takes in `lines` lines that look like whole records, the
    /// first on `firstLine`, up to `lastLine`.
    static func quoteSpansRecords(lines: Int, firstLine: Int, lastLine: Int) -> LocalizedText {
        text(
            "此行打开的引号直到第 \(lastLine) 行才关闭，其间 \(lines) 行（从第 \(firstLine) 行起）看起来是完整的记录，"
                + "却会被读成一个单元格。这条合并的记录已跳过；请找到此行中多余的 \"（例如填写内容中的引号），删去或改成“”后重试。",
            "A quote opened on this line closes only on line \(lastLine), and \(lines) line(s) in between "
                + "(from line \(firstLine)) look like whole records that would be read as one cell. The merged "
                + "record is skipped: find the stray \" on this line (say, in a typed answer), remove it or "
                + "double it, and run again.")
    }

    static func strayQuote() -> LocalizedText {
        text(
            "引号内的单元格中有一个 \" 后面既不是分隔符也不是行尾，单元格会继续读下去。请检查此处的引号：单元格内的引号应写成两个（\"\"）。",
            "A \" inside a quoted field is followed by neither a delimiter nor a line end, so the field goes on "
                + "past it. Check the quotes here: a quote inside a quoted field is written twice (\"\").")
    }

    static func omitted(_ count: Int, of kind: IngestProblem.Kind) -> LocalizedText {
        text(
            "另有 \(count) 个 [\(kind.rawValue)] 问题未列出（每类只列出前 \(ProblemLog.keptPerKind) 个）。",
            "\(count) more [\(kind.rawValue)] problem(s) not listed (the first \(ProblemLog.keptPerKind) of each kind are)."
        )
    }
}
