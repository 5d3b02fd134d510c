import Foundation
import ZIPFoundation

/// One file inside a ZIP archive as an `InputStream`, inflated on a second thread, so a pull parser
/// (`XMLParser(stream:)`) reads a worksheet of any size with memory for a few chunks only.
///
/// ZIPFoundation hands an entry's bytes to a closure (push); `XMLParser` asks a stream for them (pull).
/// The extraction runs on its own thread and passes chunks through a bounded ``ZipChunkChannel``;
/// ``read(_:maxLength:)`` takes them in order. The entry's CRC-32 is checked at the end: a damaged
/// archive is a stream error, never silently short text. ``close()`` stops the extraction and waits
/// for the thread, so no thread outlives the stream.
final class ZipEntryStream: InputStream {
    private let job: ZipExtractionJob
    private var started = false
    private var closed = false
    private var chunk = Data()
    private var offset = 0
    private var failure: (any Error)?
    private var ended = false
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
        return started ? .open : .notOpen
    }

    override var hasBytesAvailable: Bool { !ended && failure == nil }

    override func open() {
        guard !started else { return }
        started = true
        let job = job
        let thread = Thread { job.run() }
        thread.name = "xlsx-inflate"
        thread.start()
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        guard started, !closed, failure == nil else { return failure == nil ? 0 : -1 }
        while offset == chunk.count {
            if ended { return 0 }
            switch job.channel.take() {
            case .success(let next?):
                chunk = next
                offset = 0
            case .success(nil):
                ended = true
                return 0
            case .failure(let error):
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
        guard started, !closed else { return }
        closed = true
        job.channel.cancel()
        job.channel.waitUntilDone()
    }

    deinit {
        if started && !closed {
            job.channel.cancel()
            job.channel.waitUntilDone()
        }
    }
}
