import Testing

@testable import JunhengReports

@Suite struct TextWidthTests {
    @Test func chinese_counts_two_columns_and_one_em() {
        #expect(TextWidth.columns("学校A") == 5)
        #expect(TextWidth.ems("学校A") == 2.55)  // 1 + 1 + 0.55
        #expect(TextWidth.columns("（全角）") == 8)
        #expect(TextWidth.columns("Ⅲ级") == 3)  // Ⅲ (U+2162) is narrow here; 级 is wide
    }

    @Test func combining_marks_take_no_room() {
        #expect(TextWidth.columns("e\u{301}") == 1)
        #expect(TextWidth.columns("a\u{200B}b") == 2)
    }

    @Test func empty() {
        #expect(TextWidth.columns("") == 0)
        #expect(TextWidth.ems("") == 0)
    }
}
