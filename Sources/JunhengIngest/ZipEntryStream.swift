import Foundation
import JunhengCore
import ZIPFoundation

/// One file inside a ZIP archive as an `InputStream`, inflated on a second thread, so a pull parser
/// (`XMLParser(stream:)`) reads a worksheet of any size with memory for a few chunks only.
///
/// ZIPFoundation hands an entry's bytes to a closure (push); `XMLParser` asks a stream for them (pull).
/// The extraction (``ZipExtractionJob``) runs as a ``BackgroundProducer`` and
/// ``read(_:maxLength:)`` takes its chunks in order. The entry's CRC-32 is checked at the end, and it may
/// not inflate past the size the archive gives it: a damaged archive is a stream error, never silently
/// short or long text. The part's XML prolog is checked on the way (``XMLPrologCheck``): a document type
/// declaration, which no workbook part has and which could declare entities, is a stream error too.
/// ``close()`` stops the extraction and waits for the thread, so no thread outlives the stream.
final class ZipEntryStream: InputStream {
    private let job: ZipExtractionJob
    private var producer: BackgroundProducer<Data>?
    private var closed = false
    private var chunk = Data()
    private var offset = 0
    private var failure: (any Error)?
    private var ended = false
    private var prolog = XMLPrologCheck()
    /// Inflated bytes handed to the reader so far (for a progress meter).
    private(set) var delivered = 0

    /// - Parameters:
    ///   - archive: the open archive; used only by the extraction thread while the stream is open.
    ///   - entry: the file to read.
    init(archive: Archive, entry: Entry, chunkSize: Int = 1 << 16) {
        job = ZipExtractionJob(archive: archive, entry: entry, chunkSize: chunkSize)
        super.init(data: Data())
    }

    /// The error that ended the stream early (a damaged entry), if any.
    override var streamError: (any Error)? { failure }

    override var streamStatus: Stream.Status {
        if failure != nil { return .error }
        if closed { return .closed }
        if ended { return .atEnd }
        return producer != nil ? .open : .notOpen
    }

    override var hasBytesAvailable: Bool { !ended && failure == nil }

    override func open() {
        guard producer == nil, !closed else { return }
        let job = job
        producer = BackgroundProducer(name: "xlsx-inflate", capacity: 4) { send in try job.run(send) }
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        guard let producer, !closed, failure == nil else { return failure == nil ? 0 : -1 }
        while offset == chunk.count {
            if ended { return 0 }
            do {
                guard let next = try producer.next() else {
                    ended = true
                    return 0
                }
                if let refusal = prolog.check(next) {
                    failure = refusal
                    return -1
                }
                chunk = next
                offset = 0
            } catch {
                failure = error
                return -1
            }
        }
        let count = min(length, chunk.count - offset)
        chunk.withUnsafeBytes { raw in
            buffer.update(from: raw.bindMemory(to: UInt8.self).baseAddress! + offset, count: count)
        }
        offset += count
        delivered += count
        return count
    }

    override func close() {
        guard !closed else { return }
        closed = true
        producer?.stop()
    }

    // The producer stops and waits for its thread when it goes away, whether or not `close()` was called.
}
