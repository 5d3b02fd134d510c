import Glibc
import JunhengCore

/// The reading engine behind ``CSVFile``: file → chunks → (transcoding) → physical lines → libcsv →
/// records → header policy, each step its own type:
/// ``FileReader`` (the file and `errno`), ``EncodingDetector`` and ``TextDecoder`` (bytes to UTF-8),
/// ``DialectSniffer`` (the delimiter), ``LineFeeder`` (lines into libcsv, the limits, quotes that take
/// in records), ``HeaderPolicy`` (header, title, ragged and total rows), ``ProblemLog`` (what was
/// survived, counted) and ``IngestMessage`` (what each problem says).
///
/// Memory: one chunk, one decoded chunk, the record being assembled (at most ``CSVLimits``), and the
/// first 1,000 problems of each kind. Nothing grows with the file.
final class CSVStream {
    let path: String
    let options: CSVReadOptions

    // What the file turned out to be (readable after a failure too, for `junheng inspect`).
    private(set) var encoding: TextEncoding?
    /// Whether the text is converted (GB18030, UTF-16): its rows need no UTF-8 check (``CSVRow/isConvertedText``).
    private var convertsText: Bool { encoding.map { $0 != .utf8 } ?? false }
    private(set) var delimiter: CSVDelimiter?
    private(set) var rows = 0
    private(set) var bytesRead = 0
    var header: [String]? { policy.header }
    var headerLine: Int { policy.headerLine }
    var problems: [IngestProblem] { log.problems }
    /// Whether the encoding was detected (not forced with `--encoding`).
    private var encodingDetected = false
    var isEncodingDetected: Bool { encodingDetected }

    private let log: ProblemLog
    private let policy: HeaderPolicy
    private var feeder: LineFeeder?

    /// Batch mode (``CSVBackgroundReader``): records handed on stay in the buffer, one after another,
    /// until the caller swaps in an empty buffer with ``swapBuffer(_:)``.
    var keepsRecords = false
    /// The buffer libcsv fills first (batch mode hands in the first batch's).
    var firstBuffer: RecordBuffer?
    /// The first field of the record being assembled.
    private var recordFieldStart = 0

    private var onHeader: (([String], Int) throws -> Void)!
    private var onRow: ((CSVRow) throws -> Void)!

    private static let sniffBytes = 1 << 20

    /// Told the bytes read so far and the file size after every read.
    var progress: (@Sendable (Int, Int) -> Void)?

    /// The part of the file to read, when not all of it (a chunk, ``CSVChunkedReader``).
    private let segment: CSVSegment?
    /// Where a segment that ends before the file does stopped (set when it has been read).
    private(set) var segmentEnd: CSVSegment.End?
    /// The file offset of the next byte to read, and the offset reading stops at.
    private var position = 0
    private var limit = Int.max

    /// - Parameter segment: the part of the file to read (`nil`: all of it).
    init(path: String, options: CSVReadOptions, segment: CSVSegment? = nil) {
        // A chunk's rows carry a copy of the path of their own: every row retains it, and threads
        // retaining one shared string contend for its reference count.
        self.path = segment == nil ? path : String(decoding: Array(path.utf8), as: UTF8.self)
        self.options = options
        self.segment = segment
        log = ProblemLog(file: path)
        if let resume = segment?.resume {
            policy = HeaderPolicy(
                problems: log, titleLines: options.limits.titleLines, header: resume.header, line: resume.headerLine)
        } else {
            policy = HeaderPolicy(problems: log, titleLines: options.limits.titleLines)
        }
    }

    /// The problems found, for adding to another chunk's.
    var problemLog: ProblemLog { log }

    var lines: Int { feeder?.lines ?? 0 }

    /// Batch mode: hands back the buffer holding the records delivered so far and goes on with `empty`.
    /// Call only from the row callback (between records).
    func swapBuffer(_ empty: RecordBuffer) -> RecordBuffer {
        precondition(empty.fieldCount == 0, "swap in an empty buffer")
        guard let feeder else { preconditionFailure("swap buffers only while reading") }
        return feeder.parser.swapBuffer(empty)
    }

    func summary() -> CSVReadSummary {
        CSVReadSummary(
            file: path, encoding: encoding ?? .utf8, delimiter: delimiter ?? .comma, header: header ?? [],
            headerLine: headerLine, rows: rows, lines: lines, bytes: bytesRead, problems: problems,
            problemCounts: log.countsByKind)
    }

    private func location(_ line: Int?, _ column: Int? = nil) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    // MARK: - Reading

    func run(header: @escaping ([String], Int) throws -> Void, row: @escaping (CSVRow) throws -> Void) throws {
        onHeader = header
        onRow = row
        // The callbacks live only for this call (CSVFile passes them without escaping).
        defer {
            onHeader = nil
            onRow = nil
        }
        let file: FileReader
        do {
            file = try FileReader(path: path)
        } catch {
            throw IngestError(kind: .unreadable, location: location(nil), message: IngestMessage.cannotOpen(error))
        }
        let chunkSize = options.chunkSize
        if let segment {
            position = segment.start
            limit = segment.end ?? Int.max
            if position > 0 {
                do {
                    try file.seek(to: position)
                } catch {
                    throw IngestError(
                        kind: .unreadable, location: location(segment.firstLine),
                        message: IngestMessage.cannotRead(error))
                }
            }
        }
        if let resume = segment?.resume {
            // A chunk after the first: what the start of the file said, and straight on with the text.
            let work = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize + 8, alignment: 8)
            defer { work.deallocate() }
            encoding = resume.encoding
            encodingDetected = resume.encodingDetected
            delimiter = resume.delimiter
            let parser = try LibCSVParser(delimiter: resume.delimiter.byte, buffer: firstBuffer ?? RecordBuffer())
            let feeder = LineFeeder(
                parser: parser, delimiter: resume.delimiter.byte, firstLine: segment!.firstLine,
                limits: options.limits, problems: log)
            feeder.headerFields = resume.header.count
            feeder.numbered = HeaderPolicy.isNumbering(resume.header.first ?? "")
            self.feeder = feeder
            let decoder = try TextDecoder(encoding: resume.encoding, file: path, atStart: false)
            let got = try read(file, into: work, at: 0, max: chunkSize)
            try decodeAll(
                file, work: work, pending: UnsafeRawBufferPointer(rebasing: work[0..<got]),
                endOfFile: got == 0 && isLast, decoder: decoder, encoding: resume.encoding)
            return
        }
        // The sniff reads up to 1 MiB, or the whole of a smaller file (and one byte more, to see its end).
        let sniffBytes = file.size > 0 ? min(Self.sniffBytes, max(chunkSize, file.size + 1)) : Self.sniffBytes
        // Carried bytes (an incomplete character) + one chunk.
        let capacity = max(chunkSize, sniffBytes) + 8
        let work = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
        defer { work.deallocate() }

        // 1. Sniff: read up to 1 MiB (stop early once non-ASCII text has been seen).
        var filled = 0
        var endOfFile = false
        while filled < sniffBytes {
            let got = try read(file, into: work, at: filled, max: min(chunkSize, sniffBytes - filled))
            if got == 0 {
                endOfFile = isLast
                break
            }
            filled += got
            if UnsafeRawBufferPointer(rebasing: work[0..<filled]).contains(where: { $0 >= 0x80 }) && filled >= 4096 {
                break
            }
        }
        let prefix = UnsafeRawBufferPointer(rebasing: work[0..<filled])
        var start = 0
        let chosen: TextEncoding
        switch EncodingDetector.detect(prefix) {
        case .xlsx: throw spreadsheetError(".xlsx")
        case .xls: throw spreadsheetError(".xls")
        case .text(let detected, let bomLength):
            chosen = options.encoding ?? detected
            encodingDetected = options.encoding == nil
            // A BOM is skipped only when it belongs to the encoding used.
            if chosen == detected { start = bomLength }
        }
        encoding = chosen
        let decoder = try TextDecoder(encoding: chosen, file: path)

        // 2. Decode the sniffed block, choose the delimiter, start libcsv, and go on chunk by chunk.
        try decodeAll(
            file, work: work, pending: UnsafeRawBufferPointer(rebasing: work[start..<filled]), endOfFile: endOfFile,
            decoder: decoder, encoding: chosen)
    }

    /// Whether the part read ends where the file does (then the parse is finished there).
    private var isLast: Bool { segment?.end == nil }

    /// Decodes and parses `pending` and every chunk after it up to the end of the part read.
    private func decodeAll(
        _ file: borrowing FileReader, work: UnsafeMutableRawBufferPointer, pending first: UnsafeRawBufferPointer,
        endOfFile firstEndOfFile: Bool, decoder: TextDecoder, encoding chosen: TextEncoding
    ) throws {
        let chunkSize = options.chunkSize
        var pending = first
        var endOfFile = firstEndOfFile
        var carried = 0
        while true {
            switch decoder.decode(pending, endOfFile: endOfFile) {
            case .invalid(let text, let offset):
                // Parse what came before the bad byte, so the line and field are known.
                try process(text)
                throw IngestError(
                    kind: .invalidEncoding, location: location(feeder!.line, feeder!.column),
                    message: IngestMessage.undecodableByte(pending[offset], encoding: chosen))
            case .truncated(let text, let tail):
                try process(text)
                throw IngestError(
                    kind: .truncatedCharacter, location: location(feeder!.line, feeder!.column),
                    message: IngestMessage.truncatedCharacter(tail, encoding: chosen, detected: encodingDetected))
            case .text(let text, let consumed):
                try process(text)
                if endOfFile { break }
                // Keep the unconverted tail (an incomplete character), then read the next chunk after it.
                let carry = pending.count - consumed
                if carry > 0 {
                    let tailStart = pending.baseAddress! - UnsafeRawPointer(work.baseAddress!) + consumed
                    work.baseAddress!.copyMemory(from: work.baseAddress! + tailStart, byteCount: carry)
                }
                let got = try read(file, into: work, at: carry, max: chunkSize)
                if got == 0 {
                    if !isLast {
                        // The end of a chunk: no parse to finish; say where it stopped.
                        carried = carry
                        break
                    }
                    endOfFile = true
                }
                pending = UnsafeRawBufferPointer(rebasing: work[0..<(carry + got)])
                continue
            }
            break
        }
        guard isLast else {
            if feeder == nil { try process(UnsafeRawBufferPointer(start: nil, count: 0)) }
            segmentEnd = CSVSegment.End(
                betweenRecords: carried == 0 && feeder!.atLineStart && feeder!.parser.isBetweenRecords
                    && header != nil,
                nextLine: feeder!.line)
            return
        }
        try finishParsing()
    }

    private func read(
        _ file: borrowing FileReader, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, max: Int
    )
        throws -> Int
    {
        do {
            let got = try file.read(into: buffer, at: offset, max: Swift.max(0, Swift.min(max, limit - position)))
            position += got
            bytesRead += got
            progress?(bytesRead, Swift.max(file.size, bytesRead))
            return got
        } catch {
            throw IngestError(
                kind: .unreadable, location: location(feeder?.line ?? 1), message: IngestMessage.cannotRead(error))
        }
    }

    private func spreadsheetError(_ kind: String) -> IngestError {
        IngestError(kind: .spreadsheet, location: location(nil), message: IngestMessage.spreadsheet(kind))
    }

    // MARK: - Text into the line feeder

    /// The first text chooses the delimiter (Excel's `sep=` line, else the sniffer) and starts libcsv.
    private func process(_ text: UnsafeRawBufferPointer) throws {
        if let feeder { return try feeder.feed(text, record: emitRecord) }
        var body = text
        var firstLine = 1
        let chosen: CSVDelimiter
        if let (delimiter, length) = DialectSniffer.separatorLine(text) {
            chosen = options.delimiter ?? delimiter
            body = UnsafeRawBufferPointer(rebasing: text[length...])
            firstLine = 2
        } else {
            chosen = options.delimiter ?? DialectSniffer.sniff(text)
        }
        delimiter = chosen
        let parser = try LibCSVParser(delimiter: chosen.byte, buffer: firstBuffer ?? RecordBuffer())
        let feeder = LineFeeder(
            parser: parser, delimiter: chosen.byte, firstLine: firstLine, limits: options.limits, problems: log)
        self.feeder = feeder
        try feeder.feed(body, record: emitRecord)
    }

    private func finishParsing() throws {
        if feeder == nil {
            // An empty file: no text at all.
            try process(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        try feeder!.finish(record: emitRecord)
        if let (names, line, held) = policy.finish() {
            try takeHeader(names, line: line)
            try replay(held)
        }
        if header == nil {
            throw IngestError(kind: .noHeader, location: location(nil), message: IngestMessage.noHeader())
        }
    }

    // MARK: - Records

    /// A record libcsv completed, starting on `recordLine`; `swallowed` when a stray quote merged
    /// records into it (the line feeder logged the problem).
    private func emitRecord(line recordLine: Int, swallowed: Bool) throws {
        let buffer = feeder!.parser.buffer
        let first = recordFieldStart
        let startByte = buffer.fieldStart(first)
        // Whether the record stays in the buffer (delivered), or was already dropped from it.
        var delivered = false
        var dropped = false
        buffer.storage.pointee.recordEnded = false
        defer {
            if keepsRecords {
                // Delivered records stay for the batch; skipped ones are dropped again.
                if !delivered && !dropped && feeder!.parser.buffer === buffer { buffer.truncate(toFields: first) }
                recordFieldStart = feeder!.parser.buffer.fieldCount
            } else {
                buffer.reset()
                recordFieldStart = 0
            }
        }
        if swallowed { return }
        if buffer.count > startByte && memchr(buffer.bytes + startByte, 0, buffer.count - startByte) != nil {
            for (field, removed) in buffer.removeNULBytes(fromField: first) {
                log.add(.nulByte, line: recordLine, column: field - first + 1, IngestMessage.nulBytes(removed))
            }
        }
        guard buffer.count > startByte else {
            log.add(.emptyRow, line: recordLine, IngestMessage.emptyRow())
            return
        }
        let row = CSVRow(
            file: path, line: recordLine, buffer: buffer, firstField: first, count: buffer.fieldCount - first,
            isConvertedText: convertsText)
        switch try policy.admit(row) {
        case .held, .skipped:
            break
        case .header(let names, let line):
            try takeHeader(names, line: line)
        case .oneColumn(let names, let line, let held):
            // This record is among `held` now. In batch mode the rows replayed are copied into the
            // batch's buffer, after this record's fields: drop those first, so the copies stay.
            if keepsRecords { buffer.truncate(toFields: first) }
            dropped = true
            try takeHeader(names, line: line)
            try replay(held)
        case .data:
            rows += 1
            try onRow(row)
            delivered = true
        }
    }

    private func takeHeader(_ names: [String], line: Int) throws {
        if let feeder {
            feeder.headerFields = names.count
            feeder.numbered = HeaderPolicy.isNumbering(names.first ?? "")
        }
        try onHeader(names, line)
    }

    /// Hands on records held before the header (a one-column file's rows), each from a buffer of its own
    /// (the header is known by now, so each is data or skipped).
    private func replay(_ held: [CSVRecord]) throws {
        let buffer = RecordBuffer()
        for record in held {
            for field in record.fields { buffer.appendField(field) }
            let row = CSVRow(file: path, line: record.line, buffer: buffer)
            switch try policy.admit(row) {
            case .data:
                rows += 1
                try onRow(row)
            case .skipped, .held, .header, .oneColumn:
                break
            }
            buffer.reset()
        }
    }
}
