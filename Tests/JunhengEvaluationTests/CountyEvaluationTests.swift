import Foundation
import HTMLProbe
import JunhengCore
import JunhengPlan
import JunhengQuestionnaire
import JunhengReports
import Testing

@testable import JunhengEvaluation

/// The county report on the bundled samples: its HTML carries the same figures as the JSON the area
/// commands print, it names what it could not use, it escapes what users typed, and it is deterministic.
@Suite(.serialized) struct CountyEvaluationTests {
    static func sampleEvaluation() throws -> CountyEvaluation {
        try CountyEvaluation.run(
            CountyEvaluationOptions(
                dataDirectory: repositoryPath("sample-responses"), surveysDirectory: repositoryPath("surveys"),
                planPath: repositoryPath("plan/plan.yaml"), asOf: PlanDate("2024-06-01")))
    }

    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "junheng-evaluation-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func everyAreaIsComputedFromTheSamples() throws {
        let evaluation = try Self.sampleEvaluation()
        #expect(evaluation.problems.isEmpty, "\(evaluation.problems)")
        #expect(evaluation.folder.unplaced.isEmpty, "\(evaluation.folder.unplaced)")
        #expect(evaluation.resources != nil)
        #expect(evaluation.monitoring != nil)
        #expect(Set(evaluation.satisfaction.map(\.survey.id)) == ["public", "teacher", "student"])
        // The latest monitoring year in the samples is 2024.
        #expect(evaluation.year == 2024)
        let areas = Set(evaluation.bars.map(\.area.zh))
        for area in ["资源配置", "政府保障程度", "教育质量", "社会认可度"] {
            #expect(areas.contains { $0.contains(area) }, "no bar in \(area)")
        }
    }

    /// The resources section's CV cells in the HTML equal `junheng resources --format json`'s `cv`.
    @Test func htmlResourceFiguresEqualTheJSON() throws {
        let evaluation = try Self.sampleEvaluation()
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        let indicators = try decode(ResourcesJSON.self, JSONOutput.encode(evaluation.resources!)).indicators
        let rows = HTMLProbe.tableRows(html, table: "resources-balance")
        #expect(rows.count == indicators.count)
        #expect(rows.count == 14)
        for (row, indicator) in zip(rows, indicators) {
            let cv = Double(row["cv"]?["data-value"] ?? "")
            #expect(cv != nil && cv == indicator.cv)
            let county = Double(row["county_value"]?["data-value"] ?? "")
            #expect(county != nil && county == indicator.countyValue)
        }
    }

    /// The township chart's points equal `junheng satisfaction --by township --format json`'s groups.
    @Test func htmlSatisfactionChartEqualsTheJSON() throws {
        let evaluation = try Self.sampleEvaluation()
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        let publicResult = evaluation.satisfaction.first { $0.survey.id == "public" }!
        let json = try decode(SatisfactionJSONShape.self, JSONOutput.encode(publicResult.jsonDocument))
        var rates: [String: Double] = [:]
        for group in json.groups {
            if let rate = group.rate { rates[(group.key ?? []).joined(separator: " / ")] = rate }
        }
        guard
            let chart = HTMLProbe.element(
                html, marker: "data-chart=\"satisfaction-township-public\"", end: "</figure>")
        else {
            Issue.record("no township chart")
            return
        }
        let points = HTMLProbe.tags("g", in: chart).filter { $0["class"] == "point" }
        #expect(points.count == rates.count)
        #expect(points.count >= 15)
        for point in points {
            let label = point["data-label"] ?? ""
            #expect(Double(point["data-value"] ?? "") == rates[label], "township \(label)")
        }
        #expect(publicResult.overall.rate == json.overall.rate)
    }

    /// The monitoring results table's 校际差异率 equals `junheng monitoring summary --format json`'s `icc`.
    @Test func htmlMonitoringFiguresEqualTheJSON() throws {
        let evaluation = try Self.sampleEvaluation()
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        let json = try decode(MonitoringJSON.self, JSONOutput.encode(evaluation.monitoring!))
        var icc: [String: Double] = [:]
        var shares: [String: Double] = [:]
        for result in json.results {
            let key = "\(result.year)|\(result.grade)|\(result.subject)"
            if let value = result.icc { icc[key] = value }
            if let value = result.shareIIIPlus { shares[key] = value }
        }
        #expect(icc.count >= 20)
        // Every 校际差异率 point on the rate charts is one of the JSON's values for that subject.
        var checked = 0
        for chartID in ["monitoring-rates-数学", "monitoring-rates-体育与健康"] {
            guard let chart = HTMLProbe.element(html, marker: "data-chart=\"\(chartID)\"", end: "</figure>") else {
                Issue.record("no chart \(chartID)")
                continue
            }
            let subject = String(chartID.dropFirst("monitoring-rates-".count))
            for point in HTMLProbe.tags("g", in: chart) where point["class"] == "point" {
                guard let value = Double(point["data-value"] ?? ""), let year = point["data-label"] else { continue }
                let iccs = [4, 8].compactMap { icc["\(year)|\($0)|\(subject)"] }
                let shareValues = [4, 8].compactMap { shares["\(year)|\($0)|\(subject)"] }
                if iccs.contains(value) {
                    checked += 1
                } else {
                    #expect(
                        shareValues.contains(value), "\(chartID) \(year): \(value) is neither an ICC nor a Ⅲ+ share")
                }
            }
        }
        #expect(checked >= 6)
    }

    @Test func twoRunsGiveIdenticalFiles() throws {
        let first = try temporaryFolder()
        let second = try temporaryFolder()
        let a = try CountyReportWriter(language: .zh).write(Self.sampleEvaluation(), to: first)
        let b = try CountyReportWriter(language: .zh).write(Self.sampleEvaluation(), to: second)
        #expect(a.map { ($0 as NSString).lastPathComponent } == b.map { ($0 as NSString).lastPathComponent })
        #expect(a.contains { $0.hasSuffix("report.html") })
        #expect(a.contains { $0.hasSuffix("report.xlsx") })
        for (x, y) in zip(a, b) {
            #expect(FileManager.default.contents(atPath: x) == FileManager.default.contents(atPath: y), "\(x)")
        }
    }

    @Test func englishLabelsWithLangEn() throws {
        let evaluation = try Self.sampleEvaluation()
        let html = HTMLRenderer(language: .en).render(evaluation.document)
        #expect(
            html.contains("<h1>Mengcheng County: evaluation of high-quality balanced compulsory education, 2024</h1>"))
        // The satisfaction JSON next to the report speaks the report's language, one at a time.
        let zh = try #require(try evaluation.areaJSON(language: .zh).first { $0.name == "satisfaction-public.json" })
        let en = try #require(try evaluation.areaJSON(language: .en).first { $0.name == "satisfaction-public.json" })
        #expect(zh.json.contains("\"detail\" : \"用时 35 秒 < 60 秒\""))
        #expect(en.json.contains("\"detail\" : \"35 s < 60 s\""))
    }

    /// A school named `<script>…` stays text in the report; an unusable file is named with its reason.
    @Test func userTextIsEscapedAndUnplacedFilesAreNamed() throws {
        let folder = try temporaryFolder()
        let roster = try String(contentsOfFile: repositoryPath("sample-responses/roster.csv"), encoding: .utf8)
        #expect(roster.contains("城关镇第一小学"))
        try roster.replacingOccurrences(of: "城关镇第一小学", with: "<script>alert(1)</script>")
            .write(toFile: folder + "/学校基础数据.csv", atomically: true, encoding: .utf8)
        try "name,value\n1,2\n".write(toFile: folder + "/other.csv", atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: folder + "/answers.xlsx", contents: Data([0x50, 0x4B, 0x03, 0x04]))
        let evaluation = try CountyEvaluation.run(
            CountyEvaluationOptions(
                dataDirectory: folder, surveysDirectory: repositoryPath("surveys"),
                planPath: repositoryPath("plan/plan.yaml")))
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(
            evaluation.folder.unplaced.map { ($0.path as NSString).lastPathComponent } == ["answers.xlsx", "other.csv"])
        // answers.xlsx only starts like a workbook: read by its content, found damaged, named with why.
        #expect(evaluation.folder.unplaced.first?.reason.zh.contains("工作簿已损坏") == true)
        // With no exports and no monitoring, those areas are named as not computed, and resources still are.
        #expect(evaluation.resources != nil)
        #expect(evaluation.problems.contains { $0.area.zh == "教育质量" })
        let files = HTMLProbe.tableRows(html, table: "data-files")
        #expect(files.count == 3)
    }

    /// One broken questionnaire file is a problem of its own; the other questionnaires' rates are still
    /// computed (issue 9, case 3).
    @Test func aBrokenQuestionnaireDoesNotBlockTheOthers() throws {
        let folder = try temporaryFolder()
        let surveys = folder + "/surveys"
        try FileManager.default.createDirectory(atPath: surveys, withIntermediateDirectories: true)
        for name in ["public", "teacher"] {
            try FileManager.default.copyItem(
                atPath: repositoryPath("surveys/\(name).yaml"), toPath: surveys + "/\(name).yaml")
            try FileManager.default.copyItem(
                atPath: repositoryPath("sample-responses/survey-\(name).csv"), toPath: folder + "/survey-\(name).csv")
        }
        try "id: broken\ntitle: [\n".write(toFile: surveys + "/broken.yaml", atomically: true, encoding: .utf8)
        let evaluation = try CountyEvaluation.run(
            CountyEvaluationOptions(dataDirectory: folder, planPath: repositoryPath("plan/plan.yaml")))
        #expect(Set(evaluation.satisfaction.map(\.survey.id)) == ["public", "teacher"])
        let named = evaluation.problems.filter { $0.message.zh.contains("broken.yaml") }
        #expect(named.count == 1)
        #expect(named.first?.area.zh == "社会认可度")
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: EvaluationError.self) {
            try CountyEvaluation.run(CountyEvaluationOptions(dataDirectory: "/no/such/folder"))
        }
    }
}
