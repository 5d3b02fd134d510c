import Dispatch
import Foundation
import JunhengCore
import Synchronization

/// Where a chunk's rows go: one sink per chunk, called on the chunk's thread with the chunk's rows in
/// order (a row is valid only during the call, as in ``CSVFile/scan(header:row:)``). A sink is used by
/// one thread at a time, and handed back to the caller's thread when the chunks are done.
package protocol CSVRowSink: AnyObject, Sendable {
    func consume(row: CSVRow) throws
}

/// The part of a file one ``CSVStream`` reads, when not all of it.
struct CSVSegment {
    /// What the start of the file said, for a chunk after the first.
    struct Resume {
        var encoding: TextEncoding
        var encodingDetected: Bool
        var delimiter: CSVDelimiter
        var header: [String]
        var headerLine: Int
    }

    /// Where a chunk that ends before the file does stopped.
    struct End {
        /// Between two records at the start of a line, every byte decoded: the next chunk starts here.
        var betweenRecords: Bool
        /// The line the next byte is on.
        var nextLine: Int
    }

    var start: Int
    /// `nil`: to the end of the file (the parse is finished there).
    var end: Int?
    var firstLine: Int
    /// `nil` for the first chunk, which reads the file's start as a whole read does.
    var resume: Resume?
}

/// The header and first records of a file, read before its chunks (the download mode and the fit are
/// judged from them before the rest is read).
package struct CSVPrologue {
    package var header: [String]
    package var headerLine: Int
    /// The first data records (at most the sample asked for).
    package var records: [CSVRecord]
    /// The summary of the whole file when the prologue read all of it (then `records` are all its rows).
    package var summary: CSVReadSummary?
    var resume: CSVSegment.Resume?
}

/// What reading a file in chunks gave: the summary, and the chunks read with their sinks, in file order.
package struct CSVChunkedRead<Sink: CSVRowSink> {
    package var summary: CSVReadSummary
    package var chunks: [(range: CSVChunkRange, sink: Sink)]
    /// The error that stopped the read, the first in file order; `summary` tells what came before it.
    package var failure: (any Error)?
}

/// Reads one CSV file in chunks on all cores: the file is cut at record boundaries (``CSVSplitter``),
/// each chunk is parsed by its own libcsv parser on its own thread and handed to its own sink, and the
/// chunks' problems are added up in file order, so the summary is the one a single read gives.
///
/// A cut is checked before its chunk is used: the chunk before it must have ended exactly there,
/// between two records at the start of the line the next chunk was told it starts on, and the first
/// chunk must have found the encoding, delimiter and header the whole file's start gives (it detects
/// them from its own bytes only). A cut that fails the check (a stray quote fooled the quote parity, a
/// first chunk too short to tell UTF-16 from GB18030) is undone: the chunk before it is read again, on
/// its own, to the end of the file, and the chunks after it are dropped. Whatever the cuts, the rows,
/// their lines, the problems and the errors are those of ``CSVFile/scan(header:row:)``; only a failed
/// read's ``CSVReadSummary/bytes`` may differ (each chunk reads in steps of its own).
///
/// Workbooks, files under ``CSVChunkPlan/minimumBytes`` and a single thread are read as a whole (`init`
/// gives `nil`).
package struct CSVChunkedReader: Sendable {
    package let file: CSVFile
    package let threads: Int
    /// Chunks a thread: more chunks than threads even out the threads' work, and a chunk the satisfaction
    /// pipeline counts again (a repeated response in an earlier chunk) is a smaller part of the file.
    package static let chunksPerThread = 3
    let size: Int

    /// A reader for `file`, or `nil` when it is better read as a whole.
    package init?(file: CSVFile) {
        let threads = file.options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let plan = file.options.chunkPlan
        guard threads > 1 || plan.targets != nil, file.workbook == nil,
            let size = try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int,
            size >= plan.minimumBytes || plan.targets != nil
        else { return nil }
        self.file = file
        self.threads = max(threads, 1)
        self.size = size
    }

    private struct PrologueComplete: Error {}
    private struct Cancelled: Error {}

    /// Reads the header and the first `sample` data records on the calling thread (the whole file, when
    /// it has no more).
    ///
    /// - Throws: the reader's ``IngestError``, as a whole read would at the same place.
    package func prologue(sample: Int) throws -> CSVPrologue {
        let stream = CSVStream(path: file.path, options: file.options)
        var header: [String] = []
        var headerLine = 0
        var records: [CSVRecord] = []
        do {
            try stream.run(
                header: { names, line in
                    header = names
                    headerLine = line
                    if sample == 0 { throw PrologueComplete() }
                },
                row: { row in
                    records.append(try row.record())
                    if records.count >= sample { throw PrologueComplete() }
                })
        } catch is PrologueComplete {
            guard let encoding = stream.encoding, let delimiter = stream.delimiter else {
                preconditionFailure("the header comes after the encoding and delimiter are known")
            }
            return CSVPrologue(
                header: header, headerLine: headerLine, records: records, summary: nil,
                resume: CSVSegment.Resume(
                    encoding: encoding, encodingDetected: stream.isEncodingDetected, delimiter: delimiter,
                    header: header, headerLine: headerLine))
        }
        return CSVPrologue(header: header, headerLine: headerLine, records: records, summary: stream.summary())
    }

    /// What one chunk's read left.
    private struct Outcome {
        var stream: CSVStream
        var error: (any Error)?
    }

    /// Reads the whole file in chunks after `prologue` (which did not read it all): `sink(i, range)` makes
    /// the sink of chunk `i` (again, for a chunk read a second time after a failed cut).
    package func read<Sink: CSVRowSink>(
        prologue: CSVPrologue, sink makeSink: (Int, CSVChunkRange) -> Sink
    ) throws
        -> CSVChunkedRead<Sink>
    {
        guard let resume = prologue.resume else { preconditionFailure("a prologue that read the whole file") }
        var ranges = try splitting { () throws(SystemError) in
            try CSVSplitter.ranges(
                path: file.path, size: size, encoding: resume.encoding, chunks: threads * Self.chunksPerThread,
                plan: file.options.chunkPlan,
                threads: threads)
        }
        var sinks = ranges.indices.map { makeSink($0, ranges[$0]) }
        let progress = ProgressTotal(chunks: ranges.count, size: size, report: file.progress)
        let firstFailure = FirstFailure()
        nonisolated(unsafe) var outcomes = [Outcome?](repeating: nil, count: ranges.count)
        let count = ranges.count
        outcomes.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let base = out.baseAddress!
            let sinks = sinks
            let ranges = ranges
            DispatchQueue.concurrentPerform(iterations: count) { index in
                // Each iteration writes its own element.
                base[index] = run(
                    ranges[index], index: index, isLast: index == count - 1, resume: resume, sink: sinks[index],
                    progress: progress, firstFailure: firstFailure)
            }
        }
        // Check each cut against the chunk before it; undo the first that fails.
        var kept = count
        for index in 1..<max(count, 1) {
            let before = outcomes[index - 1]!
            // The first chunk detects the encoding and delimiter again, from its own start only: when it
            // chose others than the whole read (whose start the prologue read), its rows and its error
            // are not the whole read's, and it is read again to the end of the file like a wrong cut.
            let sameStart =
                index > 1
                || (before.stream.header == resume.header && before.stream.headerLine == resume.headerLine
                    && before.stream.encoding == resume.encoding && before.stream.delimiter == resume.delimiter)
            if before.error != nil, sameStart {
                kept = index
                break
            }
            let end = before.stream.segmentEnd
            if before.error == nil, end?.betweenRecords == true, end?.nextLine == ranges[index].firstLine, sameStart {
                continue
            }
            let redo = CSVChunkRange(start: ranges[index - 1].start, end: size, firstLine: ranges[index - 1].firstLine)
            let sink = makeSink(index - 1, redo)
            outcomes[index - 1] = run(
                redo, index: index - 1, isLast: true, resume: resume, sink: sink,
                progress: ProgressTotal(chunks: 1, size: size, report: nil), firstFailure: FirstFailure())
            ranges[index - 1] = redo
            sinks[index - 1] = sink
            kept = index
            break
        }
        let streams = outcomes[0..<kept].map { $0!.stream }
        let log = streams[0].problemLog
        for stream in streams.dropFirst() { log.absorb(stream.problemLog) }
        let first = streams[0]
        let summary = CSVReadSummary(
            file: file.path, encoding: first.encoding ?? resume.encoding,
            delimiter: first.delimiter ?? resume.delimiter,
            header: first.header ?? resume.header,
            headerLine: first.header == nil ? resume.headerLine : first.headerLine,
            rows: streams.reduce(0) { $0 + $1.rows }, lines: streams.last!.lines,
            bytes: streams.reduce(0) { $0 + $1.bytesRead }, problems: log.problems, problemCounts: log.countsByKind)
        return CSVChunkedRead(
            summary: summary, chunks: (0..<kept).map { (ranges[$0], sinks[$0]) }, failure: outcomes[kept - 1]!.error)
    }

    /// Reads chunk `range` (the `index`th) again into `sink`, on the calling thread: the same rows as the
    /// first time (for a sink that must count them anew).
    package func reread(_ range: CSVChunkRange, index: Int, prologue: CSVPrologue, into sink: some CSVRowSink) throws {
        guard let resume = prologue.resume else { preconditionFailure("a prologue that read the whole file") }
        let outcome = run(
            range, index: index, isLast: range.end == size, resume: resume, sink: sink,
            progress: ProgressTotal(chunks: 1, size: size, report: nil), firstFailure: FirstFailure())
        if let error = outcome.error { throw error }
    }

    private func splitting(_ body: () throws(SystemError) -> [CSVChunkRange]) throws(IngestError) -> [CSVChunkRange] {
        do {
            return try body()
        } catch {
            throw IngestError(
                kind: .unreadable, location: SourceLocation(file: file.path), message: IngestMessage.cannotRead(error))
        }
    }

    /// Reads one chunk into its sink; a later chunk stops early once an earlier one has failed.
    private func run(
        _ range: CSVChunkRange, index: Int, isLast: Bool, resume: CSVSegment.Resume, sink: some CSVRowSink,
        progress: ProgressTotal, firstFailure: FirstFailure
    ) -> Outcome {
        let segment = CSVSegment(
            start: range.start, end: isLast ? nil : range.end, firstLine: range.firstLine,
            resume: index == 0 ? nil : resume)
        let stream = CSVStream(path: file.path, options: file.options, segment: segment)
        stream.progress = progress.reporter(for: index)
        do {
            try stream.run(
                header: { _, _ in },
                row: { row in
                    if firstFailure.before(index) { throw Cancelled() }
                    try sink.consume(row: row)
                })
            return Outcome(stream: stream, error: nil)
        } catch {
            firstFailure.record(index)
            return Outcome(stream: stream, error: error)
        }
    }
}

/// The lowest chunk that failed, so the chunks after it stop early.
private final class FirstFailure: Sendable {
    private let index = Atomic<Int>(.max)

    func record(_ chunk: Int) {
        var current = index.load(ordering: .relaxed)
        while chunk < current {
            let (exchanged, original) = index.compareExchange(
                expected: current, desired: chunk, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }

    /// Whether a chunk before `chunk` failed.
    func before(_ chunk: Int) -> Bool { index.load(ordering: .relaxed) < chunk }
}

/// The bytes read by every chunk together, told to the caller's progress one report at a time.
private final class ProgressTotal: Sendable {
    private let read: Mutex<[Int]>
    private let size: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(chunks: Int, size: Int, report: (@Sendable (Int, Int) -> Void)?) {
        read = Mutex([Int](repeating: 0, count: chunks))
        self.size = size
        self.report = report
    }

    func reporter(for chunk: Int) -> (@Sendable (Int, Int) -> Void)? {
        guard let report else { return nil }
        return { [self] bytes, _ in
            read.withLock { read in
                read[chunk] = bytes
                report(read.reduce(0, +), size)
            }
        }
    }
}
