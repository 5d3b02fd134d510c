/// The bytes of the record being assembled: fields laid end to end in one growing buffer, with the
/// end offset of each. It is reused for every record, so memory follows the longest record, never the file.
final class RecordBuffer {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private(set) var count = 0
    /// End offset (exclusive) of each complete field in `bytes`.
    private(set) var fieldEnds: [Int] = []
    /// Set when libcsv ends a record; cleared by `reset()`.
    var recordEnded = false

    init(capacity: Int = 4096) {
        self.capacity = capacity
        self.bytes = .allocate(capacity: capacity)
        fieldEnds.reserveCapacity(64)
    }

    deinit {
        bytes.deallocate()
    }

    var fieldCount: Int { fieldEnds.count }

    func appendField(_ source: UnsafeRawPointer?, length: Int) {
        if count + length > capacity {
            var newCapacity = capacity * 2
            while newCapacity < count + length { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: bytes, count: count)
            bytes.deallocate()
            bytes = grown
            capacity = newCapacity
        }
        if length > 0, let source {
            (bytes + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: length)
        }
        count += length
        fieldEnds.append(count)
    }

    func reset() {
        count = 0
        fieldEnds.removeAll(keepingCapacity: true)
        recordEnded = false
    }

    /// The bytes of field `index` (0-based).
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return UnsafeBufferPointer(start: bytes + start, count: fieldEnds[index] - start)
    }
}
