/// The bytes of the record being assembled: fields laid end to end in one growing buffer, with the
/// end offset of each. It is reused for every record, so memory follows the longest record, never the file.
///
/// The storage is a plain struct behind a pointer, so libcsv's field callback (called once per field,
/// tens of millions of times on a large export) appends with no reference counting or exclusivity checks.
@usableFromInline final class RecordBuffer {
    @usableFromInline struct Storage {
        @usableFromInline var bytes: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count = 0
        @usableFromInline var fieldEnds: UnsafeMutablePointer<Int>
        var fieldCapacity: Int
        @usableFromInline var fieldCount = 0
        var recordEnded = false

        @inline(__always)
        mutating func appendField(_ source: UnsafeRawPointer?, length: Int) {
            if _slowPath(count + length > capacity || fieldCount == fieldCapacity) { grow(adding: length) }
            if length > 0, let source {
                let to = UnsafeMutableRawPointer(bytes + count)
                // Most answers are short: two overlapping word copies beat a call to memmove.
                if length >= 16 {
                    to.copyMemory(from: source, byteCount: length)
                } else if length >= 8 {
                    let head = source.loadUnaligned(as: UInt64.self)
                    let tail = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
                    to.storeBytes(of: head, as: UInt64.self)
                    to.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
                } else if length >= 4 {
                    let head = source.loadUnaligned(as: UInt32.self)
                    let tail = source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
                    to.storeBytes(of: head, as: UInt32.self)
                    to.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
                } else {
                    let from = source.assumingMemoryBound(to: UInt8.self)
                    for index in 0..<length { to.storeBytes(of: from[index], toByteOffset: index, as: UInt8.self) }
                }
            }
            count += length
            fieldEnds[fieldCount] = count
            fieldCount += 1
        }

        @inline(never)
        mutating func grow(adding length: Int) {
            if count + length > capacity {
                var newCapacity = capacity * 2
                while newCapacity < count + length { newCapacity *= 2 }
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
                grown.update(from: bytes, count: count)
                bytes.deallocate()
                bytes = grown
                capacity = newCapacity
            }
            if fieldCount == fieldCapacity {
                let grown = UnsafeMutablePointer<Int>.allocate(capacity: fieldCapacity * 2)
                grown.update(from: fieldEnds, count: fieldCount)
                fieldEnds.deallocate()
                fieldEnds = grown
                fieldCapacity *= 2
            }
        }
    }

    /// Handed to libcsv's callbacks as their context.
    @usableFromInline let storage: UnsafeMutablePointer<Storage>

    init(capacity: Int = 4096) {
        storage = .allocate(capacity: 1)
        storage.initialize(
            to: Storage(
                bytes: .allocate(capacity: capacity), capacity: capacity, fieldEnds: .allocate(capacity: 64),
                fieldCapacity: 64))
    }

    deinit {
        storage.pointee.bytes.deallocate()
        storage.pointee.fieldEnds.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    var bytes: UnsafeMutablePointer<UInt8> { storage.pointee.bytes }
    var count: Int { storage.pointee.count }
    @inlinable var fieldCount: Int { storage.pointee.fieldCount }
    var recordEnded: Bool { storage.pointee.recordEnded }

    func appendField(_ source: UnsafeRawPointer?, length: Int) {
        storage.pointee.appendField(source, length: length)
    }

    /// Appends a field given as text (a kept record's, a workbook cell's): its UTF-8 bytes.
    func appendField(_ text: String) {
        var text = text
        text.withUTF8 { appendField($0.baseAddress, length: $0.count) }
    }

    func reset() {
        storage.pointee.count = 0
        storage.pointee.fieldCount = 0
        storage.pointee.recordEnded = false
    }

    /// Empties the buffer, and gives back memory past `capacity` bytes (and as many field ends / 8)
    /// that one long record made it take.
    func reset(keepingCapacity capacity: Int) {
        reset()
        if storage.pointee.capacity > capacity {
            storage.pointee.bytes.deallocate()
            storage.pointee.bytes = .allocate(capacity: capacity)
            storage.pointee.capacity = capacity
        }
        let fields = Swift.max(64, capacity / 8)
        if storage.pointee.fieldCapacity > fields {
            storage.pointee.fieldEnds.deallocate()
            storage.pointee.fieldEnds = .allocate(capacity: fields)
            storage.pointee.fieldCapacity = fields
        }
    }

    /// Bytes reserved for field text (for tests of the memory bound).
    var capacity: Int { storage.pointee.capacity }

    /// The byte offset where field `index` starts (`count` for one past the last field).
    func fieldStart(_ index: Int) -> Int {
        index == 0 ? 0 : storage.pointee.fieldEnds[index - 1]
    }

    /// Drops the fields from `index` on.
    func truncate(toFields index: Int) {
        precondition(index <= fieldCount, "truncate past the end")
        storage.pointee.count = fieldStart(index)
        storage.pointee.fieldCount = index
    }

    /// Removes every NUL byte of the fields from `first` on, keeping field boundaries.
    /// - Returns: the 0-based indexes of the fields that held NULs, and how many each held.
    func removeNULBytes(fromField first: Int = 0) -> [(field: Int, removed: Int)] {
        var report: [(field: Int, removed: Int)] = []
        let bytes = storage.pointee.bytes
        let ends = storage.pointee.fieldEnds
        var write = fieldStart(first)
        var read = write
        for index in first..<storage.pointee.fieldCount {
            let end = ends[index]
            var removed = 0
            while read < end {
                if bytes[read] == 0 {
                    removed += 1
                } else {
                    bytes[write] = bytes[read]
                    write += 1
                }
                read += 1
            }
            ends[index] = write
            if removed > 0 { report.append((index, removed)) }
        }
        storage.pointee.count = write
        return report
    }

    /// The bytes of field `index` (0-based).
    @inlinable @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let ends = storage.pointee.fieldEnds
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(start: storage.pointee.bytes + start, count: ends[index] - start)
    }
}
