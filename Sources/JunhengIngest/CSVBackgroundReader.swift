import Foundation
import Synchronization

/// Reads a CSV file on a second thread and hands its rows to the caller in batches, so parsing
/// (libcsv, line counting, transcoding) and the caller's work on each row run side by side on two cores.
///
/// It gives the same header, rows (as ``CSVRow``s, in order, with their lines), problems and errors as
/// ``CSVFile/scan(header:row:)``; only the thread that parses differs. A workbook (.xls, .xlsx) is read
/// on the second thread too, its rows copied into the batches. Memory: at most `depth` + 1
/// batches, each of at most `batchRows` records and about 1 MiB (``RowBatch/byteLimit``) plus one
/// record (at most ``CSVLimits/recordBytes``), whatever the file's size.
public struct CSVBackgroundReader: Sendable {
    public var file: CSVFile
    /// Records per batch handed over.
    public var batchRows: Int
    /// Batches in flight at most (the reader waits when the caller falls behind).
    public var depth: Int

    public init(file: CSVFile, batchRows: Int = 1024, depth: Int = 4) {
        precondition(batchRows > 0 && depth > 0, "batchRows and depth must be positive")
        self.file = file
        self.batchRows = batchRows
        self.depth = depth
    }

    /// Reads the file like ``CSVFile/scan(header:row:)``; `header` and `row` run on the calling thread.
    ///
    /// - Throws: the reader's ``IngestError``, or the first error thrown by `header` or `row` (the reader
    ///   then stops early).
    public func scan(
        header: ([String], Int) throws -> Void = { _, _ in },
        row: (CSVRow) throws -> Void
    ) throws -> CSVReadSummary {
        try scan(placedHeader: { names, line, _ in try header(names, line) }, row: row)
    }

    /// Reads the file like ``scan(header:row:)``, telling `placedHeader` also the place every location
    /// of the file names: its path, or `FILE[Sheet]` for a workbook (the `file` of its rows and summary).
    public func scan(
        placedHeader header: ([String], Int, String) throws -> Void,
        row: (CSVRow) throws -> Void
    ) throws -> CSVReadSummary {
        let channel = BatchChannel()
        for _ in 0..<depth { channel.recycle(RowBatch()) }
        let job = ReaderJob(file: file, batchRows: batchRows, channel: channel)
        let thread = Thread { job.run() }
        thread.stackSize = 1 << 20
        thread.name = "csv-reader"
        thread.start()

        var failure: (any Error)?
        var summary: CSVReadSummary?
        // Take every event until the reader ends, even after a failure here, so the reader thread never
        // outlives this call.
        reading: while true {
            switch channel.take() {
            case .header(let names, let line, let place):
                guard failure == nil else { continue }
                do { try header(names, line, place) } catch {
                    failure = error
                    channel.cancel()
                }
            case .batch(let batch):
                if failure == nil {
                    do {
                        for index in 0..<batch.lines.count {
                            try row(
                                CSVRow(
                                    file: batch.file, line: batch.lines[index], buffer: batch.buffer,
                                    firstField: batch.firstFields[index], count: batch.counts[index]))
                        }
                    } catch {
                        failure = error
                        channel.cancel()
                    }
                }
                batch.reset()
                channel.recycle(batch)
            case .end(let result):
                switch result {
                case .success(let value): summary = value
                case .failure(let error): if failure == nil { failure = error }
                }
                break reading
            }
        }
        if let failure { throw failure }
        return summary!
    }
}

/// Records laid end to end in one buffer, with where each starts; reused from batch to batch. The
/// reader fills the buffer in place (libcsv's fields land in it directly), so nothing is copied.
final class RowBatch: @unchecked Sendable {
    var buffer = RecordBuffer(capacity: 1 << 18)
    var lines: [Int] = []
    var firstFields: [Int] = []
    var counts: [Int] = []
    /// The place its rows name: the path, or `FILE[Sheet]`.
    var file = ""

    /// A batch is handed over once its records take this many bytes (text, and 8 per field end), so a
    /// batch of long records stays small; a buffer grown past ``keptCapacity`` is given back on reset.
    static let byteLimit = 1 << 20
    static let keptCapacity = 1 << 18

    /// Whether the batch is full: `rows` records, or ``byteLimit`` bytes.
    func isFull(rows: Int) -> Bool {
        lines.count >= rows || buffer.count + 8 * buffer.fieldCount >= Self.byteLimit
    }

    func append(_ row: CSVRow) {
        file = row.file
        lines.append(row.line)
        counts.append(row.count)
        if row.buffer === buffer {
            firstFields.append(row.firstField)
        } else {
            // A row replayed from elsewhere (a one-column file's rows held before the header): copy it.
            firstFields.append(buffer.fieldCount)
            for index in 0..<row.count {
                row.withUTF8(index) { bytes in buffer.appendField(bytes.baseAddress, length: bytes.count) }
            }
        }
    }

    func reset() {
        buffer.reset(keepingCapacity: Self.keptCapacity)
        lines.removeAll(keepingCapacity: true)
        firstFields.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
    }
}

/// What the reader thread sends: the header, batches of rows, and the end (a summary or an error).
enum ReaderEvent: @unchecked Sendable {
    case header([String], Int, String)
    case batch(RowBatch)
    case end(Result<CSVReadSummary, any Error>)
}

/// A bounded hand-over between the reader thread and the caller: events in order, and empty batches
/// going back for reuse. Blocking is done with semaphores, the queues behind a mutex.
final class BatchChannel: Sendable {
    private let events = Mutex<[ReaderEvent]>([])
    private let free = Mutex<[RowBatch]>([])
    private let eventCount = DispatchSemaphore(value: 0)
    private let freeCount = DispatchSemaphore(value: 0)
    private let cancelled = Atomic<Bool>(false)

    func send(_ event: ReaderEvent) {
        events.withLock { $0.append(event) }
        eventCount.signal()
    }

    /// The next event, waiting for it.
    func take() -> ReaderEvent {
        eventCount.wait()
        return events.withLock { $0.removeFirst() }
    }

    /// An empty batch to fill (waits while every batch is in flight).
    func emptyBatch() -> RowBatch {
        freeCount.wait()
        return free.withLock { $0.removeLast() }
    }

    func recycle(_ batch: RowBatch) {
        free.withLock { $0.append(batch) }
        freeCount.signal()
    }

    func cancel() { cancelled.store(true, ordering: .relaxed) }
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}

/// The reader thread's work: scan the file, fill batches, send them.
final class ReaderJob: @unchecked Sendable {
    let file: CSVFile
    let batchRows: Int
    let channel: BatchChannel

    struct Cancelled: Error {}

    init(file: CSVFile, batchRows: Int, channel: BatchChannel) {
        self.file = file
        self.batchRows = batchRows
        self.channel = channel
    }

    func run() {
        if let workbook = file.workbook { return run(workbook) }
        let stream = CSVStream(path: file.path, options: file.options)
        stream.progress = file.progress
        stream.keepsRecords = true
        var batch = channel.emptyBatch()
        // The batch's buffer is the one libcsv fills: rows are handed over without copying.
        stream.firstBuffer = batch.buffer
        do {
            try stream.run(
                header: { names, line in self.channel.send(.header(names, line, self.file.path)) },
                row: { row in
                    if self.channel.isCancelled { throw Cancelled() }
                    batch.append(row)
                    if batch.isFull(rows: self.batchRows) {
                        self.channel.send(.batch(batch))
                        batch = self.channel.emptyBatch()
                        _ = stream.swapBuffer(batch.buffer)
                    }
                })
            if !batch.lines.isEmpty { channel.send(.batch(batch)) } else { channel.recycle(batch) }
            channel.send(.end(.success(stream.summary())))
        } catch {
            if !batch.lines.isEmpty { channel.send(.batch(batch)) } else { channel.recycle(batch) }
            channel.send(.end(.failure(error)))
        }
    }

    /// A workbook's sheet: each row (in the sifter's own buffer) copied into the batch.
    private func run(_ workbook: WorkbookFile) {
        var batch = channel.emptyBatch()
        let result = Result<CSVReadSummary, any Error> {
            try workbook.scan(
                placedHeader: { names, line, place in self.channel.send(.header(names, line, place)) },
                progress: file.progress,
                row: { row in
                    if self.channel.isCancelled { throw Cancelled() }
                    batch.append(row)
                    if batch.isFull(rows: self.batchRows) {
                        self.channel.send(.batch(batch))
                        batch = self.channel.emptyBatch()
                    }
                })
        }
        if !batch.lines.isEmpty { channel.send(.batch(batch)) } else { channel.recycle(batch) }
        channel.send(.end(result))
    }
}
