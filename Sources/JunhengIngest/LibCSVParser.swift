import CLibCSV
import JunhengCore

/// The one door to libcsv: a parser over UTF-8 bytes that fills a ``RecordBuffer``.
///
/// libcsv knows neither lines nor columns; ``LineFeeder`` feeds it one physical line at a time and asks
/// the parser's state between lines. The C callbacks capture nothing: they reach the buffer through
/// the `void *` context, a pointer to the buffer's plain storage. No C type leaves this file.
///
/// The parser runs in libcsv's strict mode, so libcsv stops at every quote it would otherwise take in
/// silently. At a quote inside a quoted field that is followed by neither a delimiter nor a line end
/// (`"abc"def`) the stop is counted as a stray quote; a quote inside an unquoted field (`5'6"`, text
/// Excel users type) is not a problem. Either way the byte is then parsed once in relaxed mode, which
/// keeps it as text exactly as libcsv's default mode does, and strict parsing goes on after it.
final class LibCSVParser {
    /// Behind a pointer: read between every line, with no exclusivity checks.
    private let parser: UnsafeMutablePointer<csv_parser>
    private(set) var buffer: RecordBuffer

    /// libcsv's parser states (libcsv.c): a row has not begun; a field has begun; a quote was seen
    /// inside a quoted field (it may end there).
    private static let rowNotBegun: Int32 = 0
    private static let fieldBegun: Int32 = 2
    private static let fieldMightHaveEnded: Int32 = 3

    // libcsv's option flags are small C `int` constants (1 and 4); `UInt8(_:)` traps if that ever changes.
    private static let strict = UInt8(CSV_STRICT | CSV_STRICT_FINI)
    private static let relaxed = UInt8(CSV_STRICT_FINI)

    init(delimiter: UInt8, buffer: RecordBuffer = RecordBuffer()) throws(IngestError) {
        self.buffer = buffer
        parser = .allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        guard csv_init(parser, Self.strict) == 0 else {
            parser.deallocate()
            throw IngestError(kind: .parser, location: nil, message: IngestMessage.parserCannotStart())
        }
        csv_set_delim(parser, delimiter)
        // libcsv grows its field buffer by this many bytes at a time (128 by default).
        csv_set_blk_size(parser, 1 << 14)
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// Puts `empty` in place of the buffer (between records only) and returns the old one.
    func swapBuffer(_ empty: RecordBuffer) -> RecordBuffer {
        precondition(isBetweenRecords, "swap buffers only between records")
        let old = buffer
        buffer = empty
        return old
    }

    /// Whether the parser is between records (nothing of the next record read yet).
    var isBetweenRecords: Bool { parser.pointee.pstate == Self.rowNotBegun }

    /// Whether the parser is inside a quoted field (a newline now is data, not a record end).
    /// (A quote just read in a quoted field may close it, so that state does not count.)
    var isInsideQuotes: Bool { parser.pointee.pstate == Self.fieldBegun && parser.pointee.quoted != 0 }

    /// Bytes of the field being read, which libcsv holds until the field ends.
    var openFieldBytes: Int { parser.pointee.entry_pos }

    /// What one call of ``parse(_:)`` found.
    struct Outcome {
        /// `false` when libcsv failed (out of memory).
        var succeeded = true
        /// Quotes inside quoted fields followed by neither a delimiter nor a line end.
        var strayQuotes = 0
        /// The buffer's field count when the first stray quote was found (the field it is in).
        var strayQuoteField = 0
    }

    /// Parses bytes; complete fields and the record end land in ``buffer``.
    func parse(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        var outcome = Outcome()
        guard var base = bytes.baseAddress, bytes.count > 0 else { return outcome }
        var count = bytes.count
        while true {
            let used = csv_parse(parser, base, count, onField, onRecord, buffer.storage)
            if used == count { return outcome }
            guard parser.pointee.status == CSV_EPARSE else {
                outcome.succeeded = false
                return outcome
            }
            // Strict mode stopped before byte `used`, with the parser's state as it was before it.
            if parser.pointee.pstate == Self.fieldMightHaveEnded {
                if outcome.strayQuotes == 0 { outcome.strayQuoteField = buffer.fieldCount }
                outcome.strayQuotes += 1
            }
            parser.pointee.status = 0
            csv_set_opts(parser, Self.relaxed)
            let one = csv_parse(parser, base + used, 1, onField, onRecord, buffer.storage)
            csv_set_opts(parser, Self.strict)
            guard one == 1 else {
                outcome.succeeded = false
                return outcome
            }
            base += used + 1
            count -= used + 1
            if count == 0 { return outcome }
        }
    }

    /// Ends the input: the last record without a final newline is completed.
    /// - Returns: `false` when a quoted field is still open.
    func finish() -> Bool {
        csv_fini(parser, onField, onRecord, buffer.storage) == 0
    }
}

// C functions themselves (no thunk between libcsv and the Swift body): called once per field.
private let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    data, length, context in
    context!.assumingMemoryBound(to: RecordBuffer.Storage.self).pointee.appendField(data, length: length)
}

private let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    context!.assumingMemoryBound(to: RecordBuffer.Storage.self).pointee.recordEnded = true
}
