import Glibc
import JunhengCore

/// Feeds UTF-8 text to libcsv one physical line at a time and keeps the line count libcsv lacks: the
/// line each record starts on, the line a quoted field opened on, and every blank line. It also holds
/// each record to the ``CSVLimits`` while libcsv assembles it, and watches quoted fields for the
/// records a stray quote would swallow.
///
/// CR, LF and CRLF each end a line (a CRLF split across two blocks counts once); a quoted field with
/// newlines moves the next record down by as many lines.
final class LineFeeder {
    let parser: LibCSVParser
    private let problems: ProblemLog
    private let limits: CSVLimits
    private let delimiter: UInt8

    /// The header's number of fields, once known: a line inside a quoted field with as many fields is
    /// a record taken in by a stray quote.
    var headerFields: Int?
    /// Whether the header's first column numbers the records (序号), so that a line inside a quoted
    /// field starting with the next number is a record taken in.
    var numbered = false

    /// The line being read (1-based).
    private(set) var line: Int
    private(set) var atLineStart = true
    private var lineBeganBetweenRecords = true
    /// Where the record being assembled started, and its first field in the buffer.
    private(set) var recordStartLine: Int
    private var recordFirstField = 0
    /// Complete fields of the record being assembled already found within the field limit.
    private var fieldsWithinLimit = 0
    /// Where the quoted field still open opened.
    private(set) var quoteOpenLine: Int?
    private var pendingCR = false
    /// Lines of the record being assembled that a quoted field took in, though they look like records.
    private var swallowed: (quoteLine: Int, lines: Int, first: Int, last: Int)?

    /// - Parameter firstLine: the line the text starts on (2 after Excel's `sep=` line).
    init(parser: LibCSVParser, delimiter: UInt8, firstLine: Int, limits: CSVLimits, problems: ProblemLog) {
        self.parser = parser
        self.delimiter = delimiter
        self.problems = problems
        self.limits = limits
        line = firstLine
        recordStartLine = firstLine
    }

    /// Physical lines read so far (a last line without a line end counts).
    var lines: Int { atLineStart ? line - 1 : line }

    /// Feeds `text`; `record` is called for every record libcsv completes, with its start line and
    /// whether it must be skipped (a quoted field in it took in whole records; the problem is logged).
    func feed(_ text: UnsafeRawBufferPointer, record: (Int, Bool) throws -> Void) throws {
        guard let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = text.count
        var position = 0
        if pendingCR {
            pendingCR = false
            // The LF of a CRLF split across two chunks: part of the line already counted.
            if count > 0 && base[0] == 0x0A {
                try parse(UnsafeRawBufferPointer(start: base, count: 1), line: self.line)
                position = 1
            }
        }
        // The line state lives in locals while the loop runs (no class-property access per line).
        var line = self.line
        var atLineStart = self.atLineStart
        var lineBeganBetweenRecords = self.lineBeganBetweenRecords
        var recordStartLine = self.recordStartLine
        var quoteOpenLine = self.quoteOpenLine
        let parser = self.parser
        defer {
            self.line = line
            self.atLineStart = atLineStart
            self.lineBeganBetweenRecords = lineBeganBetweenRecords
            self.recordStartLine = recordStartLine
            self.quoteOpenLine = quoteOpenLine
        }
        // The next LF and the next CR, each found with memchr and kept until passed.
        var nextLF = -1
        var nextCR = -1
        func next(_ byte: UInt8, from position: Int) -> Int {
            // `Int32(byte)` widens a `UInt8`: it cannot fail.
            guard let found = memchr(base + position, Int32(byte), count - position) else { return count }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        while position < count {
            if nextLF < position { nextLF = next(0x0A, from: position) }
            if nextCR < position { nextCR = next(0x0D, from: position) }
            let terminator = min(nextLF, nextCR)
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
            let bytes = UnsafeRawBufferPointer(start: base + position, count: end - position)
            if atLineStart {
                lineBeganBetweenRecords = parser.isBetweenRecords
                if lineBeganBetweenRecords {
                    recordStartLine = line
                    recordFirstField = parser.buffer.fieldCount
                    fieldsWithinLimit = 0
                    swallowed = nil
                } else if let quoteOpenLine, parser.isInsideQuotes, looksLikeRecord(bytes) {
                    swallowed =
                        swallowed.map { ($0.quoteLine, $0.lines + 1, $0.first, line) } ?? (quoteOpenLine, 1, line, line)
                }
            }
            self.recordStartLine = recordStartLine
            try parse(bytes, line: line)
            if parser.buffer.recordEnded {
                if let swallowed {
                    problems.add(
                        .quoteSpansRecords, line: swallowed.quoteLine,
                        IngestMessage.quoteSpansRecords(
                            lines: swallowed.lines, firstLine: swallowed.first, lastLine: line))
                }
                try record(recordStartLine, swallowed != nil)
                recordEnded()
            } else if terminated && lineBeganBetweenRecords && parser.isBetweenRecords {
                problems.add(.blankLine, line: line, IngestMessage.blankLine())
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

    /// Ends the text: a quoted field still open is fatal; a last record without a line end is completed.
    func finish(record: (Int, Bool) throws -> Void) throws {
        // Strict mode makes libcsv's csv_fini report a quoted field still open at the end of the input;
        // the wrapper asks the parser's state first, to name the line where the quote opened.
        guard !parser.isInsideQuotes, parser.finish() else {
            let opened = quoteOpenLine ?? recordStartLine
            throw IngestError(
                kind: .unterminatedQuote, location: SourceLocation(file: problems.file, line: opened),
                message: IngestMessage.unterminatedQuote(openedOn: opened))
        }
        if parser.buffer.recordEnded {
            try checkLimits()
            try record(recordStartLine, false)
            recordEnded()
        }
    }

    /// After the record callback (which may have reset, cut or swapped the buffer): the next record
    /// starts at the buffer's end.
    private func recordEnded() {
        recordFirstField = parser.buffer.fieldCount
        fieldsWithinLimit = 0
        swallowed = nil
    }

    /// The line of the last stray quote reported.
    private var lastStrayQuoteLine: Int?

    /// The 1-based column being read in the current record.
    var column: Int { parser.buffer.fieldCount - recordFirstField + 1 }

    /// Feeds bytes to libcsv; `line` is where they are, for the errors and the problems.
    private func parse(_ bytes: UnsafeRawBufferPointer, line: Int) throws {
        let outcome = parser.parse(bytes)
        guard outcome.succeeded else {
            throw IngestError(
                kind: .parser, location: SourceLocation(file: problems.file, line: line),
                message: IngestMessage.parserFailed())
        }
        // One problem a line, at its first stray quote, however the line was cut into blocks (a line read
        // in two blocks, or in two chunks' blocks, reports what a line read whole reports).
        if outcome.strayQuotes > 0, line != lastStrayQuoteLine {
            lastStrayQuoteLine = line
            problems.add(
                .strayQuote, line: line, column: max(1, outcome.strayQuoteField - recordFirstField + 1),
                IngestMessage.strayQuote())
        }
        try checkLimits()
    }

    // MARK: - Limits

    /// Stops at a field, record or field count past the limits (checked after every line, and every
    /// chunk of a long line, so libcsv never holds more than a limit and a chunk).
    @inline(__always)
    private func checkLimits() throws(IngestError) {
        let buffer = parser.buffer
        let fields = buffer.fieldCount - recordFirstField
        let bytes = buffer.count - buffer.fieldStart(recordFirstField)
        let open = parser.openFieldBytes
        guard _slowPath(open > limits.fieldBytes || bytes > limits.fieldBytes || fields > limits.columns) else {
            return
        }
        try limitExceeded(fields: fields, bytes: bytes + open)
    }

    @inline(never)
    private func limitExceeded(fields: Int, bytes: Int) throws(IngestError) {
        let place = SourceLocation(file: problems.file, line: recordStartLine)
        if parser.openFieldBytes > limits.fieldBytes {
            throw IngestError(
                kind: .fieldTooLong,
                location: SourceLocation(file: problems.file, line: recordStartLine, column: fields + 1),
                message: IngestMessage.fieldTooLong(column: fields + 1, limit: limits.fieldBytes))
        }
        let buffer = parser.buffer
        for index in fieldsWithinLimit..<fields where buffer.field(recordFirstField + index).count > limits.fieldBytes {
            throw IngestError(
                kind: .fieldTooLong,
                location: SourceLocation(file: problems.file, line: recordStartLine, column: index + 1),
                message: IngestMessage.fieldTooLong(column: index + 1, limit: limits.fieldBytes))
        }
        fieldsWithinLimit = fields
        if fields > limits.columns {
            throw IngestError(
                kind: .tooManyColumns, location: place, message: IngestMessage.tooManyColumns(limit: limits.columns))
        }
        if bytes > limits.recordBytes {
            throw IngestError(
                kind: .recordTooLong, location: place, message: IngestMessage.recordTooLong(limit: limits.recordBytes))
        }
    }

    // MARK: - Records taken in by a quote

    /// Whether a line read inside a quoted field looks like a whole record: read as a record of its
    /// own, it has the header's number of fields (for a header of three or more), or it starts with
    /// the 序号 after the current record's.
    private func looksLikeRecord(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let headerFields else { return false }
        if headerFields >= 3 {
            var delimiters = 0
            var quoted = false
            for byte in bytes {
                if byte == 0x22 {
                    quoted.toggle()
                } else if byte == delimiter && !quoted {
                    delimiters += 1
                }
            }
            if delimiters == headerFields - 1 { return true }
        }
        guard numbered, parser.buffer.fieldCount > recordFirstField,
            let current = Self.wholeNumber(parser.buffer.field(recordFirstField)),
            let digits = bytes.firstIndex(where: { $0 < 0x30 || $0 > 0x39 }), digits > 0, bytes[digits] == delimiter,
            let next = Self.wholeNumber(
                UnsafeBufferPointer(rebasing: bytes.assumingMemoryBound(to: UInt8.self)[0..<digits]))
        else { return false }
        return current < Int.max && next == current + 1
    }

    /// A field of 1–18 ASCII digits as a number (checked: at most 18 digits cannot overflow `Int`).
    private static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard (1...18).contains(bytes.count) else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            // A digit 0–9 (checked above); 18 digits stay below Int.max (9.2e18), so nothing overflows.
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
