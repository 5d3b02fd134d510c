import Foundation
import Testing

/// Every command that reads a CSV file reads an .xls or .xlsx workbook too, and gives the same figures.
/// The workbooks are the bundled samples' twins (`Fixtures/workbooks/make_workbooks.py`: a title row
/// above the table, numbers stored as numbers, a second sheet) and 问卷星's own .xls download of the
/// real 800-response export; each figure is compared with the same command on the CSV.
@Suite struct WorkbookCommandTests {
    static let workbooks = "Tests/junhengTests/Fixtures/workbooks/"
    static let questionnaireFixtures = "Tests/JunhengQuestionnaireTests/Fixtures/"

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let output = try JunhengBinary.run(arguments)
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    /// The values of `keys` in two JSON documents are equal, places aside: the workbook's title row moves
    /// every line down by one, and its file is `FILE[Sheet]`.
    static func expectSame(_ a: [String: Any], _ b: [String: Any], _ keys: [String]) {
        func placeless(_ value: Any?) -> NSObject? {
            switch value {
            case let object as [String: Any]:
                var kept: [String: Any] = [:]
                for (key, child) in object where !["line", "file", "location"].contains(key) {
                    kept[key] = placeless(child)
                }
                return kept as NSDictionary
            case let array as [Any]: return array.map { placeless($0) ?? NSNull() } as NSArray
            default: return value as? NSObject
            }
        }
        for key in keys {
            #expect(a[key] != nil, "\(key) is in the output")
            #expect(placeless(a[key]) == placeless(b[key]), "\(key) differs")
        }
    }

    @Test func inspectShowsTheKindAndTheSheet() throws {
        let inspection = try Self.json(["inspect", Self.workbooks + "roster.xlsx", "--format", "json"])
        #expect(inspection["format"] as? String == "xlsx")
        #expect(inspection["sheet"] as? String == "数据")
        #expect(inspection["sheets"] as? [String] == ["数据", "说明"])
        #expect(inspection["rows"] as? Int == 44)
        #expect(inspection["skipped"] as? [String: Int] == ["title-row": 1])
        let csv = try Self.json(["inspect", "sample-responses/roster.csv", "--format", "json"])
        Self.expectSame(inspection, csv, ["columns", "rows"])
        #expect(csv["format"] as? String == "csv")
    }

    @Test func surveyCheckReadsTheXLSDownload() throws {
        let output = try JunhengBinary.run([
            "survey", "check", Self.questionnaireFixtures + "wjx800_number.xls", "--survey",
            Self.questionnaireFixtures + "wjx800.yaml",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains(Self.questionnaireFixtures + "wjx800_number.xls[Sheet1]"))
        #expect(output.stdout.contains("按选项序号"))
    }

    /// The title row is skipped and counted (rows = used + excluded + skipped); every figure is the CSV's.
    @Test func satisfactionReadsAWorkbook() throws {
        let common = ["--survey", "public", "--by", "township", "--format", "json"]
        let workbook = try Self.json(["satisfaction", Self.workbooks + "survey-public.xlsx"] + common)
        let csv = try Self.json(["satisfaction", "sample-responses/survey-public.csv"] + common)
        Self.expectSame(workbook, csv, ["overall", "groups", "exclusions"])
        let respondents = try #require(workbook["respondents"] as? [String: Int])
        let csvRespondents = try #require(csv["respondents"] as? [String: Int])
        #expect(respondents["used"] == csvRespondents["used"])
        #expect(respondents["skipped"] == 1)
        #expect(respondents["rows"] == (csvRespondents["rows"] ?? 0) + 1)
    }

    @Test func frequenciesReadsAWorkbook() throws {
        let common = ["--survey", "public", "--by", "group", "--format", "json"]
        let workbook = try Self.json(["frequencies", Self.workbooks + "survey-public.xlsx"] + common)
        let csv = try Self.json(["frequencies", "sample-responses/survey-public.csv"] + common)
        Self.expectSame(workbook, csv, ["questions", "exclusions"])
    }

    @Test func resourcesReadsWorkbooks() throws {
        let workbook = try Self.json([
            "resources", Self.workbooks + "roster.xlsx", "--unit-costs", Self.workbooks + "unit-costs.xlsx",
            "--format", "json",
        ])
        let csv = try Self.json([
            "resources", "sample-responses/roster.csv", "--unit-costs", "sample-responses/unit-costs.csv",
            "--format", "json",
        ])
        Self.expectSame(workbook, csv, ["indicators", "schools", "guarantees", "excluded"])
    }

    @Test func monitoringSummaryReadsAWorkbook() throws {
        let settings = ["--settings", "sample-responses/monitoring-settings.yaml", "--format", "json"]
        let workbook = try Self.json(
            ["monitoring", "summary", Self.workbooks + "monitoring-students.xlsx"] + settings)
        let csv = try Self.json(["monitoring", "summary", Self.workbooks + "monitoring-students.csv"] + settings)
        Self.expectSame(workbook, csv, ["results"])
    }

    @Test func monitoringImportReadsAWorkbook() throws {
        let folder = NSTemporaryDirectory() + "junheng-workbook-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let output = try JunhengBinary.run([
            "monitoring", "import", Self.workbooks + "monitoring-students.xlsx", "--settings",
            "sample-responses/monitoring-settings.yaml", "--db", folder + "/history.sqlite",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let trend = try JunhengBinary.run([
            "monitoring", "trend", "--subject", "数学", "--db", folder + "/history.sqlite",
        ])
        #expect(trend.status == 0, "\(trend.stderr)")
        #expect(trend.stdout.contains("2018"))
    }

    /// `--sheet` picks another sheet, and a sheet the workbook does not have is refused with the list.
    @Test func sheetOption() throws {
        let other = try JunhengBinary.run(["inspect", Self.workbooks + "roster.xlsx", "--sheet", "说明"])
        #expect(other.status == 0)
        #expect(other.stdout.contains("读取的工作表: 说明"))
        let missing = try JunhengBinary.run([
            "satisfaction", Self.workbooks + "survey-public.xlsx", "--survey", "public", "--sheet", "Sheet1",
            "--lang", "en",
        ])
        #expect(missing.status == 1)
        #expect(
            missing.stderr
                == "junheng: \(Self.workbooks)survey-public.xlsx: The workbook has no sheet named \"Sheet1\". "
                + "Its sheets: \"数据\", \"说明\". Pass one of them with --sheet.\n")
    }
}
