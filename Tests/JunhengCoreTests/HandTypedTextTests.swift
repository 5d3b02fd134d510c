import JunhengCore
import Testing

@Suite struct HandTypedTextTests {
    @Test func aCleanCellIsUnchanged() {
        #expect(HandTypedText.cell("") == "")
        #expect(HandTypedText.cell("城关镇") == "城关镇")
    }

    @Test func fullWidthFormsBecomeASCIIAndEndsAreTrimmed() {
        // U+FF11 U+FF12 U+FF13 = １２３; U+3000 is the ideographic space; U+00A0 the no-break space.
        #expect(HandTypedText.cell("\u{3000}１２３\u{00A0}") == "123")
        #expect(HandTypedText.cell("\t（跳过）  ") == "(跳过)")
        #expect(HandTypedText.cell("Ａ 校") == "A 校")
    }

    @Test func compactRemovesEverySpace() {
        #expect(HandTypedText.compact("3、 性别 ") == "3、性别")
        #expect(HandTypedText.compact("非常\u{3000}满意") == "非常满意")
        #expect(HandTypedText.compact("ａ\nｂ") == "ab")
    }
}
