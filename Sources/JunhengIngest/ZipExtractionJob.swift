import Foundation
import ZIPFoundation

/// The extraction thread's work: inflate one entry chunk by chunk, never past the size the archive
/// gives it, then check its CRC-32.
final class ZipExtractionJob: @unchecked Sendable {
    // The archive is only touched by the extraction thread while it runs (``ZipEntryStream`` waits for
    // the thread's end before the archive is used again).
    private let archive: Archive
    private let entry: Entry
    private let chunkSize: Int

    /// A damaged entry: its bytes do not match the checksum the archive stores.
    struct ChecksumMismatch: Error, CustomStringConvertible {
        var description: String { "its bytes fail their checksum" }
    }

    /// A damaged or forged entry: it inflates to more than the size the archive gives it.
    struct Overrun: Error, CustomStringConvertible {
        var declared: UInt64
        var description: String { "it inflates past the \(declared) bytes the archive gives it" }
    }

    init(archive: Archive, entry: Entry, chunkSize: Int) {
        self.archive = archive
        self.entry = entry
        self.chunkSize = chunkSize
    }

    /// Inflates the entry, handing each chunk to `send`.
    ///
    /// - Throws: ``Overrun``, ``ChecksumMismatch``, ZIPFoundation's error for a broken stream, or what
    ///   `send` throws (the consumer stopped).
    func run(_ send: (Data) throws -> Void) throws {
        let declared = entry.uncompressedSize
        var inflated: UInt64 = 0
        let checksum = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { data in
            inflated += UInt64(data.count)
            guard inflated <= declared else { throw Overrun(declared: declared) }
            try send(data)
        }
        guard checksum == entry.checksum else { throw ChecksumMismatch() }
    }
}
