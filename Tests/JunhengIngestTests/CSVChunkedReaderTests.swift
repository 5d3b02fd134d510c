import Foundation
import JunhengCore
import Testing

@testable import JunhengIngest

/// Reading a file in chunks gives the rows, lines, problems and errors of one whole read
/// (``CSVFile/scan(header:row:)``), wherever the cuts fall: between records, inside quoted fields and
/// multi-line answers (a wrong cut is found and undone), inside multi-byte characters, in UTF-8,
/// GB18030 and UTF-16.
@Suite struct CSVChunkedReaderTests {
    /// Collects a chunk's rows.
    final class Collector: CSVRowSink, @unchecked Sendable {
        var records: [CSVRecord] = []
        func consume(row: CSVRow) throws { records.append(try row.record()) }
    }

    /// A file of `count` records with what a cut can meet: quoted fields with commas, doubled quotes and
    /// line breaks (LF and CRLF), Chinese text, a blank line every 50 records, a ragged record every 97,
    /// CRLF line ends except every 13th record (LF).
    static func text(records count: Int, strayQuoteAt stray: Int? = nil) -> String {
        var out = "编号,乡镇,评价,意见\r\n"
        for index in 0..<count {
            let end = index % 13 == 0 ? "\n" : "\r\n"
            var opinion = "意见\(index)"
            if index % 5 == 2 { opinion = "\"第一行，逗号\r\n第二行 \"\"引\"\"\n第三行\(index)\"" }
            let town = index == stray ? "马庄\"镇" : "东镇"
            out += index % 97 == 96 ? "\(index),\(town),满意\(end)" : "\(index),\(town),满意,\(opinion)\(end)"
            if index % 50 == 49 { out += "\r\n" }
        }
        return out
    }

    struct Read {
        var records: [CSVRecord]
        var summary: CSVReadSummary
        var chunks: Int
    }

    func whole(_ path: String, options: CSVReadOptions = CSVReadOptions()) throws -> Read {
        var records: [CSVRecord] = []
        let summary = try CSVFile(path: path, options: options).read { records.append($0) }
        return Read(records: records, summary: summary, chunks: 1)
    }

    func chunked(
        _ path: String, plan: CSVChunkPlan, options: CSVReadOptions = CSVReadOptions(), sample: Int = 3
    ) throws -> Read {
        var options = options
        options.threads = 3
        options.chunkPlan = plan
        let reader = try #require(CSVChunkedReader(file: CSVFile(path: path, options: options)))
        let prologue = try reader.prologue(sample: sample)
        #expect(prologue.summary == nil)
        let read = try reader.read(prologue: prologue) { _, _ in Collector() }
        if let failure = read.failure { throw failure }
        return Read(records: read.chunks.flatMap { $0.sink.records }, summary: read.summary, chunks: read.chunks.count)
    }

    func expectSame(_ a: Read, _ b: Read) {
        #expect(a.records == b.records)
        var left = a.summary
        var right = b.summary
        left.bytes = 0
        right.bytes = 0
        #expect(left == right)
    }

    static func targets(every step: Int, size: Int) -> [Int] { Array(stride(from: step, to: size, by: step)) }

    @Test(arguments: [1, 7, 333, 4_999])
    func cutsAtRecordBoundariesGiveTheWholeRead(step: Int) throws {
        let text = Self.text(records: 600)
        let path = temporaryFile(text)
        let size = text.utf8.count
        let single = try whole(path)
        #expect(single.summary.problemCounts[.raggedRow] == 6)
        #expect(single.summary.problemCounts[.blankLine] == 12)
        let read = try chunked(path, plan: CSVChunkPlan(targets: Self.targets(every: step, size: size)))
        // Every cut found a record boundary: as many chunks as targets that fall between two records.
        #expect(read.chunks > min(size / step, 500) / 2)
        expectSame(read, single)
    }

    /// Cuts at the first line end after each target whatever the quotes say: those inside a multi-line
    /// answer are found by the chunk before, which is read again to the end of the file.
    @Test(arguments: [11, 101, 1_009])
    func cutsInsideQuotedFieldsAreUndone(step: Int) throws {
        let text = Self.text(records: 400)
        let path = temporaryFile(text)
        let read = try chunked(
            path, plan: CSVChunkPlan(targets: Self.targets(every: step, size: text.utf8.count), ignoresQuotes: true))
        expectSame(read, try whole(path))
    }

    /// A quote in an unquoted field (kept as text) turns the quote parity over for every cut after
    /// it: those cuts are wrong, found and undone; the cuts before it stand.
    @Test func aStrayQuoteCostsTimeNotRows() throws {
        let text = Self.text(records: 600, strayQuoteAt: 300)
        let path = temporaryFile(text)
        let size = text.utf8.count
        let single = try whole(path)
        // libcsv keeps a quote inside an unquoted field as text, and says nothing.
        #expect(single.records.contains { $0.fields[1] == "马庄\"镇" })
        let read = try chunked(path, plan: CSVChunkPlan(targets: Self.targets(every: size / 8, size: size)))
        #expect(read.chunks >= 2 && read.chunks < 8)
        expectSame(read, single)
    }

    @Test(arguments: [TextEncoding.gb18030, .utf16le, .utf16be])
    func transcodedFilesCutTheSameWay(encoding: TextEncoding) throws {
        let text = Self.text(records: 500)
        let utf8 = temporaryFile(text)
        let converted = temporaryFile([UInt8](), name: "converted.csv")
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        let name = [TextEncoding.gb18030: "GB18030", .utf16le: "UTF-16LE", .utf16be: "UTF-16BE"][encoding]!
        iconv.arguments = ["-f", "UTF-8", "-t", name, "-o", converted, utf8]
        try iconv.run()
        iconv.waitUntilExit()
        #expect(iconv.terminationStatus == 0)
        let options = CSVReadOptions(encoding: encoding)
        let size = try #require(FileManager.default.attributesOfItem(atPath: converted)[.size] as? Int)
        let single = try whole(converted, options: options)
        #expect(single.records.count > 490)
        // Odd targets: a UTF-16 cut is moved to a code unit's start.
        let read = try chunked(
            converted, plan: CSVChunkPlan(targets: Self.targets(every: 1_001, size: size)), options: options)
        #expect(read.chunks > 5)
        expectSame(read, single)
    }

    /// An invalid byte in a later chunk stops the read with the whole read's error: the same place and
    /// message.
    @Test func anErrorInALaterChunkIsTheWholeReadsError() throws {
        var bytes = Array(Self.text(records: 600).utf8)
        let at = bytes.count * 3 / 4
        // The first byte of a Chinese character (满, 意, …: E6 xx xx), made invalid.
        let place = try #require((at..<bytes.count).first { bytes[$0] == 0xE6 })
        bytes[place] = 0xFF
        let path = temporaryFile(bytes)
        let wholeError = #expect(throws: IngestError.self) { try whole(path) }
        let chunkError = #expect(throws: IngestError.self) {
            try chunked(path, plan: CSVChunkPlan(targets: Self.targets(every: bytes.count / 6, size: bytes.count)))
        }
        #expect(wholeError != nil && chunkError == wholeError)
    }

    /// The first chunk detects the encoding from its own bytes only: UTF-16LE without a BOM is told by
    /// its zero bytes, and the NUL character in the first line (12 code units) is one zero too many
    /// there, not in the whole file (30). Read as GB18030 the first line fails on byte 0x95; the chunk is
    /// read again to the end of the file, so the read is the whole read's (found by FuzzCSVReader; only
    /// a forced cut makes a first chunk shorter than the 1 MiB the encoding is detected from).
    @Test func aFirstChunkThatChoosesAnotherEncodingIsReadAgain() throws {
        let bytes: [UInt8] = [
            0x27, 0x8F, 0x5E, 0xF7, 0x53, 0x2C, 0x00, 0x00, 0xB6, 0x5B, 0x7F, 0x95,
            0x2C, 0x00, 0xCE, 0x57, 0x73, 0x51, 0x47, 0x95, 0x0D, 0x00, 0x0A, 0x00,
            0x32, 0x00, 0x2C, 0x00, 0x59, 0x65, 0x4B, 0x4B, 0x4B, 0x4B, 0x4B, 0x4B,
            0x4B, 0x4B, 0x4B, 0x4B, 0x4B, 0x4B, 0x4B, 0x4B, 0x4B, 0x4B, 0x08, 0x5E,
            0x2C, 0x00, 0xCC, 0x53, 0xA7, 0x6D, 0x47, 0x95, 0x0D, 0x00, 0x0A, 0x00,
        ]
        let path = temporaryFile(bytes)
        let single = try whole(path)
        #expect(single.summary.encoding == .utf16le)
        #expect(single.summary.header.count == 2)
        // The first line ends at byte 24 (CR LF in UTF-16LE): the one cut.
        let read = try chunked(path, plan: CSVChunkPlan(targets: [10]), sample: 0)
        #expect(read.chunks == 1)
        expectSame(read, single)
    }

    /// Two stray quotes of one line (a quote inside a quoted field followed by neither a delimiter nor a
    /// line end) are one problem, however the line is cut into blocks: the line below read in 16-byte
    /// blocks, whole and in chunks cut where FuzzCSVReader found the count to differ (2 against 1).
    @Test func aLinesStrayQuotesAreOneProblemWhateverTheBlocks() throws {
        // Bytes 4–15 `"xxxxxxxxxx"`, the first stray quote seen at the `y` of byte 16 (second block),
        // the second at the `z` of byte 37 (third block); libcsv keeps both in the field.
        let line = "a,b\n\"xxxxxxxxxx\"yyyyyyyyyyyyyyyyyyyy\"zzzzzzz\",2\n1,2\n"
        let path = temporaryFile(line)
        for size in [16, 1 << 18] {
            let summary = try whole(path, options: CSVReadOptions(chunkSize: size)).summary
            #expect(summary.problemCounts[.strayQuote] == 1, "blocks of \(size)")
            #expect(summary.problems.first { $0.kind == .strayQuote }?.location.line == 2)
        }
        let found: [UInt8] = [
            0xEF, 0xBB, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x32, 0x9B, 0x9B, 0xE5, 0x65,
            0x2C, 0x0A, 0x22, 0x3D, 0x48, 0x59, 0x45, 0x52, 0x4C, 0x0F, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x22, 0x28, 0x4E, 0x4B, 0x49, 0x22, 0x68, 0x74, 0x22, 0x2C, 0x32, 0x34, 0x2C, 0x31, 0x2C, 0x32,
        ]
        let fuzzed = temporaryFile(found)
        var options = CSVReadOptions(chunkSize: 16, threads: 3)
        options.chunkPlan = CSVChunkPlan(targets: [12, 32, 39, 43])
        let single = CSVInspection.inspect(path: fuzzed, options: CSVReadOptions(chunkSize: 16, threads: 1))
        #expect(single.problemCounts["stray-quote"] == 1)
        #expect(CSVInspection.inspect(path: fuzzed, options: options) == single)
    }

    /// `junheng inspect` in chunks says what it says on one thread, a failed read included (read again
    /// whole, so the bytes before the error are the same whatever the cores).
    @Test func inspectInChunksGivesTheSameReport() throws {
        var bytes = Array(Self.text(records: 600, strayQuoteAt: 100).utf8)
        let good = temporaryFile(bytes)
        let place = try #require((bytes.count * 3 / 4..<bytes.count).first { bytes[$0] == 0xE6 })
        bytes[place] = 0xFF
        let bad = temporaryFile(bytes)
        var chunked = CSVReadOptions(threads: 3)
        chunked.chunkPlan = CSVChunkPlan(targets: Self.targets(every: 997, size: bytes.count))
        for path in [good, bad] {
            let single = CSVInspection.inspect(path: path, options: CSVReadOptions(threads: 1))
            #expect(CSVInspection.inspect(path: path, options: chunked) == single)
            #expect((single.error == nil) == (path == good))
        }
        let reader = try #require(CSVChunkedReader(file: CSVFile(path: good, options: chunked)))
        #expect(CSVInspection.inspect(chunksOf: reader, language: .zh) != nil)
        #expect(CSVInspection.inspect(chunksOf: reader, language: .zh)?.rows == 600 - 6)
    }

    @Test func smallFilesAndOneThreadAreReadWhole() {
        let path = temporaryFile(Self.text(records: 10))
        #expect(CSVChunkedReader(file: CSVFile(path: path)) == nil)
        var options = CSVReadOptions(threads: 1)
        options.chunkPlan = CSVChunkPlan(minimumBytes: 16)
        #expect(CSVChunkedReader(file: CSVFile(path: path, options: options)) == nil)
        options.threads = 2
        #expect(CSVChunkedReader(file: CSVFile(path: path, options: options)) != nil)
    }
}
