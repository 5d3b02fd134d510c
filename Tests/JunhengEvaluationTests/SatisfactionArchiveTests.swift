import Foundation
import GRDB
import JunhengCore
import JunhengQuestionnaire
import JunhengReports
import JunhengStatistics
import Testing

@testable import JunhengEvaluation
@testable import JunhengStore

@Suite struct SatisfactionArchiveTests {
    static func rate(_ export: String) throws -> SatisfactionResult {
        let survey = try SurveyCatalog(directories: [repositoryPath("surveys")]).resolve("public")
        return try SatisfactionAnalysis.run(
            exports: [repositoryPath(export)], survey: survey, settings: SatisfactionSettings(survey: survey))
    }

    static func temporaryStore() -> String {
        NSTemporaryDirectory() + "junheng-archive-\(UUID().uuidString).sqlite"
    }

    /// `--year Y --save`: every cut cell goes to a real SQLite file with its sums; saving the year again is
    /// refused unless replace.
    @Test func savesRefusesAndReplacesAYear() throws {
        let result = try Self.rate("sample-responses/survey-public.csv")
        let path = Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try SatisfactionArchive.save(result, year: 2024, storePath: path)
        #expect(first.saved == result.cutCells().count)
        #expect(first.replaced == 0)
        #expect(throws: EvaluationError.self) { try SatisfactionArchive.save(result, year: 2024, storePath: path) }
        #expect(throws: EvaluationError.self) {
            try SatisfactionArchive.checkNotStored(year: 2024, survey: "public", storePath: path)
        }
        try SatisfactionArchive.checkNotStored(year: 2023, survey: "public", storePath: path)
        let again = try SatisfactionArchive.save(result, year: 2024, storePath: path, replace: true)
        #expect(again.replaced == first.saved)
        let stored = try HistoryStore(path: path).satisfactionCells(by: "overall")
        #expect(stored.count == 1)
        #expect(stored[0].rate == result.overall.rate)
        #expect(stored[0].positive == result.overall.positive)
        #expect(stored[0].answered == result.overall.answered)
        #expect(stored[0].sumY2 == result.overall.estimate?.sumY2 && stored[0].sumYM != nil)
        let run = try #require(try HistoryStore(path: path).satisfactionRuns().first)
        #expect(run.surveyVersion == SatisfactionArchive.version(of: result.survey) && run.threshold == 0.85)
    }

    /// Two years (the two sample batches as 2023 and 2024): each township's change has its interval, d ± 1.96 ·
    /// sqrt(var₂₀₂₃ + var₂₀₂₄) from the stored sums, and a verdict.
    @Test func trendByTownshipHasIntervals() throws {
        let earlier = try Self.rate("sample-responses/survey-public-gb18030.csv")
        let later = try Self.rate("sample-responses/survey-public.csv")
        let path = Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SatisfactionArchive.save(earlier, year: 2023, storePath: path)
        _ = try SatisfactionArchive.save(later, year: 2024, storePath: path)
        let trend = try SatisfactionArchive.trend(storePath: path, by: "overall")
        #expect(trend.rows.map(\.year) == [2023, 2024])
        let change = try #require(trend.rows[1].rate.change)
        let v1 = try #require(earlier.overall.estimate?.variance)
        let v2 = try #require(later.overall.estimate?.variance)
        let d = try #require(later.overall.rate) - (try #require(earlier.overall.rate))
        #expect(abs(change.value - d) < 1e-12)
        let interval = try #require(change.ci95)
        #expect(abs(interval.upperBound - (d + 1.96 * (v1 + v2).squareRoot())) < 1e-12)
        #expect(change.verdict != nil && change.caveats.isEmpty)

        let townships = try SatisfactionArchive.trend(storePath: path, by: "township")
        let later2024 = townships.rows.filter { $0.year == 2024 }
        #expect(later2024.count >= 15)
        #expect(later2024.allSatisfy { $0.rate.change?.gapYears == 1 && $0.rate.change?.verdict != nil })
        #expect(townships.table().rows.count == townships.rows.count)
    }

    /// Cells saved by a version before the sums were kept: their changes are 无区间（早期数据）.
    @Test func earlyCellsHaveNoIntervalForTheirChanges() throws {
        let path = Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queue = try DatabaseQueue(path: path)
        try HistoryStore.migrator.migrate(queue, upTo: "3 schools told apart by code and township")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO satisfaction_cell (year, survey, dimension, key, respondents, answered, positive, \
                    rate, ci_low, ci_high, meets) VALUES (2022, 'public', 'overall', '', 400, 4000, 3520, 0.88, 0.86, \
                    0.90, 1)
                    """)
        }
        try queue.close()
        _ = try SatisfactionArchive.save(
            try Self.rate("sample-responses/survey-public.csv"), year: 2024, storePath: path)
        let trend = try SatisfactionArchive.trend(storePath: path, by: "overall")
        #expect(trend.rows[0].rate.value == 0.88 && trend.rows[0].rate.ci95 == 0.86...0.90)
        let change = try #require(trend.rows[1].rate.change)
        #expect(change.fromYear == 2022 && change.gapYears == 2)
        #expect(change.ci95 == nil && change.verdict == nil && change.note?.zh == "无区间（早期数据）")
    }

    /// What the rates count decides the version: the same questionnaire gives the same, a positive option
    /// moved gives another, and the trend then says so.
    @Test func anotherQuestionnaireVersionIsACaveat() throws {
        let result = try Self.rate("sample-responses/survey-public.csv")
        var changed = result
        let item = try #require(changed.survey.items.first)
        let option = try #require(
            changed.survey.questions[item.questionIndex].options.firstIndex { $0.text == "基本满意" })
        changed.survey.questions[item.questionIndex].options[option].positive = false
        #expect(SatisfactionArchive.version(of: result.survey) == SatisfactionArchive.version(of: result.survey))
        #expect(SatisfactionArchive.version(of: result.survey) != SatisfactionArchive.version(of: changed.survey))

        let path = Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SatisfactionArchive.save(changed, year: 2023, storePath: path)
        _ = try SatisfactionArchive.save(result, year: 2024, storePath: path)
        let trend = try SatisfactionArchive.trend(storePath: path, by: "overall")
        let caveats = try #require(trend.rows[1].rate.change).caveats
        #expect(caveats.count == 1 && caveats[0].zh.contains("问卷的计分题或正向选项不同"))
    }
}
