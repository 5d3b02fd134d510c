import JunhengCore

/// Turns a worksheet's rows into what the CSV reader hands on: the header, then data records as
/// ``CSVRow``s with their row numbers, and every row it skips as an ``IngestProblem``, by the same
/// rules as a CSV file (DOMAIN.md §6).
///
/// - Title rows (at most one filled cell) above the header are skipped and reported.
/// - The header is the first row with two or more filled cells; its width is up to its last filled cell.
/// - A row with no filled cell is skipped; it is reported when a filled row follows it (the empty rows
///   at the end of a sheet, which Excel users cannot see, are not). Consecutive blank rows are
///   reported once, as a range.
/// - A 合计/总计 row is skipped and reported.
/// - A row with a filled cell right of the header's last column is skipped and reported, never cut.
///   Cells missing at a row's end are empty cells (a sheet has no ragged rows otherwise).
///
/// Memory: the row being handed on, and the title rows held until the header is found.
final class SheetRowSifter {
    /// `FILE[Sheet]`, the file of every location.
    let place: String
    private let onHeader: ([String], Int) throws -> Void
    private let onRow: (CSVRow) throws -> Void

    private(set) var header: [String]?
    private(set) var headerLine = 0
    private(set) var rows = 0
    private(set) var problems: [IngestProblem] = []
    /// The last row number seen (filled or not).
    private(set) var lastRow = 0

    private var preHeader: [CSVRecord] = []
    /// Blank rows since the last filled one, as ranges (an .xlsx leaves empty rows out altogether, so
    /// a gap in the row numbers is blank rows too).
    private var pendingBlankRows: [ClosedRange<Int>] = []
    private let buffer = RecordBuffer()

    /// The labels of a total row (as ``CSVStream`` skips them).
    static let totalLabels: Set<String> = ["合计", "总计", "小计", "合 计", "总 计", "total", "Total", "TOTAL"]

    init(place: String, header: @escaping ([String], Int) throws -> Void, row: @escaping (CSVRow) throws -> Void) {
        self.place = place
        self.onHeader = header
        self.onRow = row
    }

    /// Takes one row: `number` is its 1-based row number, `cells` its cells' texts from column A on
    /// (trailing empty cells may be left out).
    func take(number: Int, cells: [String]) throws {
        if number > lastRow + 1 { pendingBlankRows.append((lastRow + 1)...(number - 1)) }
        lastRow = max(lastRow, number)
        guard let last = cells.lastIndex(where: { !$0.isEmpty }) else {
            pendingBlankRows.append(number...number)
            return
        }
        reportBlankRows()
        let filled = cells.filter { !$0.isEmpty }.count
        guard let header else {
            if filled <= 1 {
                preHeader.append(CSVRecord(line: number, fields: Array(cells[...last])))
                return
            }
            for record in preHeader {
                problems.append(
                    problem(.titleRow, record.line, zh: "表头上方的标题行，已跳过。", en: "Title row above the header skipped."))
            }
            preHeader = []
            return try takeHeader(Array(cells[...last]), line: number)
        }
        try handle(cells, last: last, number: number, width: header.count)
    }

    /// Ends the sheet: a sheet whose rows all had one filled cell is a one-column table.
    func finish() throws {
        if header == nil, let first = preHeader.first {
            try takeHeader(first.fields, line: first.line)
            for record in preHeader.dropFirst() {
                try handle(record.fields, last: record.fields.count - 1, number: record.line, width: first.fields.count)
            }
            preHeader = []
        }
    }

    private func handle(_ cells: [String], last: Int, number: Int, width: Int) throws {
        if last >= width {
            problems.append(
                problem(
                    .raggedRow, number, column: last + 1,
                    zh: "此行第 \(last + 1) 列有值，但表头只有 \(width) 列，已跳过。请删除多余的值或补上表头后重试。",
                    en: "Row skipped: column \(last + 1) has a value but the header has \(width) columns. "
                        + "Remove the stray value or add its header, and run again."))
            return
        }
        if let first = cells.first(where: { !$0.isEmpty }), first.utf8.count <= 16 {
            let label = HeaderPolicy.trim(first)
            if Self.totalLabels.contains(label) {
                problems.append(
                    problem(
                        .totalRow, number, zh: "合计行（\(label)）已跳过：合计由 junheng 自行计算。",
                        en: "Total row (\(label)) skipped: junheng computes totals itself."))
                return
            }
        }
        buffer.reset()
        for index in 0..<width {
            if index < cells.count {
                var text = cells[index]
                text.withUTF8 { buffer.appendField($0.baseAddress, length: $0.count) }
            } else {
                buffer.appendField(nil, length: 0)
            }
        }
        rows += 1
        try onRow(CSVRow(file: place, line: number, buffer: buffer))
    }

    private func takeHeader(_ cells: [String], line: Int) throws {
        let names = cells.map(HeaderPolicy.trim)
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                problems.append(
                    problem(
                        .emptyHeader, line, column: index + 1, zh: "第 \(index + 1) 列没有列名。",
                        en: "Column \(index + 1) has no header name."))
            } else if let first = seen[name] {
                problems.append(
                    problem(
                        .duplicateHeader, line, column: index + 1,
                        zh: "列名“\(name)”与第 \(first + 1) 列重复，按列名只匹配第一列。",
                        en: "Header \"\(name)\" repeats column \(first + 1); only the first is matched by name."))
            } else {
                seen[name] = index
            }
        }
        header = names
        headerLine = line
        try onHeader(names, line)
    }

    private func reportBlankRows() {
        guard header != nil || !preHeader.isEmpty else {
            // Empty rows above everything are not worth a word.
            pendingBlankRows = []
            return
        }
        var merged: [ClosedRange<Int>] = []
        for range in pendingBlankRows {
            if let last = merged.last, last.upperBound + 1 == range.lowerBound {
                merged[merged.count - 1] = last.lowerBound...range.upperBound
            } else {
                merged.append(range)
            }
        }
        for range in merged {
            if range.count == 1 {
                problems.append(problem(.blankLine, range.lowerBound, zh: "空行，已跳过。", en: "Blank row skipped."))
            } else {
                problems.append(
                    problem(
                        .blankLine, range.lowerBound,
                        zh: "第 \(range.lowerBound)–\(range.upperBound) 行为空行，已跳过。",
                        en: "Blank rows \(range.lowerBound)–\(range.upperBound) skipped."))
            }
        }
        pendingBlankRows = []
    }

    private func problem(_ kind: IngestProblem.Kind, _ line: Int, column: Int? = nil, zh: String, en: String)
        -> IngestProblem
    {
        IngestProblem(
            kind: kind, location: SourceLocation(file: place, line: line, column: column),
            message: LocalizedText(zh: zh, en: en))
    }
}
