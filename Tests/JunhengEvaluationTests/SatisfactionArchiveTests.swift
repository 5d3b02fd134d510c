import Foundation
import JunhengQuestionnaire
import JunhengStore
import Testing

@testable import JunhengEvaluation

@Suite struct SatisfactionArchiveTests {
    /// `--year Y --save`: every cut cell goes to a real SQLite file; saving the year again replaces it.
    @Test func savesAndReplacesAYear() throws {
        let survey = try SurveyCatalog(directories: [repositoryPath("surveys")]).resolve("public")
        let result = try SatisfactionAnalysis.run(
            exports: [repositoryPath("sample-responses/survey-public.csv")], survey: survey,
            settings: SatisfactionSettings(survey: survey))
        let path = NSTemporaryDirectory() + "junheng-archive-\(UUID().uuidString).sqlite"
        let first = try SatisfactionArchive.save(result, year: 2024, storePath: path)
        #expect(first.saved == result.cutCells().count)
        #expect(first.replaced == 0)
        let again = try SatisfactionArchive.save(result, year: 2024, storePath: path)
        #expect(again.replaced == first.saved)
        let stored = try HistoryStore(path: path).satisfactionTrend(by: "overall")
        #expect(stored.count == 1)
        #expect(stored[0].rate == result.overall.rate)
        #expect(stored[0].positive == result.overall.positive)
        #expect(stored[0].answered == result.overall.answered)
    }
}
