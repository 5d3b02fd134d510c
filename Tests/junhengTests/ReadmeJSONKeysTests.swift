import Foundation
import Testing

/// Every JSON key the README documents for a command appears in that command's JSON, so a key renamed or
/// left out of the output (or of the README) fails here.
@Suite struct ReadmeJSONKeysTests {
    /// The quoted keys of every `{…}` code span in the README section that starts with `heading`.
    static func documentedKeys(section heading: String) throws -> Set<String> {
        let readme = try String(contentsOfFile: JunhengBinary.root + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "\n## " + heading))
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var keys = Set<String>()
        for (index, span) in section.split(separator: "`", omittingEmptySubsequences: false).enumerated()
        where index % 2 == 1 && span.hasPrefix("{") {
            for (part, text) in span.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            where part % 2 == 1 && !text.isEmpty {
                keys.insert(String(text))
            }
        }
        return keys
    }

    /// Every key of every object in a JSON document.
    static func keys(_ json: String) throws -> Set<String> {
        func collect(_ value: Any, into keys: inout Set<String>) {
            if let object = value as? [String: Any] {
                for (key, child) in object {
                    keys.insert(key)
                    collect(child, into: &keys)
                }
            } else if let array = value as? [Any] {
                for child in array { collect(child, into: &keys) }
            }
        }
        var keys = Set<String>()
        collect(try JSONSerialization.jsonObject(with: Data(json.utf8)), into: &keys)
        return keys
    }

    /// Every key the README documents in `section` appears in the JSON of at least one of `runs`.
    func check(section: String, _ runs: [String]...) throws {
        let documented = try Self.documentedKeys(section: section)
        #expect(documented.count >= 8, "the README documents the JSON of \(section)")
        var found = Set<String>()
        for arguments in runs {
            let output = try JunhengBinary.run(arguments)
            #expect(output.status == 0)
            found.formUnion(try Self.keys(output.stdout))
        }
        let missing = documented.subtracting(found)
        #expect(missing.isEmpty, "documented in the README but not in the JSON: \(missing.sorted())")
    }

    /// The county report's `indicators.json` (written to a folder, not printed).
    @Test func countyReport() throws {
        let documented = try Self.documentedKeys(section: "The county report")
        #expect(documented.count >= 8)
        let out = NSTemporaryDirectory() + "junheng-readme-\(UUID().uuidString)"
        let output = try JunhengBinary.run(["report", "--as-of", "2024-06-01", "--out", out])
        #expect(output.status == 0)
        let json = try String(contentsOfFile: out + "/indicators.json", encoding: .utf8)
        let missing = documented.subtracting(try Self.keys(json))
        #expect(missing.isEmpty, "documented in the README but not in indicators.json: \(missing.sorted())")
    }

    @Test func resources() throws {
        try check(
            section: "Resources and guarantees",
            [
                "resources", "sample-responses/roster.csv", "--unit-costs", "sample-responses/unit-costs.csv",
                "--format", "json",
            ],
            // A roster with an unknown column, for the warnings.
            ["resources", "Tests/junhengTests/Fixtures/roster-extra-column.csv", "--format", "json"])
    }

    /// The monitoring summary, and the trends of a store holding the samples (monitoring and two years of
    /// satisfaction).
    @Test func monitoringSummaryAndTrends() throws {
        let db = ".build/readme-history-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: JunhengBinary.root + "/" + db) }
        let settings = "sample-responses/monitoring-settings.yaml"
        for arguments in [
            ["monitoring", "import", "sample-responses/monitoring-students.csv", "--settings", settings, "--db", db],
            [
                "satisfaction", "sample-history/survey-public-2023.csv", "--survey", "public", "--year", "2023",
                "--save",
            ],
            ["satisfaction", "sample-responses/survey-public.csv", "--survey", "public", "--year", "2024", "--save"],
        ] {
            let output = try JunhengBinary.run(arguments + (arguments[0] == "satisfaction" ? ["--db", db] : []))
            #expect(output.status == 0, "\(output.stderr)")
        }
        try check(
            section: "Quality monitoring",
            [
                "monitoring", "summary", "sample-responses/monitoring-students.csv", "--settings", settings,
                "--format", "json",
            ],
            ["trend", "monitoring", "--db", db, "--format", "json"],
            ["trend", "satisfaction", "--db", db, "--format", "json"])
    }

    @Test func frequencies() throws {
        try check(
            section: "Every question counted",
            // A matrix, free-text answers and a cross-tab; a multiple choice.
            [
                "frequencies", "sample-responses/survey-teacher.csv", "--survey", "teacher", "--by", "group",
                "--answers", "--format", "json",
            ],
            [
                "frequencies", "Tests/JunhengQuestionnaireTests/Fixtures/wjx800_text.csv", "--survey",
                "Tests/JunhengQuestionnaireTests/Fixtures/wjx800.yaml", "--format", "json",
            ])
    }

    @Test func inspect() throws {
        try check(
            section: "Reading CSV files",
            ["inspect", "Tests/JunhengIngestTests/Fixtures/title-total.csv", "--format", "json"],
            ["inspect", "Tests/junhengTests/Fixtures/workbooks/roster.xlsx", "--format", "json"])
    }
}
