import Testing

@testable import JunhengWorkbook

@Suite struct SheetNamesTests {
    @Test func forbidden_characters_become_underscores() {
        var names = SheetNames()
        #expect(names.make("a[b]c:d*e?f/g\\h", fallback: "x") == "a_b_c_d_e_f_g_h")
    }

    @Test func names_are_cut_to_31_characters() {
        var names = SheetNames()
        let long = String(repeating: "资", count: 40)
        #expect(names.make(long, fallback: "x") == String(repeating: "资", count: 31))
    }

    @Test func repeated_names_are_numbered_ignoring_case() {
        var names = SheetNames()
        #expect(names.make("Summary", fallback: "x") == "Summary")
        #expect(names.make("summary", fallback: "x") == "summary (2)")
        #expect(names.make("SUMMARY", fallback: "x") == "SUMMARY (3)")
        let long = String(repeating: "a", count: 31)
        #expect(names.make(long, fallback: "x") == long)
        // 31 − 4 (" (2)") = 27 characters kept.
        #expect(names.make(long, fallback: "x") == String(repeating: "a", count: 27) + " (2)")
    }

    @Test func empty_apostrophes_and_history_are_avoided() {
        var names = SheetNames()
        #expect(names.make("'引号'", fallback: "x") == "引号")
        #expect(names.make("  ", fallback: "table-id") == "table-id")
        #expect(names.make("", fallback: "") == "Sheet")
        #expect(names.make("History", fallback: "x") == "History_")
    }
}
