public import JunhengCore

/// What `junheng inspect` reports about a CSV file or a workbook's sheet: what it is (CSV with its
/// encoding and delimiter, or an .xls/.xlsx workbook with the sheet read and its other sheets; columns,
/// rows) and everything wrong with it. Reading stops at a fatal error, which is reported with what was
/// learnt so far.
///
/// Messages are kept in both languages and written in ``language``: the JSON and the text show one.
public struct CSVInspection: Sendable, Hashable, Encodable {
    public struct Problem: Sendable, Hashable, Encodable {
        public var line: Int?
        public var column: Int?
        public var kind: String
        public var message: LocalizedText
        /// Whether reading had to stop here.
        public var fatal: Bool

        public init(line: Int?, column: Int?, kind: String, message: LocalizedText, fatal: Bool) {
            self.line = line
            self.column = column
            self.kind = kind
            self.message = message
            self.fatal = fatal
        }
    }

    public var file: String
    /// `csv`, `xls` or `xlsx`: what the file is by its content, whatever its name.
    public var format: String
    /// The worksheet read (a workbook only).
    public var sheet: String?
    /// Every worksheet of a workbook, in workbook order (empty for a CSV file).
    public var sheets: [String]
    /// `utf-8`, `gb18030`, `utf-16le` or `utf-16be`; `null` for a workbook, or when reading stopped first.
    public var encoding: String?
    /// The delimiter character; `null` when reading stopped before it was chosen.
    public var delimiter: String?
    /// Header names, BOM stripped.
    public var columns: [String]
    public var headerLine: Int?
    /// Data records read (skipped rows not counted).
    public var rows: Int
    /// Rows and lines skipped, by problem kind (`blank-line`, `ragged-row`, …): exact counts.
    public var skipped: [String: Int]
    public var lines: Int
    public var bytes: Int
    /// The first 1,000 problems of each kind, then the fatal error if any.
    public var problems: [Problem]
    /// Problems found of each kind: exact, also past the 1,000 listed.
    public var problemCounts: [String: Int]
    /// `true` when the file was read to the end and nothing was wrong.
    public var ok: Bool
    /// The fatal error, if reading stopped.
    public var error: IngestError?
    /// The language the messages are written in (JSON and text).
    public var language: Language

    enum CodingKeys: String, CodingKey {
        case file, format, sheet, sheets, encoding, delimiter, columns, rows, skipped, lines, bytes, problems, ok
        case headerLine = "header_line"
        case problemCounts = "problem_counts"
    }

    enum ProblemKeys: String, CodingKey { case line, column, kind, message, fatal }

    /// Every key is written, `null` included, so a script can rely on the shape; each message in
    /// ``language`` only.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(format, forKey: .format)
        try container.encode(sheet, forKey: .sheet)
        try container.encode(sheets, forKey: .sheets)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(delimiter, forKey: .delimiter)
        try container.encode(columns, forKey: .columns)
        try container.encode(headerLine, forKey: .headerLine)
        try container.encode(rows, forKey: .rows)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(lines, forKey: .lines)
        try container.encode(bytes, forKey: .bytes)
        var list = container.nestedUnkeyedContainer(forKey: .problems)
        for problem in problems {
            var item = list.nestedContainer(keyedBy: ProblemKeys.self)
            try item.encode(problem.line, forKey: .line)
            try item.encode(problem.column, forKey: .column)
            try item.encode(problem.kind, forKey: .kind)
            try item.encode(problem.message.text(language), forKey: .message)
            try item.encode(problem.fatal, forKey: .fatal)
        }
        try container.encode(problemCounts, forKey: .problemCounts)
        try container.encode(ok, forKey: .ok)
    }

    /// Reads the whole file (streaming, bounded memory) and reports on it. Never throws: a fatal
    /// error is part of the result.
    public static func inspect(
        path: String, options: CSVReadOptions = CSVReadOptions(), language: Language = .zh,
        progress: (@Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil
    ) -> CSVInspection {
        if let format = WorkbookFile.format(ofFileAt: path) {
            return inspect(
                workbook: WorkbookFile(path: path, sheet: options.sheet, limits: options.limits), format: format,
                language: language, progress: progress)
        }
        if let reader = CSVChunkedReader(file: CSVFile(path: path, options: options, progress: progress)),
            let inspection = inspect(chunksOf: reader, language: language)
        {
            return inspection
        }
        let stream = CSVStream(path: path, options: options)
        stream.progress = progress
        var failure: IngestError?
        do {
            try stream.run(header: { _, _ in }, row: { try $0.validate() })
        } catch let error as IngestError {
            failure = error
        } catch {
            preconditionFailure("only the reader throws here: \(error)")
        }
        return report(
            path: path, format: "csv", summary: stream.summary(), failure: failure, encoding: stream.encoding?.rawValue,
            delimiter: stream.delimiter?.rawValue, language: language)
    }

    /// A large CSV file read in chunks on every core (``CSVChunkedReader``); `nil` when the read fails, to
    /// be read again as a whole: a failed read's report then says exactly what a whole read says (the
    /// bytes read before the error included), whatever the number of cores.
    static func inspect(chunksOf reader: CSVChunkedReader, language: Language) -> CSVInspection? {
        guard let prologue = try? reader.prologue(sample: 0) else { return nil }
        var summary = prologue.summary
        if summary == nil {
            guard let read = try? reader.read(prologue: prologue, sink: { _, _ in RowValidator() }),
                read.failure == nil
            else { return nil }
            summary = read.summary
        }
        guard let summary else { return nil }
        return report(
            path: reader.file.path, format: "csv", summary: summary, failure: nil, encoding: summary.encoding.rawValue,
            delimiter: summary.delimiter.rawValue, language: language)
    }

    /// A chunk's rows checked as UTF-8, as a whole read checks them.
    final class RowValidator: CSVRowSink, Sendable {
        func consume(row: CSVRow) throws { try row.validate() }
    }

    /// A workbook's sheet: the sheet read and the others, then what any file gets.
    static func inspect(
        workbook: WorkbookFile, format: WorkbookFile.Format, language: Language,
        progress: (@Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void)?
    ) -> CSVInspection {
        var failure: IngestError?
        var summary = CSVReadSummary(
            file: workbook.path, encoding: .utf8, delimiter: .comma, header: [], headerLine: 0, rows: 0, lines: 0,
            bytes: 0, problems: [])
        do {
            summary = try workbook.scan(progress: progress) { try $0.validate() }
        } catch let error as IngestError {
            failure = error
        } catch {
            preconditionFailure("only the reader throws here: \(error)")
        }
        var inspection = report(
            path: workbook.path, format: format.rawValue, summary: summary, failure: failure, encoding: nil,
            delimiter: nil, language: language)
        inspection.sheet = summary.workbook?.sheet
        inspection.sheets = summary.workbook?.sheets ?? (try? workbook.sheetNames()) ?? []
        return inspection
    }

    private static func report(
        path: String, format: String, summary: CSVReadSummary, failure: IngestError?, encoding: String?,
        delimiter: String?, language: Language
    ) -> CSVInspection {
        var problems = summary.problems.map {
            Problem(
                line: $0.location.line, column: $0.location.column, kind: $0.kind.rawValue, message: $0.message,
                fatal: false)
        }
        if let failure {
            problems.append(
                Problem(
                    line: failure.location?.line, column: failure.location?.column, kind: failure.kind.rawValue,
                    message: failure.message, fatal: true))
        }
        var counts: [String: Int] = [:]
        for (kind, count) in summary.problemCounts { counts[kind.rawValue] = count }
        if let failure { counts[failure.kind.rawValue, default: 0] += 1 }
        var skipped: [String: Int] = [:]
        for (kind, count) in summary.skippedByReason { skipped[kind.rawValue] = count }
        return CSVInspection(
            file: path, format: format, encoding: encoding, delimiter: delimiter, columns: summary.header,
            headerLine: summary.header.isEmpty ? nil : summary.headerLine,
            rows: summary.rows, skipped: skipped, lines: summary.lines, bytes: summary.bytes, problems: problems,
            problemCounts: counts, ok: failure == nil && problems.isEmpty, error: failure, language: language)
    }

    public init(
        file: String, format: String = "csv", sheet: String? = nil, sheets: [String] = [], encoding: String?,
        delimiter: String?, columns: [String], headerLine: Int?, rows: Int,
        skipped: [String: Int] = [:], lines: Int, bytes: Int, problems: [Problem],
        problemCounts: [String: Int]? = nil, ok: Bool, error: IngestError?, language: Language = .zh
    ) {
        self.file = file
        self.format = format
        self.sheet = sheet
        self.sheets = sheets
        self.encoding = encoding
        self.delimiter = delimiter
        self.columns = columns
        self.headerLine = headerLine
        self.rows = rows
        self.skipped = skipped
        self.lines = lines
        self.bytes = bytes
        self.problems = problems
        self.problemCounts = problemCounts ?? problems.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
        self.ok = ok
        self.error = error
        self.language = language
    }
}
