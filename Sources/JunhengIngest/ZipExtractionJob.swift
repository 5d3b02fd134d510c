import ZIPFoundation

/// The extraction thread's work: inflate the entry into the channel, then check its CRC-32.
final class ZipExtractionJob: @unchecked Sendable {
    // The archive is only touched by the extraction thread while it runs (``ZipEntryStream`` waits for it).
    private let archive: Archive
    private let entry: Entry
    private let chunkSize: Int
    let channel = ZipChunkChannel(capacity: 4)

    /// A damaged entry: its bytes do not match the checksum the archive stores.
    struct ChecksumMismatch: Error {}

    init(archive: Archive, entry: Entry, chunkSize: Int) {
        self.archive = archive
        self.entry = entry
        self.chunkSize = chunkSize
    }

    func run() {
        do {
            let checksum = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { data in
                try self.channel.put(data)
            }
            channel.finish(checksum == entry.checksum ? nil : ChecksumMismatch())
        } catch {
            channel.finish(error)
        }
    }
}
