import Testing

@testable import JunhengQuestionnaire

@Suite struct WjxTextTests {
    @Test func normalizeFoldsFullWidthAndDropsSpaces() {
        #expect(WjxText.normalize("３、性别　（单选题） ") == "3、性别(单选题)")
        #expect(WjxText.normalize("ＡＢＣ ｄ") == "ABCd")
    }

    @Test func stripTagsRemovesTypeTagsOnly() {
        #expect(WjxText.stripTags("您的身份是(单选题*必答)") == "您的身份是")
        #expect(WjxText.stripTags("兴趣【多选题】") == "兴趣")
        #expect(WjxText.stripTags("入学政策(免试就近入学)") == "入学政策(免试就近入学)")
    }

    @Test func seconds() {
        #expect(WjxText.seconds("136秒") == 136)
        #expect(WjxText.seconds("2分16秒") == 136)
        #expect(WjxText.seconds("90") == 90)
        #expect(WjxText.seconds("1小时2分") == 3720)
        #expect(WjxText.seconds("") == nil)
        #expect(WjxText.seconds("很快") == nil)
    }

    @Test func skips() {
        for value in ["(跳过)", "（跳过）", "-3", "-2"] { #expect(WjxText.isSkip(value)) }
        #expect(!WjxText.isSkip("3"))
    }

    @Test func splitOther() {
        let (option, typed) = WjxText.splitOther("其他【请注明】〖我妈买的。〗")
        #expect(option == "其他【请注明】")
        #expect(typed == "我妈买的。")
    }

    /// "abcd" vs "abce": bigrams {ab, bc, cd} and {ab, bc, ce}; 2 common of 6 → 2·2/6 = 0.6667.
    @Test func similarityIsBigramDice() {
        #expect(WjxText.similarity("abcd", "abce").isClose(to: 2.0 / 3.0))
        #expect(WjxText.similarity("x", "x") == 1)
        #expect(WjxText.similarity("", "x") == 0)
    }
}
