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

    /// `--plan`: the plan's thresholds and units, as `junheng report` reads them. The shipped plan holds
    /// the built-in standards, so every figure is as without it (only its units, written in full, differ).
    /// A plan edited to C1 ≥ 4.8 (小学, instead of 4.2) and other B1 units changes the standard, the number
    /// of schools meeting it (counted here from the schools' own values) and the units.
    @Test func resourcesTakeThePlansThresholdsAndUnits() throws {
        func json(_ arguments: [String]) throws -> [String: Any] {
            let output = try JunhengBinary.run(["resources", Self.roster, "--format", "json"] + arguments)
            #expect(output.status == 0, "\(output.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        }
        /// The document without its responsible units, as sorted JSON text.
        func figures(_ document: [String: Any]) throws -> String {
            func strip(_ value: Any) -> Any {
                if let object = value as? [String: Any] {
                    return object.filter { $0.key != "responsible_units" }.mapValues(strip)
                }
                if let array = value as? [Any] { return array.map(strip) }
                return value
            }
            let data = try JSONSerialization.data(withJSONObject: strip(document), options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try figures(json([])) == figures(json(["--plan", "plan/plan.yaml"])))

        let shipped = try String(contentsOfFile: JunhengBinary.root + "/plan/plan.yaml", encoding: .utf8)
        let c1 = "threshold: ≥ 4.2 人/百名学生"
        let b1 = "units: [县教育局, 县人力资源社会保障局, 县委编办]"
        #expect(shipped.components(separatedBy: c1).count == 2)
        #expect(shipped.contains(b1))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("junheng-plan-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let edited = folder.appendingPathComponent("plan.yaml").path
        try shipped.replacingOccurrences(of: c1, with: "threshold: ≥ 4.8 人/百名学生")
            .replacingOccurrences(of: b1, with: "units: [某县编办]")
            .write(toFile: edited, atomically: true, encoding: .utf8)

        let document = try json(["--plan", edited])
        let settings = try #require(document["settings"] as? [String: Any])
        let standards = try #require(settings["primary_standards"] as? [String: Any])
        #expect(standards["qualified_teachers"] as? Double == 4.8)
        let indicators = try #require(document["indicators"] as? [[String: Any]])
        let row = try #require(indicators.first { $0["code"] as? String == "B1" && $0["stage"] as? String == "小学" })
        #expect(row["standard"] as? Double == 4.8)
        #expect(row["responsible_units"] as? [String] == ["某县编办"])
        let schools = try #require(document["schools"] as? [[String: Any]])
        let values = schools.filter { $0["stage"] as? String == "小学" }.compactMap { school in
            (school["values"] as? [[String: Any]])?.first { $0["indicator"] as? Int == 1 }?["value"] as? Double
        }
        #expect(values.count == row["schools_counted"] as? Int)
        let meeting = values.filter { $0 >= 4.8 }.count
        #expect(row["schools_meeting_standard"] as? Int == meeting)
        // Some schools fall between 4.2 and 4.8, so the edit is seen.
        #expect(meeting < values.filter { $0 >= 4.2 }.count)
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

    /// Import both sample files into a fresh store; importing one again is refused (nothing changes) unless
    /// --replace; then the trend, each year with its interval and each change with its verdict.
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
            "monitoring-import-again", ["monitoring", "import", Self.students, "--settings", Self.settings, "--db", db])
        try Snapshot.expect(
            "monitoring-import-replace",
            [
                "monitoring", "import", Self.students, "--settings", Self.settings, "--db", db, "--replace", "--lang",
                "en",
            ])
        try Snapshot.expect("monitoring-trend-math", ["monitoring", "trend", "--subject", "数学", "--db", db])
        try Snapshot.expect(
            "monitoring-trend-markdown", ["monitoring", "trend", "--db", db, "--format", "markdown", "--lang", "en"])
        try Snapshot.expect(
            "trend-monitoring-json",
            ["trend", "monitoring", "--subject", "数学", "--grade", "4", "--db", db, "--format", "json"])
        try Snapshot.expect(
            "trend-monitoring-icc-csv",
            ["trend", "monitoring", "--subject", "体育与健康", "--figure", "icc", "--db", db, "--format", "csv"])
    }

    /// Two years of satisfaction saved (the two sample batches of the public questionnaire as 2023 and 2024),
    /// saving a year again refused, then the trend by township and overall.
    @Test func satisfactionSaveAndTrend() throws {
        let db = ".build/snapshot-satisfaction-history.sqlite"
        try? FileManager.default.removeItem(atPath: JunhengBinary.root + "/" + db)
        defer { try? FileManager.default.removeItem(atPath: JunhengBinary.root + "/" + db) }
        for (file, year) in [("survey-public-gb18030.csv", "2023"), ("survey-public.csv", "2024")] {
            let saved = try JunhengBinary.run(
                [
                    "satisfaction", "sample-responses/" + file, "--survey", "public", "--year", year, "--save", "--db",
                    db,
                ])
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        try Snapshot.expect(
            "satisfaction-save-again",
            [
                "satisfaction", "sample-responses/survey-public.csv", "--survey", "public", "--year", "2024", "--save",
                "--db", db,
            ])
        try Snapshot.expect("trend-satisfaction-township", ["trend", "satisfaction", "--db", db])
        try Snapshot.expect(
            "satisfaction-trend-overall-json",
            ["monitoring", "satisfaction-trend", "--by", "overall", "--db", db, "--format", "json", "--lang", "en"])
    }

    // MARK: - Refused, and said (issues 9 and 10)

    static let fixtures = "Tests/junhengTests/Fixtures/"

    /// A typo in a settings key is refused at its line and column, in the language of the run.
    @Test func aResourcesSettingsTypoIsRefused() throws {
        let arguments = ["resources", Self.roster, "--settings", Self.fixtures + "settings-typo.json"]
        #expect(try Snapshot.expect("resources-settings-typo", arguments).status == 1)
        #expect(try Snapshot.expect("resources-settings-typo-en", arguments + ["--lang", "en"]).status == 1)
    }

    /// Crashes 4 and 5 of issue 10: refused at load, no trap.
    @Test func settingsThatWouldOverflowAreRefused() throws {
        let overflow = [
            "resources", Self.roster, "--settings", Self.fixtures + "settings-overflow.json", "--lang", "en",
        ]
        #expect(try Snapshot.expect("resources-settings-overflow", overflow).status == 1)
        let infinite = ["resources", Self.roster, "--settings", Self.fixtures + "settings-infinite.json"]
        #expect(try Snapshot.expect("resources-settings-infinite", infinite).status == 1)
    }

    @Test func aMonitoringSettingsTypoIsRefused() throws {
        let arguments = [
            "monitoring", "summary", Self.students, "--settings", Self.fixtures + "monitoring-settings-typo.yaml",
            "--lang", "en",
        ]
        #expect(try Snapshot.expect("monitoring-settings-typo", arguments).status == 1)
    }

    /// Bad roster cells: every one at its line and column, in one language.
    @Test func badRosterCells() throws {
        let arguments = ["resources", "Tests/JunhengResourcesTests/Fixtures/roster-bad.csv", "--lang", "en"]
        #expect(try Snapshot.expect("resources-roster-bad-en", arguments).status == 1)
    }

    /// `--encoding` reaches the reader: the GBK roster read as GB18030 on request.
    @Test func resourcesTakesTheEncoding() throws {
        try Snapshot.expect(
            "resources-roster-gbk",
            [
                "resources", "Tests/JunhengResourcesTests/Fixtures/roster-gbk.csv", "--encoding", "gb18030", "--table",
                "balance",
            ])
    }

    /// Issue 9, case 7: the mean of 529.9, 441.2, 570.1, 418.8 is exactly 490, the Ⅲ cut: level Ⅲ.
    @Test func aMeanAtTheCutScore() throws {
        try Snapshot.expect(
            "monitoring-mean-at-cut",
            [
                "monitoring", "summary", Self.fixtures + "monitoring-at-cut.csv", "--settings",
                Self.fixtures + "monitoring-cuts.yaml", "--format", "markdown",
            ])
    }

    /// Issue 9, case 7: a 中心小学 with its township and one without are two schools, and it is said.
    @Test func schoolsOfTheSameName() throws {
        let arguments = ["monitoring", "summary", Self.fixtures + "monitoring-same-name.csv"]
        try Snapshot.expect("monitoring-same-name", arguments)
        try Snapshot.expect("monitoring-same-name-en", arguments + ["--lang", "en"])
        // CSV has no notes: the caveat is in the row's 说明 column.
        try Snapshot.expect("monitoring-same-name-csv", arguments + ["--format", "csv"])
    }

    /// The two 中心小学 go into the store as two schools (migration 3), not a constraint failure.
    @Test func schoolsOfTheSameNameAreImported() throws {
        let db = ".build/snapshot-same-name.sqlite"
        try? FileManager.default.removeItem(atPath: JunhengBinary.root + "/" + db)
        defer { try? FileManager.default.removeItem(atPath: JunhengBinary.root + "/" + db) }
        let output = try Snapshot.expect(
            "monitoring-import-same-name",
            ["monitoring", "import", Self.fixtures + "monitoring-same-name.csv", "--db", db, "--lang", "en"])
        #expect(output.status == 0)
    }

    @Test func helpIsInTheLanguageOfTheRun() throws {
        try Snapshot.expect("monitoring-summary-help-en", ["monitoring", "summary", "--help", "--lang", "en"])
        try Snapshot.expect("resources-help", ["resources", "--help"])
    }
}
