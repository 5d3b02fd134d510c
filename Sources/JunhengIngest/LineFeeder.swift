import Glibc
import JunhengCore

/// Feeds UTF-8 text to libcsv one physical line at a time and keeps the line count libcsv lacks: the
/// line each record starts on, the line a quoted field opened on, and every blank line.
///
/// CR, LF and CRLF each end a line (a CRLF split across two blocks counts once); a quoted field with
/// newlines moves the next record down by as many lines.
final class LineFeeder {
    let parser: LibCSVParser
    private let problems: ProblemLog

    /// The line being read (1-based).
    private(set) var line: Int
    private var atLineStart = true
    private var lineBeganBetweenRecords = true
    /// Where the record being assembled started.
    private(set) var recordStartLine: Int
    /// Where the quoted field still open opened.
    private(set) var quoteOpenLine: Int?
    private var pendingCR = false

    /// - Parameter firstLine: the line the text starts on (2 after Excel's `sep=` line).
    init(parser: LibCSVParser, firstLine: Int, problems: ProblemLog) {
        self.parser = parser
        self.problems = problems
        line = firstLine
        recordStartLine = firstLine
    }

    /// Physical lines read so far (a last line without a line end counts).
    var lines: Int { atLineStart ? line - 1 : line }

    /// Feeds `text`; `record` is called with the start line of every record libcsv completes.
    func feed(_ text: UnsafeRawBufferPointer, record: (Int) throws -> Void) throws {
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
            if atLineStart {
                lineBeganBetweenRecords = parser.isBetweenRecords
                if lineBeganBetweenRecords { recordStartLine = line }
            }
            try parse(UnsafeRawBufferPointer(start: base + position, count: end - position), line: line)
            if parser.buffer.recordEnded {
                try record(recordStartLine)
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
    func finish(record: (Int) throws -> Void) throws {
        // libcsv honours CSV_STRICT_FINI only together with CSV_STRICT, which would also reject a stray
        // quote inside an unquoted field (text Excel users type). So the wrapper asks the parser's state
        // itself: a quoted field still open at the end of the input is the same error STRICT_FINI reports.
        guard !parser.isInsideQuotes, parser.finish() else {
            let opened = quoteOpenLine ?? recordStartLine
            throw IngestError(
                kind: .unterminatedQuote, location: SourceLocation(file: problems.file, line: opened),
                message: LocalizedText(verbatim: IngestMessage.unterminatedQuote(openedOn: opened)))
        }
        if parser.buffer.recordEnded { try record(recordStartLine) }
    }

    /// Feeds bytes to libcsv; `line` is where they are, for the (out-of-memory) error.
    private func parse(_ bytes: UnsafeRawBufferPointer, line: Int) throws {
        guard parser.parse(bytes) else {
            throw IngestError(
                kind: .parser, location: SourceLocation(file: problems.file, line: line),
                message: LocalizedText(verbatim: IngestMessage.parserFailed()))
        }
    }
}
