import Testing

/// What a user sees, exactly: each command's output on the bundled samples and fixtures, against
/// `Snapshots/NAME.txt` (see ``Snapshot``).
@Suite struct SnapshotTests {
    static let fixtures = "Tests/JunhengIngestTests/Fixtures/"

    @Test func inspectATranscodedFile() throws {
        try Snapshot.expect("inspect-gb18030", ["inspect", Self.fixtures + "gb18030.csv"])
    }

    @Test func inspectAnUnterminatedQuote() throws {
        let output = try Snapshot.expect(
            "inspect-unterminated-quote", ["inspect", Self.fixtures + "unterminated-quote.csv", "--lang", "en"])
        #expect(output.status == 1)
    }

    @Test func surveyList() throws {
        try Snapshot.expect("survey-list", ["survey", "list"])
    }

    @Test func satisfactionByTownship() throws {
        try Snapshot.expect(
            "satisfaction-public-township",
            ["satisfaction", "sample-responses/survey-public.csv", "--survey", "public"])
    }

    @Test func resourcesOnTheSampleRoster() throws {
        try Snapshot.expect("resources-sample", ["resources", "sample-responses/roster.csv"])
    }

    @Test func monitoringSummaryOnTheSamples() throws {
        try Snapshot.expect(
            "monitoring-summary-sample",
            [
                "monitoring", "summary", "sample-responses/monitoring-students.csv", "--settings",
                "sample-responses/monitoring-settings.yaml",
            ])
    }

    @Test func anArgumentErrorIsOneLineAndTheUsage() throws {
        let output = try Snapshot.expect("inspect-bad-delimiter", ["inspect", "x.csv", "--delimiter", "x"])
        #expect(output.status == 64)
    }

    @Test func argumentParserErrorsInTheLanguageOfTheRun() throws {
        try Snapshot.expect("inspect-missing-file", ["inspect"])
        try Snapshot.expect("inspect-unknown-option", ["inspect", "x.csv", "--forma", "json"])
        try Snapshot.expect("inspect-bad-format", ["inspect", "x.csv", "--format", "xml"])
        try Snapshot.expect("inspect-bad-format-en", ["inspect", "x.csv", "--format", "xml", "--lang", "en"])
    }
}
