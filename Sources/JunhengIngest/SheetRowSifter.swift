import JunhengCore

/// Turns a worksheet's rows into what the CSV reader hands on: the header, then data records as
/// ``CSVRow``s with their row numbers, and every row it skips as an ``IngestProblem``, by the CSV
/// reader's own rules (``HeaderPolicy``: title rows, the header, 合计 rows, a one-column sheet; the
/// messages of ``IngestMessage``; the counts of ``ProblemLog``), DOMAIN.md §6. What differs from a
/// CSV file is only what a sheet is:
///
/// - A row with no filled cell is skipped and reported, one problem a row as a CSV file's blank line,
///   when a filled row follows it (the empty rows at the end of a sheet, which Excel users cannot see,
///   are not; nor those above everything). A gap in the row numbers (an .xlsx leaves empty rows out)
///   is blank rows too.
/// - A sheet has no ragged rows: cells missing at a row's end are empty cells. A row with a filled cell
///   right of the header's last column is skipped and reported, never cut.
///
/// Memory: the row being handed on, the rows ``HeaderPolicy`` holds until the header is found, and the
/// first 1,000 problems of each kind.
final class SheetRowSifter {
    /// `FILE[Sheet]`, the file of every location.
    let place: String
    private let onHeader: ([String], Int) throws -> Void
    private let onRow: (CSVRow) throws -> Void

    private let log: ProblemLog
    private let policy: HeaderPolicy
    private(set) var rows = 0
    /// The last row number seen (filled or not).
    private(set) var lastRow = 0

    var header: [String]? { policy.header }
    var headerLine: Int { policy.headerLine }
    var problems: [IngestProblem] { log.problems }
    var problemCounts: [IngestProblem.Kind: Int] { log.countsByKind }

    /// Whether a filled row has been seen (blank rows above everything are not worth a word).
    private var seenFilled = false
    /// Blank rows since the last filled one, as ranges (a gap in an .xlsx's row numbers is one range).
    private var pendingBlankRows: [ClosedRange<Int>] = []
    private let buffer = RecordBuffer()

    init(
        place: String, limits: CSVLimits = CSVLimits(), header: @escaping ([String], Int) throws -> Void,
        row: @escaping (CSVRow) throws -> Void
    ) {
        self.place = place
        self.onHeader = header
        self.onRow = row
        log = ProblemLog(file: place)
        policy = HeaderPolicy(problems: log, titleLines: limits.titleLines)
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
        seenFilled = true
        if let width = header?.count {
            guard last < width else {
                log.add(
                    .raggedRow, line: number, column: last + 1,
                    IngestMessage.cellBeyondHeader(column: last + 1, headerColumns: width))
                return
            }
            fill(cells, width: width)
        } else {
            fill(cells, width: last + 1)
        }
        try admit(CSVRow(file: place, line: number, buffer: buffer))
    }

    /// Ends the sheet: a sheet whose rows all had one filled cell is a one-column table.
    func finish() throws {
        if let (names, line, held) = policy.finish() {
            try onHeader(names, line)
            try replay(held)
        }
    }

    // MARK: - Rows through the header policy

    /// The row's first `width` cells (empty past its end) into the buffer.
    private func fill(_ cells: [String], width: Int) {
        buffer.reset()
        for index in 0..<width {
            if index < cells.count {
                buffer.appendField(cells[index])
            } else {
                buffer.appendField(nil, length: 0)
            }
        }
    }

    private func admit(_ row: CSVRow) throws {
        switch try policy.admit(row) {
        case .held, .skipped:
            break
        case .header(let names, let line):
            try onHeader(names, line)
        case .oneColumn(let names, let line, let held):
            try onHeader(names, line)
            try replay(held)
        case .data:
            rows += 1
            try onRow(row)
        }
    }

    /// Rows held before the header (a one-column sheet's), now that the header is known.
    private func replay(_ held: [CSVRecord]) throws {
        let width = header?.count ?? 0
        for record in held {
            if let last = record.fields.lastIndex(where: { !$0.isEmpty }), last >= width {
                log.add(
                    .raggedRow, line: record.line, column: last + 1,
                    IngestMessage.cellBeyondHeader(column: last + 1, headerColumns: width))
                continue
            }
            fill(record.fields, width: width)
            try admit(CSVRow(file: place, line: record.line, buffer: buffer))
        }
    }

    private func reportBlankRows() {
        defer { pendingBlankRows = [] }
        guard seenFilled else { return }
        for range in pendingBlankRows {
            for line in range { log.add(.blankLine, line: line, IngestMessage.blankRow()) }
        }
    }
}
