import Testing

/// `junheng inspect` on damaged files, exactly, in one language at a time: the table in Chinese, the
/// JSON in English (messages only in the language asked for).
@Suite struct InspectSnapshotTests {
    static let fixtures = "Tests/JunhengIngestTests/Fixtures/"

    @Test func raggedRowsInChinese() throws {
        try Snapshot.expect("inspect-ragged", ["inspect", Self.fixtures + "ragged.csv"])
    }

    @Test func titleAndTotalRowsAsJSONInEnglish() throws {
        try Snapshot.expect(
            "inspect-title-total-json-en",
            ["inspect", Self.fixtures + "title-total.csv", "--format", "json", "--lang", "en"])
    }
}
