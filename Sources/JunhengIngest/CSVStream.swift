import Foundation
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

    /// Batch mode (``CSVBackgroundReader``): records handed on stay in the buffer, one after another,
    /// until the caller swaps in an empty buffer with ``swapBuffer(_:)``.
    var keepsRecords = false
    /// The buffer libcsv fills first (batch mode hands in the first batch's).
    var firstBuffer: RecordBuffer?
    /// The first field of the record being assembled.
    private var recordFieldStart = 0

    // Rows seen before the header: title lines, or a one-column file's header.
    private var preHeader: [CSVRecord] = []

    private var parser: LibCSVParser!
    private var transcoder: Transcoder?
    private var onHeader: (([String], Int) throws -> Void)!
    private var onRow: ((CSVRow) throws -> Void)!

    private static let sniffBytes = 1 << 20
    private static let totalLabels: Set<String> = ["合计", "总计", "小计", "合 计", "总 计", "total", "Total", "TOTAL"]

    /// Told the bytes read so far and the file size after every read.
    var progress: (@Sendable (Int, Int) -> Void)?
    private var fileSize = 0

    init(path: String, options: CSVReadOptions) {
        self.path = path
        self.options = options
    }

    var lines: Int { atLineStart ? line - 1 : line }

    /// Batch mode: hands back the buffer holding the records delivered so far and goes on with `empty`.
    /// Call only from the row callback (between records).
    func swapBuffer(_ empty: RecordBuffer) -> RecordBuffer {
        precondition(empty.fieldCount == 0, "swap in an empty buffer")
        return parser.swapBuffer(empty)
    }

    func summary() -> CSVReadSummary {
        CSVReadSummary(
            file: path, encoding: encoding ?? .utf8, delimiter: delimiter ?? .comma, header: header ?? [],
            headerLine: headerLine, rows: rows, lines: lines, bytes: bytesRead, problems: problems)
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
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw IngestError(
                kind: .unreadable, location: location(nil),
                message:
                    "无法打开文件 (\(reason))，请检查路径。Cannot open the file (\(reason)): check the path and that the file is not open elsewhere."
            )
        }
        defer { close(fd) }
        var status = stat()
        if fstat(fd, &status) == 0 { fileSize = Int(status.st_size) }

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
                progress?(bytesRead, Swift.max(fileSize, bytesRead))
                return got
            }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            throw IngestError(
                kind: .unreadable, location: location(line),
                message: "读取文件失败 (\(reason))。Reading the file failed (\(reason)).")
        }
    }

    private func spreadsheetError(kind: String) -> IngestError {
        IngestError(
            kind: .spreadsheet, location: location(nil),
            message: """
                这是 Excel 工作簿（\(kind)），不是 CSV 文件。This is an Excel workbook (\(kind)), not a CSV file. Open it in Excel or WPS and use \
                文件 → 另存为 → "CSV UTF-8 (逗号分隔)(*.csv)", or download the answers from 问卷星 as CSV, \
                then run junheng on the .csv file.
                """)
    }

    /// UTF-8 text for the parser: the bytes themselves when the file is UTF-8, else iconv's output. Returns the text and how many input bytes it covers.
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
                        format:
                            "字节 0x%02X 无法按 %@ 解码，文件可能混用了编码。Byte 0x%02X cannot be decoded as %@. The file may mix encodings: "
                            + "open it in Excel and save it again as \"CSV UTF-8\", or pass --encoding.",
                        byte, transcoder.source.rawValue, byte, transcoder.source.rawValue))
            }
            // Strip a BOM that came through the conversion (only at the very start of the text).
            if parser == nil && decoded.starts(with: [0xEF, 0xBB, 0xBF]) { decoded.removeFirst(3) }
            return (.array(decoded), outcome.consumed)
        }
        // UTF-8 needs no conversion. Its bytes are validated where they become text: every field a
        // caller decodes (CSVRow.field), every header name, and every field `junheng inspect` reads, so an
        // undecodable byte is reported with its line and column, and never replaced.
        return (.slice(input), input.count)
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
        parser = try LibCSVParser(delimiter: delimiter!.byte, buffer: firstBuffer ?? RecordBuffer())
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
        let parser = self.parser!
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
                try emitRecord(line: recordStartLine)
            } else if terminated && lineBeganBetweenRecords && parser.isBetweenRecords {
                problems.append(
                    IngestProblem(kind: .blankLine, location: location(line), message: "空行，已跳过。Blank line skipped."))
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

    /// Feeds bytes to libcsv; `line` is where they are, for the (out-of-memory) error.
    private func parse(_ bytes: UnsafeRawBufferPointer, line: Int) throws {
        guard parser.parse(bytes) else {
            throw IngestError(
                kind: .parser, location: location(line),
                message: "libcsv 在此处失败（内存不足）。libcsv failed here (out of memory).")
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
                    引号在此行打开后一直没有关闭，其后全文会被读成一个单元格。A quoted field opens on this line and never closes, so the rest of the file would be read as \
                    one cell. Find the unmatched " on line \(opened) (or the lines after it), close or remove it, \
                    and run again.
                    """)
        }
        if parser.buffer.recordEnded { try emitRecord(line: recordStartLine) }
        try flushPreHeader(atEnd: true)
        if header == nil {
            throw IngestError(
                kind: .noHeader, location: location(nil),
                message:
                    "文件没有表头行（为空或只有空行），请重新导出。The file has no header row (it is empty or has only blank lines): export it again."
            )
        }
    }

    // MARK: - Records

    private func emitRecord(line recordLine: Int) throws {
        let buffer = parser.buffer
        let first = recordFieldStart
        let startByte = buffer.fieldStart(first)
        var delivered = false
        buffer.storage.pointee.recordEnded = false
        defer {
            if keepsRecords {
                // Delivered records stay for the batch; skipped ones are dropped again.
                if !delivered && parser.buffer === buffer { buffer.truncate(toFields: first) }
                recordFieldStart = parser.buffer.fieldCount
            } else {
                buffer.reset()
                recordFieldStart = 0
            }
        }
        if buffer.count > startByte && memchr(buffer.bytes + startByte, 0, buffer.count - startByte) != nil {
            for (field, removed) in buffer.removeNULBytes(fromField: first) {
                problems.append(
                    IngestProblem(
                        kind: .nulByte, location: location(recordLine, field - first + 1),
                        message: "此单元格含 \(removed) 个 NUL 字节，已删除。\(removed) NUL byte(s) removed from this field."))
            }
        }
        guard buffer.count > startByte else {
            problems.append(
                IngestProblem(
                    kind: .emptyRow, location: location(recordLine),
                    message: "整行为空（只有分隔符），已跳过。Row of empty fields (only delimiters) skipped."))
            return
        }
        let row = CSVRow(
            file: path, line: recordLine, buffer: buffer, firstField: first, count: buffer.fieldCount - first)
        guard let header else {
            let filled = (0..<row.count).filter { row.byteCount($0) > 0 }.count
            if filled <= 1 {
                preHeader.append(try row.record())
                return
            }
            try flushPreHeader(atEnd: false)
            return try takeHeader(try row.record())
        }
        delivered = try handle(row, headerCount: header.count)
    }

    /// - Returns: whether the row was handed on (not skipped).
    @discardableResult
    private func handle(_ row: CSVRow, headerCount: Int) throws -> Bool {
        guard row.count == headerCount else {
            let more = row.count > headerCount
            problems.append(
                IngestProblem(
                    kind: .raggedRow, location: location(row.line),
                    message: """
                        此行有 \(row.count) 列而表头有 \(headerCount) 列，已跳过，请修正后重试。Row skipped: it has \(row.count) fields but the header has \(headerCount) \
                        (\(more ? "a comma inside a value is probably not quoted" : "fields are missing")). \
                        Fix the row and run again.
                        """))
            return false
        }
        if let label = Self.totalLabel(row) {
            problems.append(
                IngestProblem(
                    kind: .totalRow, location: location(row.line),
                    message:
                        "合计行（\(label)）已跳过：合计由 junheng 自行计算。Total row (\(label)) skipped: junheng computes totals itself."
                ))
            return false
        }
        rows += 1
        try onRow(row)
        return true
    }

    /// Rows held before the header: title lines if a header follows, else a one-column file's header and rows.
    private func flushPreHeader(atEnd: Bool) throws {
        guard !preHeader.isEmpty else { return }
        let held = preHeader
        preHeader = []
        if atEnd && header == nil {
            try takeHeader(held[0])
            let buffer = RecordBuffer()
            for record in held.dropFirst() {
                for field in record.fields {
                    Array(field.utf8).withUnsafeBytes { buffer.appendField($0.baseAddress, length: $0.count) }
                }
                try handle(CSVRow(file: path, line: record.line, buffer: buffer), headerCount: held[0].fields.count)
                buffer.reset()
            }
            return
        }
        for record in held {
            problems.append(
                IngestProblem(
                    kind: .titleRow, location: location(record.line),
                    message: "表头上方的标题行，已跳过。Title line above the header skipped."))
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
                        message: "第 \(index + 1) 列没有列名。Column \(index + 1) has no header name."))
            } else if let first = seen[name] {
                problems.append(
                    IngestProblem(
                        kind: .duplicateHeader, location: location(record.line, index + 1),
                        message:
                            "列名“\(name)”与第 \(first + 1) 列重复，按列名只匹配第一列。Header \"\(name)\" repeats column \(first + 1); only the first is matched by name."
                    ))
            } else {
                seen[name] = index
            }
        }
        header = names
        headerLine = record.line
        try onHeader(names, record.line)
    }

    /// The 合计/总计/小计 (or Total) label of a total row, checked on bytes first so ordinary rows cost
    /// no decoding: the first non-empty field must start with 合, 总, 小 or T/t and be short.
    private static func totalLabel(_ row: CSVRow) -> String? {
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
        return totalLabels.contains(label) ? label : nil
    }

    /// Trims spaces, tabs and the full-width space (U+3000) around a header or label.
    static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{FEFF}" }
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = text.lastIndex(where: { !isSpace($0) })!
        return String(text[first...last])
    }
}
