/// Which record is the header, and which records after it are data: the rules for the rows a
/// spreadsheet puts around a table.
///
/// - Before the header, a record with at most one filled field is held: a title line if a header
///   follows, else the header and rows of a one-column file (at the end of the file, or once more
///   than ``CSVLimits/titleLines`` are held, so memory stays bounded).
/// - The first record with two or more filled fields is the header; held records become title lines.
///   An empty or repeated header name is a problem.
/// - After the header, a record with another number of fields is skipped (never padded or cut), and so
///   is a 合计/总计/小计 (or Total) row: junheng computes totals itself. A total label in a numbering
///   column (序号), where every data row holds a number, is skipped as a total row too, but its
///   message says so plainly: such a row was typed in by hand, and only the user can tell whether it
///   was a total or a response whose number was overwritten.
final class HeaderPolicy {
    private let problems: ProblemLog
    private(set) var header: [String]? {
        didSet { headerCount = header?.count }
    }
    /// The header's number of fields, read for every row without touching the header itself: the chunks
    /// of a file share one header array, and retaining it for every row from every thread would make
    /// the threads wait on its reference count.
    private var headerCount: Int?
    private(set) var headerLine = 0
    /// Records seen before the header.
    private var held: [CSVRecord] = []
    private let titleLines: Int

    private static let totalLabels: Set<String> = ["合计", "总计", "小计", "合 计", "总 计", "total", "Total", "TOTAL"]

    init(problems: ProblemLog, titleLines: Int) {
        self.problems = problems
        self.titleLines = titleLines
    }

    /// A policy for a chunk read from the middle of a file, whose header was read at its start.
    init(problems: ProblemLog, titleLines: Int, header: [String], line: Int) {
        self.problems = problems
        self.titleLines = titleLines
        self.header = header
        headerCount = header.count
        headerLine = line
    }

    /// What to do with a record.
    enum Verdict {
        /// Held before the header (nothing to do yet).
        case held
        /// This record is the header.
        case header([String], line: Int)
        /// More rows of at most one filled field than title lines can be: a one-column file, whose
        /// header this is; the rows held after it (this one included) are to be admitted as data.
        case oneColumn([String], line: Int, rows: [CSVRecord])
        /// Skipped, with its problem logged.
        case skipped
        /// A data record to hand on.
        case data
    }

    /// Decides about `row` (a record with at least one filled field).
    func admit(_ row: CSVRow) throws(IngestError) -> Verdict {
        guard let headerCount else {
            let filled = (0..<row.count).filter { row.byteCount($0) > 0 }.count
            if filled <= 1 {
                held.append(try row.record())
                guard held.count > titleLines, let (names, line, rows) = finish() else { return .held }
                return .oneColumn(names, line: line, rows: rows)
            }
            for record in held { problems.add(.titleRow, line: record.line, IngestMessage.titleRow()) }
            held = []
            return take(try row.record())
        }
        guard row.count == headerCount else {
            problems.add(
                .raggedRow, line: row.line, IngestMessage.raggedRow(fields: row.count, headerFields: headerCount))
            return .skipped
        }
        if let (label, column) = Self.totalLabel(row) {
            let name = header?[column] ?? ""
            problems.add(
                .totalRow, line: row.line,
                Self.isNumbering(name)
                    ? IngestMessage.totalRowInNumbering(label, column: name) : IngestMessage.totalRow(label))
            return .skipped
        }
        return .data
    }

    /// At the end of the file: when no header came, the records held are a one-column file, whose
    /// first record is the header.
    /// - Returns: the header and the records after it, to admit as rows; `nil` when nothing was held.
    func finish() -> (header: [String], line: Int, rows: [CSVRecord])? {
        guard header == nil, let first = held.first else { return nil }
        let rest = Array(held.dropFirst())
        held = []
        guard case .header(let names, let line) = take(first) else { preconditionFailure("take gives a header") }
        return (names, line, rest)
    }

    private func take(_ record: CSVRecord) -> Verdict {
        let names = record.fields.map(Self.trim)
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                problems.add(
                    .emptyHeader, line: record.line, column: index + 1, IngestMessage.emptyHeader(column: index + 1))
            } else if let first = seen[name] {
                problems.add(
                    .duplicateHeader, line: record.line, column: index + 1,
                    IngestMessage.duplicateHeader(name, firstColumn: first + 1))
            } else {
                seen[name] = index
            }
        }
        header = names
        headerLine = record.line
        return .header(names, line: record.line)
    }

    /// Whether a header name is a numbering column (序号, 编号, ID), whose data cells are numbers.
    static func isNumbering(_ name: String) -> Bool {
        ["序号", "编号", "ID", "id", "Id"].contains(name)
    }

    /// The 合计/总计/小计 (or Total) label of a total row and its 0-based column, checked on bytes first so
    /// ordinary rows cost no decoding: the first non-empty field must start with 合, 总, 小 or T/t and be short.
    private static func totalLabel(_ row: CSVRow) -> (String, column: Int)? {
        guard let first = (0..<row.count).first(where: { row.byteCount($0) > 0 }), row.byteCount(first) <= 16 else {
            return nil
        }
        let plausible = row.withUTF8(first) { bytes -> Bool in
            var index = 0
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            guard index < bytes.count else { return false }
            let lead = bytes[index]
            return lead == 0xE5 || lead == 0xE6 || lead == 0x54 || lead == 0x74 || lead == 0xE3
        }
        guard plausible else { return nil }
        guard let text = try? row.field(first) else { return nil }
        let label = trim(text)
        return totalLabels.contains(label) ? (label, first) : nil
    }

    /// Trims spaces, tabs and the full-width space (U+3000) around a header or label.
    static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{FEFF}" }
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = text.lastIndex(where: { !isSpace($0) })!
        return String(text[first...last])
    }
}
