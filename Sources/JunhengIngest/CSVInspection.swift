import JunhengCore

/// What `junheng inspect` reports about a CSV file: what it is (encoding, delimiter, columns, rows) and
/// everything wrong with it. Reading stops at a fatal error, which is reported with what was learnt so far.
public struct CSVInspection: Sendable, Hashable, Codable {
    public struct Problem: Sendable, Hashable, Codable {
        public var line: Int?
        public var column: Int?
        public var kind: String
        public var message: String
        /// Whether reading had to stop here.
        public var fatal: Bool

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(kind, forKey: .kind)
            try container.encode(message, forKey: .message)
            try container.encode(fatal, forKey: .fatal)
        }

        enum CodingKeys: String, CodingKey { case line, column, kind, message, fatal }

        public init(line: Int?, column: Int?, kind: String, message: String, fatal: Bool) {
            self.line = line
            self.column = column
            self.kind = kind
            self.message = message
            self.fatal = fatal
        }
    }

    public var file: String
    /// `utf-8`, `gb18030`, `utf-16le` or `utf-16be`; `null` when the file is not text (a workbook, unreadable).
    public var encoding: String?
    /// The delimiter character; `null` when reading stopped before it was chosen.
    public var delimiter: String?
    /// Header names, BOM stripped.
    public var columns: [String]
    public var headerLine: Int?
    /// Data records read (skipped rows not counted).
    public var rows: Int
    public var lines: Int
    public var bytes: Int
    public var problems: [Problem]
    /// `true` when the file was read to the end and nothing was wrong.
    public var ok: Bool
    /// The fatal error, if reading stopped.
    public var error: IngestError?

    enum CodingKeys: String, CodingKey {
        case file, encoding, delimiter, columns, rows, lines, bytes, problems, ok
        case headerLine = "header_line"
    }

    /// Every key is written, `null` included, so a script can rely on the shape.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(delimiter, forKey: .delimiter)
        try container.encode(columns, forKey: .columns)
        try container.encode(headerLine, forKey: .headerLine)
        try container.encode(rows, forKey: .rows)
        try container.encode(lines, forKey: .lines)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(problems, forKey: .problems)
        try container.encode(ok, forKey: .ok)
    }

    /// Reads the whole file (streaming, constant memory) and reports on it. Never throws: a fatal
    /// error is part of the result.
    public static func inspect(
        path: String, options: CSVReadOptions = CSVReadOptions(),
        progress: (@Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil
    ) -> CSVInspection {
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
        let summary = stream.summary()
        var problems = summary.problems.map {
            Problem(
                line: $0.location.line, column: $0.location.column, kind: $0.kind.rawValue, message: $0.message,
                fatal: false)
        }
        if let failure {
            problems.append(
                Problem(
                    line: failure.location?.line, column: failure.location?.column, kind: failure.kind.rawValue,
                    message: failure.message.zh, fatal: true))
        }
        return CSVInspection(
            file: path, encoding: stream.encoding?.rawValue, delimiter: stream.delimiter?.rawValue,
            columns: summary.header, headerLine: summary.header.isEmpty ? nil : summary.headerLine,
            rows: summary.rows, lines: summary.lines, bytes: summary.bytes, problems: problems,
            ok: failure == nil && problems.isEmpty, error: failure)
    }

    public init(
        file: String, encoding: String?, delimiter: String?, columns: [String], headerLine: Int?, rows: Int,
        lines: Int, bytes: Int, problems: [Problem], ok: Bool, error: IngestError?
    ) {
        self.file = file
        self.encoding = encoding
        self.delimiter = delimiter
        self.columns = columns
        self.headerLine = headerLine
        self.rows = rows
        self.lines = lines
        self.bytes = bytes
        self.problems = problems
        self.ok = ok
        self.error = error
    }
}
