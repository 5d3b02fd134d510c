import Testing

@testable import JunhengIngest

@Suite struct UTF8ScannerTests {
    func scan(_ bytes: [UInt8]) -> UTF8Scanner.Outcome { bytes.withUnsafeBytes { UTF8Scanner.scan($0) } }

    @Test func asciiAndChinese() {
        #expect(scan([]) == .valid)
        #expect(scan(Array("abcdefghijklmnop".utf8)) == .valid)
        #expect(scan(Array("一二三四五六七八九十abc".utf8)) == .valid)
    }

    @Test func invalidBytesAreFoundWhereTheyStart() {
        // Eight ASCII bytes (fast path), then a lone continuation byte at offset 8.
        #expect(scan(Array("abcdefgh".utf8) + [0x80]) == .invalid(at: 8))
        #expect(scan([0x61, 0xC0, 0x80]) == .invalid(at: 1))  // overlong
        #expect(scan([0xED, 0xA0, 0x80]) == .invalid(at: 0))  // surrogate
        #expect(scan([0xF5, 0x80, 0x80, 0x80]) == .invalid(at: 0))  // past U+10FFFF
    }

    @Test func truncatedAtTheEnd() {
        #expect(scan([0x61, 0x62, 0xE4, 0xB8]) == .truncated(at: 2))
    }
}
