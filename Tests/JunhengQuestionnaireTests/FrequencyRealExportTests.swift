import Foundation
import JunhengCore
import JunhengIngest
import JunhengStatistics
import Testing

@testable import JunhengQuestionnaire

/// The real 问卷星 export (800 responses of a consumer survey, `Fixtures/wjx800_*`, BSD-licensed from
/// gasongjian/reportgen) counted question by question. The expected figures come from
/// `Fixtures/recount_wjx800.py`, which recounts the CSVs with Python's csv module, independently of
/// this code (and checks that the text-mode and number-mode CSVs agree). Four files, one answer: the
/// text-mode and option-number-mode downloads, each as 问卷星's .xls and as CSV.
@Suite struct FrequencyRealExportTests {
    /// .xls workbooks are read in the test host's child process (`Tests/XLSReaderHost`).
    init() {
        XLSReaderProcess.current = .beside("XLSReaderHost")
    }

    static let files = ["wjx800_text.csv", "wjx800_text.xls", "wjx800_number.csv", "wjx800_number.xls"]

    /// Reads one export through the whole pipeline, as `junheng frequencies` does: the reader (CSV or
    /// .xls by content), the header mapping, the mode detected from the first 200 records, the fit check
    /// and the screening, with the frequency accumulator riding on the same pass. (The consumer survey
    /// has no IP, time or identity columns, so screening excludes no one: the counts are over all 800.)
    static func count(_ name: String, by: FrequencyBreakdown? = nil) throws -> FrequencyResult {
        let survey = try QuestionnaireLoader.load(path: TestSupport.fixture("wjx800.yaml"))
        var settings = SatisfactionSettings(survey: survey)
        settings.frequencies = FrequencyRequest(by: by)
        let result = try SatisfactionAnalysis.run(
            exports: [TestSupport.fixture(name)], survey: survey, settings: settings)
        #expect(result.files.map(\.detection.mode) == [name.contains("text") ? .text : .number])
        #expect(result.partial == false)
        return try #require(result.frequencies)
    }

    /// recount_wjx800.py's counts, per question in questionnaire order (options in questionnaire order).
    static let counts: [String: [Int]] = [
        "phones": [521, 261, 12, 6],
        "price": [15, 35, 88, 90, 115, 99, 105, 246, 5, 2],
        "sex": [427, 373],
        "age": [0, 1, 62, 214, 248, 130, 103, 34, 8],
        "income": [62, 163, 251, 176, 98, 40, 8, 2],
        "hobbies": [479, 436, 461, 492, 478, 214, 95, 294, 145, 76, 184, 425, 242, 2],
        "spend": [15, 247, 293, 183, 41, 14, 7],
        "news": [11, 416, 448, 310, 401, 332, 270, 287, 131, 5],
    ]

    @Test(arguments: files)
    func everyQuestionCounted(name: String) throws {
        let result = try Self.count(name)
        #expect(result.used == 800)
        #expect(result.rows == 800)
        #expect(result.excluded == 0)
        #expect(result.questions.map(\.id) == ["phones", "price", "sex", "age", "income", "hobbies", "spend", "news"])
        for question in result.questions {
            #expect(question.counts.options.map(\.count) == Self.counts[question.id], "\(question.id)")
            #expect(question.counts.answered == 800, "\(question.id)")
            #expect(question.counts.skipped == 0, "\(question.id)")
            #expect(question.counts.invalid == 0, "\(question.id)")
        }
        let hobbies = try #require(result.questions.first { $0.id == "hobbies" })
        // 4023 ticks by 800 respondents (recount: mean ticked 5.028750).
        #expect(hobbies.counts.meanTicked == 4023.0 / 800)
        #expect(hobbies.counts.options[0].share == 479.0 / 800)
        let news = try #require(result.questions.first { $0.id == "news" })
        #expect(news.counts.meanTicked == 2611.0 / 800)
        // Question 7 is scored with 10 % and 20 % as positive: (247 + 293) / 800 = 0.675.
        let spend = try #require(result.questions.first { $0.id == "spend" })
        #expect(spend.counts.positiveShare == 540.0 / 800)
    }

    /// The four files give the same tables; only the typed "other" texts differ: the text-mode files
    /// keep them (price 2, hobbies 2, news 5), the option-number files do not (unknown, not 0).
    @Test func fourFilesOneAnswer() throws {
        let results = try Self.files.map { try Self.count($0) }
        func tables(_ result: FrequencyResult) -> [[Int]] {
            result.questions.map { [$0.counts.answered, $0.counts.skipped] + $0.counts.options.map(\.count) }
        }
        for result in results.dropFirst() { #expect(tables(result) == tables(results[0])) }
        for result in results.prefix(2) {
            #expect(result.questions.map(\.counts.otherTexts) == [0, 2, 0, 0, 0, 2, 0, 5])
        }
        for result in results.suffix(2) {
            #expect(result.questions.allSatisfy { $0.counts.otherTexts == nil })
        }
    }

    /// Phones by sex, as recount_wjx800.py tabulates it and scipy's chi2_contingency tests it (no
    /// continuity correction): 男 [272, 144, 8, 3], 女 [249, 117, 4, 3]; X² = 1.503642840674379,
    /// df = 3, p = 0.6814298201797138, two expected counts under 5 (flagged).
    @Test(arguments: files)
    func crossTabPhonesBySex(name: String) throws {
        let result = try Self.count(name, by: .question("sex"))
        let phones = try #require(result.questions.first { $0.id == "phones" })
        #expect(phones.groups.map(\.key) == ["男", "女"])
        #expect(phones.groups.map { $0.counts.options.map(\.count) } == [[272, 144, 8, 3], [249, 117, 4, 3]])
        let test = try #require(phones.test?.test)
        #expect(abs(test.statistic - 1.503642840674379) < 1e-9)
        #expect(test.degreesOfFreedom == 3)
        #expect(abs(test.pValue - 0.6814298201797138) < 1e-9)
        #expect(test.smallExpectedCells == 2)
        #expect(phones.test?.flag == "expected-under-5")
    }
}
