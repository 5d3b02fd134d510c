import Foundation
import Testing

/// The resources and monitoring commands as a user meets them, exactly (see ``Snapshot``): every output
/// format on the bundled samples, the history store, and the errors and caveats of bad input.
@Suite struct AreaSnapshotTests {
    static let roster = "sample-responses/roster.csv"
    static let students = "sample-responses/monitoring-students.csv"
    static let settings = "sample-responses/monitoring-settings.yaml"

    // MARK: - Resources

    @Test func resourcesJSON() throws {
        try Snapshot.expect("resources-sample-json", ["resources", Self.roster, "--format", "json"])
    }

    @Test func resourcesMarkdownWithUnitCosts() throws {
        try Snapshot.expect(
            "resources-sample-markdown",
            [
                "resources", Self.roster, "--unit-costs", "sample-responses/unit-costs.csv", "--format", "markdown",
                "--lang", "en",
            ])
    }

    @Test func resourcesGapsAsCSV() throws {
        try Snapshot.expect(
            "resources-sample-gaps-csv",
            [
                "resources", Self.roster, "--unit-costs", "sample-responses/unit-costs.csv", "--format", "csv",
                "--table", "gaps",
            ])
    }

    // MARK: - Monitoring

    @Test func monitoringSummaryJSON() throws {
        try Snapshot.expect(
            "monitoring-summary-json",
            ["monitoring", "summary", Self.students, "--settings", Self.settings, "--format", "json"])
    }

    @Test func monitoringSummaryPerSchoolCSV() throws {
        try Snapshot.expect(
            "monitoring-summary-schools-csv",
            [
                "monitoring", "summary", Self.students, "--settings", Self.settings, "--format", "csv",
                "--per-school",
            ])
    }

    @Test func monitoringSummaryOfCountyFigures() throws {
        try Snapshot.expect(
            "monitoring-summary-county",
            ["monitoring", "summary", "sample-responses/monitoring-county-summary.csv", "--lang", "en"])
    }

    @Test func monitoringPlan() throws {
        try Snapshot.expect("monitoring-plan-2025", ["monitoring", "plan", "--year", "2025"])
    }

    /// Import both sample files into a fresh store, import one again (it replaces), then the trend.
    @Test func monitoringImportAndTrend() throws {
        let db = ".build/snapshot-history.sqlite"
        try? FileManager.default.removeItem(atPath: JunhengBinary.root + "/" + db)
        defer { try? FileManager.default.removeItem(atPath: JunhengBinary.root + "/" + db) }
        try Snapshot.expect(
            "monitoring-import-county",
            ["monitoring", "import", "sample-responses/monitoring-county-summary.csv", "--db", db])
        try Snapshot.expect(
            "monitoring-import-students",
            ["monitoring", "import", Self.students, "--settings", Self.settings, "--db", db])
        try Snapshot.expect(
            "monitoring-import-again",
            ["monitoring", "import", Self.students, "--settings", Self.settings, "--db", db, "--lang", "en"])
        try Snapshot.expect("monitoring-trend-math", ["monitoring", "trend", "--subject", "数学", "--db", db])
        try Snapshot.expect(
            "monitoring-trend-markdown", ["monitoring", "trend", "--db", db, "--format", "markdown", "--lang", "en"])
    }
}
