import Testing

@testable import JunhengIngest

@Suite struct EncodingDetectorTests {
    func detect(_ bytes: [UInt8]) -> EncodingDetector.Verdict {
        bytes.withUnsafeBytes { EncodingDetector.detect($0) }
    }

    @Test func byteOrderMarksDecide() {
        #expect(detect([0xEF, 0xBB, 0xBF, 0x61]) == .text(.utf8, bomLength: 3))
        #expect(detect([0xFF, 0xFE, 0x61, 0x00]) == .text(.utf16le, bomLength: 2))
        #expect(detect([0xFE, 0xFF, 0x00, 0x61]) == .text(.utf16be, bomLength: 2))
    }

    @Test func validUTF8WithoutBOM() {
        #expect(detect(Array("序号,乡镇\n".utf8)) == .text(.utf8, bomLength: 0))
    }

    @Test func gbkBytesAreGB18030() {
        // "家长" in GBK is BC D2 B3 A4: BC is a UTF-8 continuation byte where a lead byte must stand.
        #expect(detect([0x31, 0x2C, 0xBC, 0xD2, 0xB3, 0xA4, 0x0A]) == .text(.gb18030, bomLength: 0))
    }

    /// 序 is E5 BA 8F; the bytes end after E5 BA, whether the sniff window or the file ends there: valid
    /// UTF-8 up to a cut character is UTF-8 (the reader then reports the cut, see CSVLimitsTests).
    @Test func aCharacterCutAtTheEndIsUTF8Evidence() {
        #expect(detect([0x61, 0xE5, 0xBA]) == .text(.utf8, bomLength: 0))
    }

    @Test func workbooks() {
        #expect(detect([0x50, 0x4B, 0x03, 0x04, 0x14]) == .xlsx)
        #expect(detect([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) == .xls)
    }

    /// The last one to three bytes of a file that begin a character and stop (worked out from the UTF-8
    /// lead bytes: C2–DF take 2 bytes, E0–EF 3, F0–F4 4).
    @Test func incompleteTails() {
        #expect(TextDecoder.incompleteUTF8Tail([0x61, 0xE5, 0xBA]) == 2)
        #expect(TextDecoder.incompleteUTF8Tail([0x61, 0x62, 0xE5]) == 1)
        #expect(TextDecoder.incompleteUTF8Tail([0xF0, 0x9F, 0x98]) == 3)
        #expect(TextDecoder.incompleteUTF8Tail([0xC3]) == 1)
        #expect(TextDecoder.incompleteUTF8Tail([0xE5, 0xBA, 0x8F]) == nil)
        #expect(TextDecoder.incompleteUTF8Tail([0x61, 0x0A]) == nil)
        #expect(TextDecoder.incompleteUTF8Tail([]) == nil)
    }
}
