import Testing

/// The county plan on the terminal, exactly: `junheng units` and the report's summary on the bundled
/// samples at a fixed date (see ``Snapshot``).
@Suite(.serialized) struct PlanSnapshotTests {
    @Test func unitsOnTheSamples() throws {
        let output = try Snapshot.expect("units-sample", ["units", "--as-of", "2024-06-01"])
        #expect(output.status == 0)
    }

    @Test func unitsInEnglishAsCSV() throws {
        try Snapshot.expect(
            "units-sample-en-csv", ["units", "--as-of", "2024-06-01", "--format", "csv", "--lang", "en"])
    }

    @Test func theReportsTerminalSummary() throws {
        let output = try Snapshot.expect(
            "report-summary-sample", ["report", "--as-of", "2024-06-01", "--out", ".build/snapshot-report"])
        #expect(output.status == 0)
    }

    /// The same summary in English: units, thresholds, statuses and stages in English; Chinese only in
    /// names (schools, the sheet's own words, notes the county typed).
    @Test func theReportsTerminalSummaryInEnglish() throws {
        let output = try Snapshot.expect(
            "report-summary-sample-en",
            ["report", "--as-of", "2024-06-01", "--out", ".build/snapshot-report-en", "--lang", "en"])
        #expect(output.status == 0)
    }

    /// `junheng units` in English on the terminal: each unit by its English name (plan/plan.yaml's units_en).
    @Test func unitsInEnglish() throws {
        try Snapshot.expect("units-sample-en", ["units", "--as-of", "2024-06-01", "--lang", "en"])
    }

    @Test func aDateThatIsNotOneIsAnArgumentError() throws {
        let output = try Snapshot.expect("report-bad-as-of", ["report", "--as-of", "2024-13-01"])
        #expect(output.status == 64)
    }
}
