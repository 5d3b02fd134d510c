import Testing

@testable import JunhengReports

@Suite struct TextWrapTests {
    @Test func text_that_fits_is_one_line() {
        #expect(TextWrap.lines("≤ 0.50", width: 6) == ["≤ 0.50"])
        #expect(TextWrap.lines("社会认可度", width: 10) == ["社会认可度"])
        #expect(TextWrap.lines("", width: 10) == [])
        #expect(TextWrap.lines("   ", width: 10) == [])
    }

    @Test func chinese_breaks_between_characters() {
        // 8 characters × 2 = 16 columns; width 6 takes three characters a line.
        #expect(TextWrap.lines("生均教学用房面积", width: 6) == ["生均教", "学用房", "面积"])
        // Width 5 still takes only two (a third would make 6).
        #expect(TextWrap.lines("生均教学", width: 5) == ["生均", "教学"])
    }

    @Test func english_breaks_at_spaces_and_drops_them() {
        #expect(TextWrap.lines("teachers per 100 students", width: 12) == ["teachers per", "100 students"])
        // Two spaces in a row count as one break.
        #expect(TextWrap.lines("a  b", width: 1) == ["a", "b"])
    }

    @Test func closing_punctuation_never_starts_a_line_and_opening_never_ends_one() {
        // 育、 is one piece (4 columns): "每百名体" (8) + 育、 would be 12 > 10, so 、 goes down with 育.
        #expect(TextWrap.lines("每百名体育、艺术", width: 10) == ["每百名体", "育、艺术"])
        // （ stays with 学 and ） with 卷: "调查问卷（" would end a line with an opening bracket.
        #expect(TextWrap.lines("调查问卷（学生卷）", width: 10) == ["调查问卷", "（学生卷）"])
        // "(街" is one piece (3 columns): 6 + 3 = 9 > 8.
        #expect(TextWrap.lines("各乡镇(街道)", width: 8) == ["各乡镇", "(街道)"])
        #expect(TextWrap.lines("满意度85%", width: 8) == ["满意度", "85%"])
    }

    @Test func numbers_and_codes_are_not_cut() {
        // "B11" and "2000" are narrow runs: no break inside them, only around them.
        #expect(TextWrap.lines("B11 规模 ≤ 2000 人", width: 8) == ["B11 规模", "≤ 2000", "人"])
    }

    @Test func a_space_is_preferred_when_the_line_stays_two_thirds_full() {
        // "level Ⅲ+ and" is 12 columns of 16 (≥ ⅔): the break goes at the space, not inside 校际差异率.
        #expect(TextWrap.lines("level Ⅲ+ and 校际差异率", width: 16) == ["level Ⅲ+ and", "校际差异率"])
        // "ab" is 2 of 12 (< ⅔): filling the line wins.
        #expect(TextWrap.lines("ab 校际差异率指标", width: 12) == ["ab 校际差异", "率指标"])
    }

    @Test func a_piece_wider_than_the_line_is_cut_by_character() {
        #expect(TextWrap.lines("abcdefg", width: 3) == ["abc", "def", "g"])
        // A wide character in a width of 1 still makes progress, one a line.
        #expect(TextWrap.lines("学校", width: 1) == ["学", "校"])
        #expect(TextWrap.lines("ok abcdefg", width: 4) == ["ok", "abcd", "efg"])
    }

    @Test func every_line_fits() {
        let text = "县域义务教育优质均衡发展社会认可度调查问卷（校长、教师卷） 满意度（一票否决） teachers above the degree"
        for width in 2...40 {
            for line in TextWrap.lines(text, width: width) {
                #expect(TextWidth.columns(line) <= width, "\(width): \(line)")
                #expect(!line.hasPrefix(" ") && !line.hasSuffix(" "))
            }
        }
    }
}

extension TextWrapTests {
    @Test func a_widow_takes_the_tail_of_the_line_before_from_a_natural_break() {
        // Greedy: "甲乙丙、丁戊己、" (16) then "庚" (2 ≤ 16 / 4, a widow). The line before breaks naturally
        // after 丙、 (8 columns, half of 16): "丁戊己、庚" (10) moves down.
        #expect(TextWrap.lines("甲乙丙、丁戊己、庚", width: 16) == ["甲乙丙、", "丁戊己、庚"])
        // A space is a natural break too. Greedy at 23: "十二年一贯制学校 ≤ 2500" (16 + 2 + 5 = 23) then a
        // lone 人; the last space of that line (before 2500) leaves 18 ≥ 23 / 2, so "2500 人" goes down.
        #expect(TextWrap.lines("十二年一贯制学校 ≤ 2500 人", width: 23) == ["十二年一贯制学校 ≤", "2500 人"])
        // Here the only natural break (before 2000) would leave "≤" (1 < 8 / 2): the widow stays.
        #expect(TextWrap.lines("B11 规模 ≤ 2000 人", width: 8) == ["B11 规模", "≤ 2000", "人"])
    }
}
