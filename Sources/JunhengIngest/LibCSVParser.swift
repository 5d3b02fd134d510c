import CLibCSV
import JunhengCore

/// The one door to libcsv: a parser over UTF-8 bytes that fills a ``RecordBuffer``.
///
/// libcsv knows neither lines nor columns; ``CSVFile`` feeds it one physical line at a time and asks
/// the parser's state between lines. The C callbacks capture nothing: they reach the buffer through
/// the `void *` context, a pointer to the buffer's plain storage. No C type leaves this file.
final class LibCSVParser {
    /// Behind a pointer: read between every line, with no exclusivity checks.
    private let parser: UnsafeMutablePointer<csv_parser>
    private(set) var buffer: RecordBuffer

    /// libcsv's parser states (libcsv.c): a row has not begun, or a field has begun.
    private static let rowNotBegun: Int32 = 0
    private static let fieldBegun: Int32 = 2

    init(delimiter: UInt8, buffer: RecordBuffer = RecordBuffer()) throws(IngestError) {
        self.buffer = buffer
        parser = .allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        // Not CSV_STRICT: a stray quote inside an unquoted field is kept as text, as Excel does.
        // CSV_STRICT_FINI asks for an error when a quote is still open at the end; libcsv 3.0.3 applies it
        // only in strict mode, so ``CSVStream`` also checks ``isInsideQuotes`` before finishing.
        guard csv_init(parser, UInt8(CSV_STRICT_FINI)) == 0 else {
            parser.deallocate()
            throw IngestError(
                kind: .parser, location: nil, message: LocalizedText(verbatim: IngestMessage.parserCannotStart()))
        }
        csv_set_delim(parser, delimiter)
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
    var isInsideQuotes: Bool { parser.pointee.pstate == Self.fieldBegun && parser.pointee.quoted != 0 }

    /// Parses bytes; complete fields and the record end land in ``buffer``.
    /// - Returns: `false` when libcsv failed (only out of memory in non-strict mode).
    func parse(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        return csv_parse(parser, base, bytes.count, onField, onRecord, buffer.storage) == bytes.count
    }

    /// Ends the input: the last record without a final newline is completed.
    /// - Returns: `false` when a quoted field is still open (CSV_STRICT_FINI).
    func finish() -> Bool {
        return csv_fini(parser, onField, onRecord, buffer.storage) == 0
    }
}

private func onField(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    context!.assumingMemoryBound(to: RecordBuffer.Storage.self).pointee.appendField(data, length: length)
}

private func onRecord(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context!.assumingMemoryBound(to: RecordBuffer.Storage.self).pointee.recordEnded = true
}
