import Testing

@testable import JunhengIngest

@Suite struct EncodingDetectorTests {
    func detect(_ bytes: [UInt8], whole: Bool = true) -> EncodingDetector.Verdict {
        bytes.withUnsafeBytes { EncodingDetector.detect($0, isWholeFile: whole) }
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

    @Test func aCharacterCutByTheSniffWindowIsNotInvalid() {
        // 序 is E5 BA 8F; the window ends after E5 BA.
        #expect(detect([0x61, 0xE5, 0xBA], whole: false) == .text(.utf8, bomLength: 0))
        #expect(detect([0x61, 0xE5, 0xBA], whole: true) == .text(.gb18030, bomLength: 0))
    }

    @Test func workbooks() {
        #expect(detect([0x50, 0x4B, 0x03, 0x04, 0x14]) == .xlsx)
        #expect(detect([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) == .xls)
    }
}
