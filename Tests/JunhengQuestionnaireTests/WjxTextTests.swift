import Testing

@testable import JunhengQuestionnaire

@Suite struct WjxTextTests {
    /// Headers and answers are folded by the one normaliser of hand-typed text (HandTypedText).
    @Test func headersAreFoldedByTheOneNormaliser() {
        #expect(WjxHeader.classify("３、性别　（单选题） ") == .question(number: 3, text: "性别"))
        #expect(WjxHeader.classify("第１题（课程）") == .option(number: 1, option: "课程"))
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
        #expect(WjxText.seconds(" 2分 16秒 ") == 136)
    }

    /// Issue 10: `9999999999999999999` (with or without 秒) overflowed an `Int` and trapped. It is no
    /// time at all: nil, so the row is not screened for speed (and is counted as such).
    @Test func aTimeTooLargeForAnIntIsNoTime() {
        #expect(WjxText.seconds("9999999999999999999") == nil)
        #expect(WjxText.seconds("9999999999999999999秒") == nil)
        #expect(WjxText.seconds("999999999999999999分") == nil)
        #expect(WjxText.seconds("9223372036854775807秒") == 9_223_372_036_854_775_807)
        #expect(WjxText.seconds("9223372036854775807分") == nil)
    }

    /// A header number beyond any questionnaire is no number (and no trap).
    @Test func aHugeHeaderNumberIsNoNumber() {
        #expect(WjxHeader.classify("99999999999999999999、满意吗") == .question(number: nil, text: "满意吗"))
        #expect(
            WjxHeader.classify("第99999999999999999999题(课程)")
                == .question(number: nil, text: "第99999999999999999999题(课程)"))
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

    /// Bigrams counted once per text (``WjxText/Bigrams``), worked by hand: a repeated bigram counts as many
    /// times as it is in both ("aaa" {aa, aa} vs "aa" {aa}: 2·1/3); 满意程度 {满意, 意程, 程度} vs 满意度
    /// {满意, 意度}: 2·1/5; a one-character text is its character ({a} vs {ab}: 0); "" has none.
    @Test func bigramsCountedOnceAreDice() {
        let aaa = WjxText.Bigrams("aaa")
        #expect(aaa.total == 2)
        #expect(aaa.counts == ["aa": 2])
        #expect(WjxText.similarity(aaa, WjxText.Bigrams("aa")).isClose(to: 2.0 / 3.0))
        #expect(WjxText.similarity(WjxText.Bigrams("满意程度"), WjxText.Bigrams("满意度")).isClose(to: 0.4))
        #expect(WjxText.Bigrams("a").total == 1)
        #expect(WjxText.similarity(WjxText.Bigrams("a"), WjxText.Bigrams("ab")) == 0)
        #expect(WjxText.Bigrams("").total == 0)
        #expect(WjxText.similarity(WjxText.Bigrams(""), WjxText.Bigrams("")) == 1)
    }
}
