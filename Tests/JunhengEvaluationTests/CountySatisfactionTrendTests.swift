import Foundation
import JunhengCore
import JunhengPlan
import JunhengQuestionnaire
import JunhengReports
import Testing

@testable import JunhengEvaluation

/// Satisfaction by township year over year in the county report: there when the store holds earlier years of
/// a questionnaire (the sample history's 2022 and 2023 public rates), the report's own year last.
@Suite(.serialized) struct CountySatisfactionTrendTests {
    static func evaluation(storePath: String?) throws -> CountyEvaluation {
        try CountyEvaluation.run(
            CountyEvaluationOptions(
                dataDirectory: repositoryPath("sample-responses"), surveysDirectory: repositoryPath("surveys"),
                planPath: repositoryPath("plan/plan.yaml"), asOf: PlanDate("2024-06-01"), storePath: storePath))
    }

    static func rate(_ export: String) throws -> SatisfactionResult {
        let survey = try SurveyCatalog(directories: [repositoryPath("surveys")]).resolve("public")
        return try SatisfactionAnalysis.run(
            exports: [repositoryPath(export)], survey: survey, by: [.township],
            settings: SatisfactionSettings(survey: survey))
    }

    static func trendTables(_ evaluation: CountyEvaluation) -> [ReportTable] {
        evaluation.document.sections.flatMap(\.tables).filter { $0.id.hasSuffix("-by-year") }
    }

    @Test func withoutEarlierYearsThereIsNoTrend() throws {
        #expect(Self.trendTables(try Self.evaluation(storePath: nil)).isEmpty)
        // A store holding only the report's own year has nothing earlier to compare with.
        let path = NSTemporaryDirectory() + "junheng-county-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SatisfactionArchive.save(
            try Self.rate("sample-responses/survey-public.csv"), year: 2024, storePath: path)
        let evaluation = try Self.evaluation(storePath: path)
        #expect(Self.trendTables(evaluation).isEmpty)
        #expect(evaluation.problems.isEmpty, "\(evaluation.problems)")
    }

    @Test func earlierYearsInTheStoreGiveATrendByTownship() throws {
        let path = NSTemporaryDirectory() + "junheng-county-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        for year in [2022, 2023] {
            _ = try SatisfactionArchive.save(
                try Self.rate("sample-history/survey-public-\(year).csv"), year: year, storePath: path)
        }
        let evaluation = try Self.evaluation(storePath: path)
        #expect(evaluation.problems.isEmpty, "\(evaluation.problems)")
        let tables = Self.trendTables(evaluation)
        #expect(tables.map(\.id) == ["satisfaction-public-by-year"])
        let table = try #require(tables.first)
        #expect(table.title.zh == "社会认可度历年变化（社会公众卷，按乡镇）")
        #expect(table.sheetName?.zh == "满意度-社会公众卷-历年")

        // Every township of this year's rates has its 2024 row, with the report's own rate and its change from 2023.
        let columns = table.columns.map(\.key)
        let key = try #require(columns.firstIndex(of: "key"))
        let year = try #require(columns.firstIndex(of: "year"))
        let rate = try #require(columns.firstIndex(of: "rate"))
        let previous = try #require(columns.firstIndex(of: "previous"))
        let now = try #require(evaluation.satisfaction.first { $0.survey.id == "public" })
        for cell in now.breakdowns[.township] ?? [] where cell.rate != nil {
            let row = try #require(
                table.rows.first { $0[key] == .text(cell.key[0]) && $0[year] == .integer(2024) }, "\(cell.key)")
            #expect(row[rate].value == .number(cell.rate!))
            if table.rows.contains(where: { $0[key] == .text(cell.key[0]) && $0[year] == .integer(2023) }) {
                #expect(row[previous] == .label(LocalizedText(zh: "2023（隔 1 年）", en: "2023 (1 year before)")))
            }
        }
        let years = Set(
            table.rows.compactMap { row -> Double? in
                if case .number(let value) = row[year].value { return value }
                return nil
            })
        #expect(years == [2022, 2023, 2024])
    }
}
