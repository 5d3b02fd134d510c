import Glibc
import JunhengCore

/// The reading engine behind ``CSVFile``: file → chunks → (transcoding) → physical lines → libcsv →
/// records, with line numbers counted by hand (libcsv knows none) and every skipped row reported.
///
/// Memory: one chunk, one decoded chunk, and the record being assembled. Nothing grows with the file.
final class CSVStream {
    let path: String
    let options: CSVReadOptions

    // What the file turned out to be (readable after a failure too, for `junheng inspect`).
    private(set) var encoding: TextEncoding?
    private(set) var delimiter: CSVDelimiter?
    private(set) var header: [String]?
    private(set) var headerLine = 0
    private(set) var rows = 0
    private(set) var bytesRead = 0
    private(set) var problems: [IngestProblem] = []

    // Line accounting.
    private var line = 1
    private var atLineStart = true
    private var lineBeganBetweenRecords = true
    private var recordStartLine = 1
    private var quoteOpenLine: Int?
    private var pendingCR = false

    // Rows seen before the header: title lines, or a one-column file's header.
    private var preHeader: [CSVRecord] = []

    private var parser: LibCSVParser!
    private var transcoder: Transcoder?
    private var onHeader: (([String], Int) throws -> Void)!
    private var onRow: ((CSVRecord) throws -> Void)!

    private static let sniffBytes = 1 << 20
    private static let totalLabels: Set<String> = ["合计", "总计", "小计", "合 计", "总 计", "total", "Total", "TOTAL"]

    init(path: String, options: CSVReadOptions) {
        self.path = path
        self.options = options
    }

    var lines: Int { atLineStart ? line - 1 : line }

    func summary() -> CSVReadSummary {
        CSVReadSummary(
            file: path, encoding: encoding ?? .utf8, delimiter: delimiter ?? .comma, header: header ?? [],
            headerLine: headerLine, rows: rows, lines: lines, bytes: bytesRead, problems: problems)
    }

    private func location(_ line: Int?, _ column: Int? = nil) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    // MARK: - Reading

    func run(header: @escaping ([String], Int) throws -> Void, row: @escaping (CSVRecord) throws -> Void) throws {
        onHeader = header
        onRow = row
        // The callbacks live only for this call (CSVFile passes them without escaping).
        defer {
            onHeader = nil
            onRow = nil
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw IngestError(
                kind: .unreadable, location: location(nil),
                message: "cannot open the file (\(reason)). Check the path and that the file is not open elsewhere.")
        }
        defer { close(fd) }

        let chunkSize = options.chunkSize
        // Carried bytes (an incomplete character) + one chunk.
        let capacity = max(chunkSize, Self.sniffBytes) + 8
        let work = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
        defer { work.deallocate() }

        // 1. Sniff: read up to 1 MiB (stop early once non-ASCII text has been seen).
        var filled = 0
        var endOfFile = false
        while filled < Self.sniffBytes {
            let got = try readSome(fd, into: work, at: filled, max: min(chunkSize, Self.sniffBytes - filled))
            if got == 0 {
                endOfFile = true
                break
            }
            filled += got
            if UnsafeRawBufferPointer(rebasing: work[0..<filled]).contains(where: { $0 >= 0x80 }) && filled >= 4096 {
                break
            }
        }
        let prefix = UnsafeRawBufferPointer(rebasing: work[0..<filled])
        var start = 0
        switch EncodingDetector.detect(prefix, isWholeFile: endOfFile) {
        case .xlsx: throw spreadsheetError(kind: ".xlsx")
        case .xls: throw spreadsheetError(kind: ".xls")
        case .text(let detected, let bomLength):
            let chosen = options.encoding ?? detected
            encoding = chosen
            // A BOM is skipped only when it belongs to the encoding used.
            if chosen == detected { start = bomLength }
        }
        if encoding != .utf8 { transcoder = try Transcoder(from: encoding!, file: path) }

        // 2. Decode the sniffed block, choose the delimiter, and start libcsv.
        var decoded: [UInt8] = []
        var carry = 0
        var firstBlock = true
        var pending = UnsafeRawBufferPointer(rebasing: work[start..<filled])
        while true {
            let (text, consumed) = try decode(pending, endOfFile: endOfFile, into: &decoded)
            if firstBlock {
                firstBlock = false
                try text.withUnsafeBytes { raw in try beginParsing(raw) }
            } else {
                try text.withUnsafeBytes { raw in try process(raw) }
            }
            if endOfFile { break }
            // Keep the unconverted tail (an incomplete character), then read the next chunk after it.
            carry = pending.count - consumed
            if carry > 0 {
                let tailStart = pending.baseAddress! - UnsafeRawPointer(work.baseAddress!) + consumed
                work.baseAddress!.copyMemory(from: work.baseAddress! + tailStart, byteCount: carry)
            }
            let got = try readSome(fd, into: work, at: carry, max: chunkSize)
            if got == 0 { endOfFile = true }
            pending = UnsafeRawBufferPointer(rebasing: work[0..<(carry + got)])
        }
        try finishParsing()
    }

    private func readSome(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, max: Int) throws
        -> Int
    {
        while true {
            let got = Glibc.read(fd, buffer.baseAddress! + offset, max)
            if got >= 0 {
                bytesRead += got
                return got
            }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            throw IngestError(
                kind: .unreadable, location: location(line), message: "reading the file failed (\(reason)).")
        }
    }

    private func spreadsheetError(kind: String) -> IngestError {
        IngestError(
            kind: .spreadsheet, location: location(nil),
            message: """
                this is an Excel workbook (\(kind)), not a CSV file. Open it in Excel or WPS and use \
                文件 → 另存为 → "CSV UTF-8 (逗号分隔)(*.csv)", or download the answers from 问卷星 as CSV, \
                then run junheng on the .csv file.
                """)
    }

    /// UTF-8 text for the parser: the bytes themselves when the file is UTF-8 (validated per chunk),
    /// else iconv's output. Returns the text and how many input bytes it covers.
    private func decode(_ input: UnsafeRawBufferPointer, endOfFile: Bool, into decoded: inout [UInt8]) throws
        -> (ContiguousArrayOrSlice, Int)
    {
        if let transcoder {
            decoded.removeAll(keepingCapacity: true)
            let outcome = transcoder.convert(input, into: &decoded)
            if outcome.invalid || (endOfFile && outcome.consumed < input.count) {
                // Parse what came before the bad byte, so the line and field are known.
                try decoded.withUnsafeBytes { raw in try process(raw) }
                let byte = input[outcome.consumed]
                throw IngestError(
                    kind: .invalidEncoding, location: location(line, parser.buffer.fieldCount + 1),
                    message: String(
                        format: "byte 0x%02X cannot be decoded as %@. The file may mix encodings: "
                            + "open it in Excel and save it again as \"CSV UTF-8\", or pass --encoding.",
                        byte, transcoder.source.rawValue))
            }
            // Strip a BOM that came through the conversion (only at the very start of the text).
            if parser == nil && decoded.starts(with: [0xEF, 0xBB, 0xBF]) { decoded.removeFirst(3) }
            return (.array(decoded), outcome.consumed)
        }
        switch UTF8Scanner.scan(input) {
        case .valid:
            return (.slice(input), input.count)
        case .truncated(let at) where !endOfFile:
            return (.slice(UnsafeRawBufferPointer(rebasing: input[0..<at])), at)
        case .truncated(let at), .invalid(let at):
            if parser == nil { try beginParsing(UnsafeRawBufferPointer(rebasing: input[0..<at])) } else {
                try feed(UnsafeRawBufferPointer(rebasing: input[0..<at]))
            }
            throw IngestError(
                kind: .invalidEncoding, location: location(line, parser.buffer.fieldCount + 1),
                message: String(
                    format: "byte 0x%02X is not valid UTF-8, though the file began as UTF-8. The file may mix "
                        + "encodings: open it in Excel and save it again as \"CSV UTF-8\", or pass --encoding gb18030.",
                    input[at]))
        }
    }

    enum ContiguousArrayOrSlice {
        case array([UInt8])
        case slice(UnsafeRawBufferPointer)

        func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            switch self {
            case .array(let array): try array.withUnsafeBytes(body)
            case .slice(let slice): try body(slice)
            }
        }
    }

    // MARK: - Lines into libcsv

    private func beginParsing(_ text: UnsafeRawBufferPointer) throws {
        guard parser == nil else { return try process(text) }
        var body = text
        if let (delimiter, length) = DialectSniffer.separatorLine(text) {
            self.delimiter = options.delimiter ?? delimiter
            body = UnsafeRawBufferPointer(rebasing: text[length...])
            line = 2
        } else {
            delimiter = options.delimiter ?? DialectSniffer.sniff(text)
        }
        parser = try LibCSVParser(delimiter: delimiter!.byte)
        try process(body)
    }

    private func process(_ text: UnsafeRawBufferPointer) throws {
        if parser == nil { return try beginParsing(text) }
        try feed(text)
    }

    /// Feeds text one physical line at a time, so every record knows the line it starts on.
    private func feed(_ text: UnsafeRawBufferPointer) throws {
        guard let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = text.count
        var position = 0
        if pendingCR {
            pendingCR = false
            // The LF of a CRLF split across two chunks: part of the line already counted.
            if count > 0 && base[0] == 0x0A {
                try parse(UnsafeRawBufferPointer(start: base, count: 1))
                position = 1
            }
        }
        while position < count {
            var terminator = position
            // Eight bytes at a time while none is CR or LF.
            while terminator + 8 <= count {
                let word = UnsafeRawPointer(base + terminator).loadUnaligned(as: UInt64.self)
                if Self.hasByte(word, 0x0A) || Self.hasByte(word, 0x0D) { break }
                terminator += 8
            }
            while terminator < count && base[terminator] != 0x0A && base[terminator] != 0x0D { terminator += 1 }
            var end = count
            var terminated = false
            if terminator < count {
                terminated = true
                end = terminator + 1
                if base[terminator] == 0x0D {
                    if terminator + 1 < count {
                        if base[terminator + 1] == 0x0A { end += 1 }
                    } else {
                        pendingCR = true
                    }
                }
            }
            if atLineStart {
                lineBeganBetweenRecords = parser.isBetweenRecords
                if lineBeganBetweenRecords { recordStartLine = line }
            }
            try parse(UnsafeRawBufferPointer(start: base + position, count: end - position))
            if parser.buffer.recordEnded {
                try emitRecord()
            } else if terminated && lineBeganBetweenRecords && parser.isBetweenRecords {
                problems.append(
                    IngestProblem(kind: .blankLine, location: location(line), message: "blank line skipped."))
            }
            if parser.isInsideQuotes {
                if quoteOpenLine == nil { quoteOpenLine = line }
            } else {
                quoteOpenLine = nil
            }
            if terminated {
                line += 1
                atLineStart = true
            } else {
                atLineStart = false
            }
            position = end
        }
    }

    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    private func parse(_ bytes: UnsafeRawBufferPointer) throws {
        guard parser.parse(bytes) else {
            throw IngestError(
                kind: .parser, location: location(line), message: "libcsv failed here (out of memory).")
        }
    }

    private func finishParsing() throws {
        if parser == nil {
            // An empty file: no text at all.
            try beginParsing(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        // libcsv honours CSV_STRICT_FINI only together with CSV_STRICT, which would also reject a stray
        // quote inside an unquoted field (text Excel users type). So the wrapper asks the parser's state
        // itself: a quoted field still open at the end of the input is the same error STRICT_FINI reports.
        guard !parser.isInsideQuotes, parser.finish() else {
            let opened = quoteOpenLine ?? recordStartLine
            throw IngestError(
                kind: .unterminatedQuote, location: location(opened),
                message: """
                    a quoted field opens on this line and never closes, so the rest of the file would be read as \
                    one cell. Find the unmatched " on line \(opened) (or the lines after it), close or remove it, \
                    and run again.
                    """)
        }
        if parser.buffer.recordEnded { try emitRecord() }
        try flushPreHeader(atEnd: true)
        if header == nil {
            throw IngestError(
                kind: .noHeader, location: location(nil),
                message: "the file has no header row (it is empty or has only blank lines). Export it again.")
        }
    }

    // MARK: - Records

    private func emitRecord() throws {
        let buffer = parser.buffer
        let recordLine = recordStartLine
        var fields: [String] = []
        fields.reserveCapacity(buffer.fieldCount)
        var allEmpty = true
        for index in 0..<buffer.fieldCount {
            let bytes = buffer.field(index)
            if bytes.count > 0 { allEmpty = false }
            if bytes.count > 0 && memchr(bytes.baseAddress!, 0, bytes.count) != nil {
                let cleaned = bytes.filter { $0 != 0 }
                problems.append(
                    IngestProblem(
                        kind: .nulByte, location: location(recordLine, index + 1),
                        message: "\(bytes.count - cleaned.count) NUL byte(s) removed from this field."))
                fields.append(String(decoding: cleaned, as: UTF8.self))
            } else {
                fields.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        buffer.reset()
        try handle(CSVRecord(line: recordLine, fields: fields), allEmpty: allEmpty)
    }

    private func handle(_ record: CSVRecord, allEmpty: Bool) throws {
        if allEmpty {
            problems.append(
                IngestProblem(
                    kind: .emptyRow, location: location(record.line),
                    message: "row of empty fields (only delimiters) skipped."))
            return
        }
        guard let header else {
            let filled = record.fields.filter { !$0.isEmpty }.count
            if filled <= 1 {
                preHeader.append(record)
                return
            }
            try flushPreHeader(atEnd: false)
            return try takeHeader(record)
        }
        guard record.fields.count == header.count else {
            let more = record.fields.count > header.count
            problems.append(
                IngestProblem(
                    kind: .raggedRow, location: location(record.line),
                    message: """
                        row skipped: it has \(record.fields.count) fields but the header has \(header.count) \
                        (\(more ? "a comma inside a value is probably not quoted" : "fields are missing")). \
                        Fix the row and run again.
                        """))
            return
        }
        if let first = record.fields.first(where: { !$0.isEmpty }), Self.totalLabels.contains(Self.trim(first)) {
            problems.append(
                IngestProblem(
                    kind: .totalRow, location: location(record.line),
                    message: "total row (\(Self.trim(first))) skipped: junheng computes totals itself."))
            return
        }
        rows += 1
        try onRow(record)
    }

    /// Rows held before the header: title lines if a header follows, else a one-column file's header and rows.
    private func flushPreHeader(atEnd: Bool) throws {
        guard !preHeader.isEmpty else { return }
        let held = preHeader
        preHeader = []
        if atEnd && header == nil {
            try takeHeader(held[0])
            for record in held.dropFirst() { try handle(record, allEmpty: false) }
            return
        }
        for record in held {
            problems.append(
                IngestProblem(
                    kind: .titleRow, location: location(record.line),
                    message: "title line above the header skipped."))
        }
    }

    private func takeHeader(_ record: CSVRecord) throws {
        let names = record.fields.map(Self.trim)
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                problems.append(
                    IngestProblem(
                        kind: .emptyHeader, location: location(record.line, index + 1),
                        message: "column \(index + 1) has no header name."))
            } else if let first = seen[name] {
                problems.append(
                    IngestProblem(
                        kind: .duplicateHeader, location: location(record.line, index + 1),
                        message: "header \"\(name)\" repeats column \(first + 1); only the first is matched by name."))
            } else {
                seen[name] = index
            }
        }
        header = names
        headerLine = record.line
        try onHeader(names, record.line)
    }

    /// Trims spaces, tabs and the full-width space (U+3000) around a header or label.
    static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{FEFF}" }
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = text.lastIndex(where: { !isSpace($0) })!
        return String(text[first...last])
    }
}
