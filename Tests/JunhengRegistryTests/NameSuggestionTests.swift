import Testing

@testable import JunhengRegistry

/// The nearest names, worked out by hand from the rules of ``NameSuggestion``.
@Suite struct NameSuggestionTests {
    static let schools = ["城关镇第一小学", "城关镇第二小学", "城关镇第一初级中学", "青云镇中心小学"]

    /// 城关一小: 城 关 一 小 appear in order in 城关镇第一小学 (城 关 镇 第 一 小 学) and both start with 城;
    /// not in 城关镇第二小学 (no 一), and in 城关镇第一初级中学 in order? 城 关 一 … 小: no 小 after 一 there
    /// (一 初 级 中 学), so one candidate.
    @Test func anAbbreviationFindsItsSchool() {
        #expect(NameSuggestion.nearest(to: "城关一小", among: Self.schools) == ["城关镇第一小学"])
        // Arabic digits are read as Chinese numerals.
        #expect(NameSuggestion.nearest(to: "城关1小", among: Self.schools) == ["城关镇第一小学"])
    }

    /// 城关第一小学 is 城关镇第一小学 without 镇: one character off (rank 0) beats any abbreviation.
    @Test func oneCharacterOffIsNearest() {
        #expect(NameSuggestion.nearest(to: "城关第一小学", among: Self.schools) == ["城关镇第一小学"])
        // One character changed: 城关镇第三小学 → 第一 and 第二 are both one off: a tie, both given.
        #expect(NameSuggestion.nearest(to: "城关镇第三小学", among: Self.schools) == ["城关镇第一小学", "城关镇第二小学"])
    }

    /// 一小 starts with 一, not 城: only the schools of the same township match it.
    @Test func aShortNameMatchesOnlyWithinItsTownship() {
        #expect(NameSuggestion.nearest(to: "一小", among: Self.schools) == [])
        #expect(
            NameSuggestion.nearest(to: "一小", among: Self.schools, local: Set(Self.schools.prefix(3)))
                == ["城关镇第一小学"])
    }

    @Test func townshipsShareTheirStem() {
        let townships = ["城关镇", "青云镇", "柳河乡"]
        #expect(NameSuggestion.nearest(to: "城关", among: townships, townships: true) == ["城关镇"])
        #expect(NameSuggestion.nearest(to: "城关街道", among: townships, townships: true) == ["城关镇"])
        #expect(NameSuggestion.nearest(to: "柳河镇", among: townships, townships: true) == ["柳河乡"])
        #expect(NameSuggestion.nearest(to: "白杨镇", among: townships, townships: true) == [])
    }

    @Test func farNamesAreNotSuggested() {
        #expect(NameSuggestion.nearest(to: "实验中学", among: Self.schools) == [])
        #expect(NameSuggestion.nearest(to: "", among: Self.schools) == [])
    }

    @Test func editDistanceOfOne() {
        func one(_ a: String, _ b: String) -> Bool { NameSuggestion.withinOneEdit(Array(a), Array(b)) }
        #expect(one("abc", "abc"))
        #expect(one("abc", "abxc"))
        #expect(one("abc", "ab"))
        #expect(one("abc", "xbc"))
        #expect(!one("abc", "cab"))
        #expect(!one("abc", "a"))
        #expect(!one("abcd", "abdc"))
    }
}
