import Foundation
import JunhengCore
import JunhengIngest
import Testing

@testable import JunhengQuestionnaire

/// The same mini responses (hand-worked in SatisfactionPipelineTests: 5/7 overall, 4/5 东镇, 1/2 西镇)
/// in every export layout, read from files through the streaming reader.
@Suite struct SatisfactionAnalysisTests {
    let survey: Questionnaire
    init() throws { survey = try TestSupport.mini() }

    func analyse(_ names: [String], by: [GroupingKey] = [.township]) throws -> SatisfactionResult {
        try SatisfactionAnalysis.run(
            exports: names.map(TestSupport.fixture), survey: survey, by: by,
            settings: SatisfactionSettings(survey: survey))
    }

    func expectHandRates(_ result: SatisfactionResult) {
        #expect(result.rows == 9)
        #expect(result.used == 5)
        #expect(result.overall.positive == 5)
        #expect(result.overall.answered == 7)
        #expect(result.groups.map(\.key) == [["东镇"], ["西镇"]])
        #expect(result.groups.map(\.positive) == [4, 1])
        #expect(result.groups.map(\.answered) == [5, 2])
        #expect(result.excludedRows.map(\.reason) == [.duplicate, .speeder, .outsideGroups, .noScoredAnswer])
        #expect(result.excludedRows.map(\.line) == [6, 7, 8, 9])
        #expect(result.answerProblems.map(\.line) == [10])
        #expect(result.answerProblems.map(\.column) == [6])
        #expect(result.optionCounts["focus"] == [3, 2, 1])
    }

    @Test func textModeUTF8() throws {
        let result = try analyse(["mini_text.csv"])
        #expect(result.files[0].detection.mode == .text)
        expectHandRates(result)
    }

    @Test func textModeGB18030() throws {
        let result = try analyse(["mini_text_gb18030.csv"])
        #expect(result.files[0].encoding == .gb18030)
        expectHandRates(result)
    }

    @Test func optionNumberModeWithOptionColumns() throws {
        let result = try analyse(["mini_number.csv"])
        #expect(result.files[0].detection.mode == .number)
        #expect(result.files[0].mapping.unmapped.isEmpty)
        expectHandRates(result)
    }

    @Test func scoreMode() throws {
        let result = try analyse(["mini_score.csv"])
        #expect(result.files[0].detection.mode == .score)
        expectHandRates(result)
    }

    /// Two exports combined (the same rows saved as UTF-8 and as GB18030): each row of the second file
    /// repeats a row of the first with the same IP, so all 9 are duplicates (plus line 6 of the first)
    /// and the rates stay 5/7.
    @Test func severalExportsCombine() throws {
        let result = try analyse(["mini_text.csv", "mini_text_gb18030.csv"])
        #expect(result.rows == 18)
        #expect(result.used == 5)
        #expect(result.overall.positive == 5)
        #expect(result.excludedRows.filter { $0.reason == .duplicate }.count == 10)
        #expect(result.excludedRows.last?.file.hasSuffix("mini_text_gb18030.csv") == true)
        #expect(result.excludedRows.last?.detail.en.contains("mini_text.csv") == true)
    }

    /// mini_ragged.csv: line 2 = mini line 2 (1,2); line 3 lacks a field (excluded by the reader);
    /// lines 4, 5 = mini lines 4, 5 → (1,1), (0,1). Σy = 2, Σm = 4.
    @Test func raggedRowIsExcludedWithItsLine() throws {
        let result = try analyse(["mini_ragged.csv"])
        #expect(result.rows == 4)
        #expect(result.used == 3)
        #expect(result.excludedRows.map(\.reason) == [.raggedRow])
        #expect(result.excludedRows.map(\.line) == [3])
        #expect(result.overall.positive == 2)
        #expect(result.overall.answered == 4)
    }

    /// Options written like scores (fen.yaml: 5分 … 1分, and 性别 男/女). Six responses; by hand, item q1
    /// answers 5, 3, 2, 4, 5, 1 and q2 4, 5, 1, 4, 3, 2, so 4 + 4 of 12 answers are 3分 or more: 8/12. The
    /// text download reads in text mode (its 男/女 are option texts only; every "N分" is one too), the
    /// score download in score mode (性别 as 1/2), and both give the same counts. (Mode detection used to
    /// take any "N分" for score mode and read 男/女 as invalid: 0 valid answers of 性别.)
    @Test func optionsWrittenLikeScoresFollowTheQuestionnaire() throws {
        let survey = try QuestionnaireLoader.load(path: TestSupport.fixture("fen.yaml"))
        func run(_ name: String) throws -> SatisfactionResult {
            try SatisfactionAnalysis.run(
                exports: [TestSupport.fixture(name)], survey: survey, settings: SatisfactionSettings(survey: survey))
        }
        let text = try run("fen_text.csv")
        let score = try run("fen_score.csv")
        #expect(text.files[0].detection.mode == .text)
        #expect(score.files[0].detection.mode == .score)
        for result in [text, score] {
            #expect(result.used == 6)
            #expect(result.answerProblemCount == 0)
            #expect(result.overall.positive == 8)
            #expect(result.overall.answered == 12)
            #expect(result.optionCounts["sex"] == [3, 3])
            #expect(result.optionCounts["q1"] == [2, 1, 1, 1, 1])
        }
        // The reason counts the sampled answers that are options in each mode: text 18 of 18, score 12.
        #expect(text.files[0].detection.reason.en.hasPrefix("18 of the 18 answers"))
        #expect(text.files[0].detection.reason.en.contains("as scores: 12"))
    }

    /// A refusal for a poor fit names the mode the file was read in and how to give another.
    @Test func poorFitRefusalSuggestsMode() throws {
        let other = try QuestionnaireLoader.load(path: TestSupport.fixture("wjx800.yaml"))
        do {
            _ = try SatisfactionAnalysis.run(
                exports: [TestSupport.fixture("mini_text.csv")], survey: other,
                settings: SatisfactionSettings(survey: other))
            Issue.record("the mini export must not fit wjx800")
        } catch let error as SurveyDataError {
            #expect(error.message.en.contains("--mode text, --mode number or --mode score"))
            #expect(error.message.zh.contains("--mode"))
        }
    }

    @Test func wrongQuestionnaireThrowsWithFileAndLine() throws {
        let other = try QuestionnaireLoader.load(path: TestSupport.fixture("wjx800.yaml"))
        #expect(throws: SurveyDataError.self) {
            try SatisfactionAnalysis.run(
                exports: [TestSupport.fixture("mini_text.csv")], survey: other,
                settings: SatisfactionSettings(survey: other))
        }
    }

    // MARK: - The real 问卷星 pair

    /// The same 800 real responses in 按选项文本 and 按选项序号 mode give the same per-question counts.
    /// Expected counts were tallied from the text-mode CSV with a separate script (Python csv module,
    /// splitting on ┋), and agree with the number-mode 0/1 columns.
    @Test func realExportPairGivesTheSameCounts() throws {
        let survey = try QuestionnaireLoader.load(path: TestSupport.fixture("wjx800.yaml"))
        func run(_ name: String) throws -> SatisfactionResult {
            try SatisfactionAnalysis.run(
                exports: [TestSupport.fixture(name)], survey: survey, settings: SatisfactionSettings(survey: survey))
        }
        let text = try run("wjx800_text.csv")
        let number = try run("wjx800_number.csv")
        #expect(text.files[0].detection.mode == .text)
        #expect(number.files[0].detection.mode == .number)
        #expect(text.files[0].mapping.unmapped.isEmpty)
        #expect(number.files[0].mapping.unmapped.isEmpty)
        #expect(text.answerProblemCount == 0)
        #expect(number.answerProblemCount == 0)
        #expect(text.used == 800)
        #expect(number.used == 800)
        #expect(text.optionCounts == number.optionCounts)
        #expect(text.optionCounts["phones"] == [521, 261, 12, 6])
        #expect(text.optionCounts["sex"] == [427, 373])
        #expect(text.optionCounts["price"] == [15, 35, 88, 90, 115, 99, 105, 246, 5, 2])
        #expect(text.optionCounts["age"] == [0, 1, 62, 214, 248, 130, 103, 34, 8])
        #expect(text.optionCounts["hobbies"] == [479, 436, 461, 492, 478, 214, 95, 294, 145, 76, 184, 425, 242, 2])
        #expect(text.optionCounts["news"] == [11, 416, 448, 310, 401, 332, 270, 287, 131, 5])
        // Question 7: 10%左右 (247) + 20%左右 (293) positive of 800 → 540/800 = 0.675 in both.
        #expect(text.overall.positive == 540)
        #expect(number.overall.positive == 540)
        #expect(text.overall.answered == 800)
        // One scored item: the overall interval is Wilson (540/800 = 0.675, n = 800:
        // centre = (0.675 + 0.0024010)/1.004802 = 0.674164, half = 1.96/1.004802 · sqrt(0.000274219 + 0.0000015006)
        // = 1.950633 · 0.0166049 = 0.0323900 → [0.641773, 0.706553]).
        #expect(text.overall.intervalMethod == .wilson)
        let ci = try #require(text.overall.ci95)
        #expect(ci.lowerBound.isClose(to: 0.641773, within: 1e-5))
        #expect(ci.upperBound.isClose(to: 0.706553, within: 1e-5))
    }
}
