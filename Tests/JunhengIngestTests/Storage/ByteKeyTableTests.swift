@_spi(Storage) import JunhengIngest
import Testing

/// `ByteKeyTable` against a `Dictionary` of byte arrays: keys of every length 0–40 that share prefixes and
/// suffixes, with the full hash and with masks that make keys collide.
@Suite struct ByteKeyTableTests {
    static let masks: [UInt32] = [.max, 0xF, 1, 0]

    /// Keys of lengths 0…40 built to be alike: prefixes and suffixes of one text, runs of one byte, and
    /// keys that differ from another only in their first, middle or last byte.
    static let keys: [[UInt8]] = {
        let text = Array("一二三四五六七八九十abcdefghij".utf8)  // 40 bytes
        var keys: [[UInt8]] = []
        for length in 0...40 {
            keys.append(Array(text.prefix(length)))
            keys.append(Array(text.suffix(length)))
            keys.append([UInt8](repeating: 0x61, count: length))
            keys.append([UInt8](repeating: 0, count: length))
            for position in Set([0, length / 2, length - 1]) where length > 0 {
                var other = Array(text.prefix(length))
                other[position] ^= 1
                keys.append(other)
            }
        }
        return keys
    }()

    func insert(_ key: [UInt8], _ value: Int32, into table: inout ByteKeyTable) -> Int32 {
        key.withUnsafeBufferPointer { table.insert($0, value: value) }
    }

    func value(_ key: [UInt8], in table: borrowing ByteKeyTable) -> Int32? {
        key.withUnsafeBufferPointer { table.value(for: $0) }
    }

    func contents(_ table: borrowing ByteKeyTable) -> [([UInt8], Int32)] {
        var all: [([UInt8], Int32)] = []
        // (A named closure: `ByteKeyTable.forEach` is no sequence's, so it cannot become a for-in loop.)
        let collect = { (key: UnsafeBufferPointer<UInt8>, value: Int32) in all.append((Array(key), value)) }
        table.forEach(collect)
        return all
    }

    @Test(arguments: masks)
    func everyKeyKeepsTheFirstValueItWasGiven(mask: UInt32) {
        var table = ByteKeyTable(hashMask: mask)
        var model: [[UInt8]: Int32] = [:]
        var order: [[UInt8]] = []
        for (number, key) in Self.keys.enumerated() {
            let offered = Int32(number + 1000)
            let expected = model[key] ?? offered
            if model[key] == nil {
                model[key] = offered
                order.append(key)
            }
            #expect(insert(key, offered, into: &table) == expected, "key \(key)")
            #expect(table.count == model.count)
        }
        // Again, in reverse: every key is there, with its first value.
        for key in Self.keys.reversed() { #expect(insert(key, -1, into: &table) == model[key]) }
        #expect(table.count == model.count)
        for key in Self.keys { #expect(value(key, in: table) == model[key], "key \(key)") }
        // Keys one byte longer or shorter than a held key, or changed, are absent unless held.
        for key in Self.keys {
            for other in [key + [0x7A], Array(key.dropLast()), key.map { $0 ^ 0x40 }] {
                #expect(value(other, in: table) == model[other], "key \(other)")
            }
        }
        let held = contents(table)
        #expect(held.map(\.0) == order && held.map(\.1) == order.map { model[$0]! })
    }

    @Test(arguments: masks)
    func manyKeysGrowTheTable(mask: UInt32) {
        var table = ByteKeyTable(hashMask: mask)
        let keys = (0..<(mask == 0 ? 300 : 3000)).map { Array("学校\($0)".utf8) }
        for (number, key) in keys.enumerated() { #expect(insert(key, Int32(number), into: &table) == Int32(number)) }
        #expect(table.count == keys.count)
        for (number, key) in keys.enumerated() { #expect(value(key, in: table) == Int32(number)) }
        #expect(value(Array("学校".utf8), in: table) == nil)
        #expect(contents(table).map(\.0) == keys)
    }

    @Test func emptyKeysWithAndWithoutAnAddressAreOneKey() {
        var table = ByteKeyTable()
        #expect(table.insert(UnsafeBufferPointer(start: nil, count: 0), value: 5) == 5)
        #expect(insert([], 6, into: &table) == 5)
        let spare: [UInt8] = [1, 2]
        #expect(spare.withUnsafeBufferPointer { table.value(for: UnsafeBufferPointer(rebasing: $0[0..<0])) } == 5)
        #expect(table.count == 1 && table.value(for: UnsafeBufferPointer(start: nil, count: 0)) == 5)
        #expect(value([0], in: table) == nil)
    }

    @Test func theTableKeepsItsOwnCopyOfTheKeys() {
        var table = ByteKeyTable()
        var key = Array("城关镇".utf8)
        _ = insert(key, 1, into: &table)
        key[0] = 0x41  // the caller's bytes change after the insertion
        #expect(value(Array("城关镇".utf8), in: table) == 1)
        #expect(value(key, in: table) == nil)
        #expect(contents(table).map(\.0) == [Array("城关镇".utf8)])
    }

    @Test func aCloneHasItsOwnMemory() {
        var original = ByteKeyTable(hashMask: 3)
        for number in 0..<40 { _ = insert(Array("乡镇\(number)".utf8), Int32(number), into: &original) }
        var copy = original.clone()
        #expect(copy.count == 40 && copy.reservedBytes == original.reservedBytes)
        for number in 40..<200 { _ = insert(Array("乡镇\(number)".utf8), Int32(number), into: &copy) }
        _ = insert(Array("原表".utf8), 999, into: &original)
        #expect(original.count == 41 && copy.count == 200)
        #expect(value(Array("乡镇150".utf8), in: original) == nil && value(Array("乡镇150".utf8), in: copy) == 150)
        #expect(value(Array("原表".utf8), in: copy) == nil && value(Array("原表".utf8), in: original) == 999)
        #expect(contents(copy).map(\.1) == Array(0..<200))
        // The clone keeps the mask: with 3 it still finds keys whose tags collide.
        #expect(value(Array("乡镇7".utf8), in: copy) == 7)
    }

    @Test func forEachStopsAtAThrownError() {
        struct Stop: Error {}
        var table = ByteKeyTable()
        for number in 0..<5 { _ = insert([UInt8(number)], Int32(number), into: &table) }
        var seen: [Int32] = []
        #expect(throws: Stop.self) {
            let stopAtTwo = { (_: UnsafeBufferPointer<UInt8>, value: Int32) throws(Stop) in
                seen.append(value)
                if value == 2 { throw Stop() }
            }
            try table.forEach(stopAtTwo)
        }
        #expect(seen == [0, 1, 2])
    }
}
