import JunhengIngest
import Testing

@testable import JunhengQuestionnaire

/// Issue 10's three traps in the questionnaire area, each with the input: a 所用时间 of
/// `9999999999999999999` (with and without 秒), a scored answer `18446744073709551616`, `inf`, `1e309` or
/// `NaN` during download-mode detection, and `-9.3e18` in an option-number export. None may trap; each
/// value is an answer that is not an option (reported, not counted) or a time that cannot be read.
@Suite struct HostileNumberTests {
    let survey: Questionnaire
    init() throws { survey = try TestSupport.mini() }

    @Test func modeDetectionReadsHugeAndNonFiniteAnswersWithoutTrapping() {
        let mapping = WjxColumnMapping.map(header: TestSupport.miniHeader, survey: survey)
        for value in ["18446744073709551616", "inf", "1e309", "NaN", "-9.3e18"] {
            var fields = TestSupport.miniRecords[0]
            fields[5] = value
            let detection = WjxModeDetection.detect(
                mapping: mapping, survey: survey, sample: [CSVRecord(line: 2, fields: fields)])
            // The other answers (家长, 不满意, 课程┋作业) are option texts.
            #expect(detection.mode == .text)
        }
    }

    @Test func anOptionNumberBeyondIntIsNotAnOption() {
        let reader = WjxColumnReader(
            column: 0, kind: .answer(question: 2), question: survey.questions[2], mode: .number)
        for value in ["-9.3e18", "9.3e18", "18446744073709551616", "1e309", "inf", "NaN"] {
            #expect(reader.read(value) == .invalid, "\(value)")
        }
        #expect(reader.read("3.0") == .option(2))
    }

    /// `hostile_numbers.csv` (option-number mode; mini scale 1 满意 +, 2 基本满意 +, 3 不满意, 4 不了解):
    ///
    ///     line  a (col 6)             b   所用时间
    ///     2     18446744073709551616  1+  100秒
    ///     3     inf                   1+  100秒
    ///     4     1e309                 2+  100秒
    ///     5     NaN                   1+  100秒
    ///     6     -9.3e18               3−  100秒
    ///     7     1+                    1+  9999999999999999999秒  (not a time: not screened)
    ///     8     2+                    2+  9999999999999999999
    ///
    /// Five answers of a are not options (lines 2–6, column 6). Every row is used: answered 5 + 2·2 = 9,
    /// positive 4 + 4 = 8, rate 8/9. (5 of the 42 answers sampled, 88 %, are not options: below the fit's
    /// 90 % floor, so this runs with --allow-partial, and the result says it is partial.)
    @Test func theWholeFileIsReadWithoutTrapping() throws {
        let result = try SatisfactionAnalysis.run(
            exports: [TestSupport.fixture("hostile_numbers.csv")], survey: survey,
            settings: SatisfactionSettings(survey: survey, allowPartial: true))
        #expect(result.partial)
        #expect(result.files[0].detection.mode == .number)
        #expect(result.rows == 7)
        #expect(result.used == 7)
        #expect(result.answerProblems.map(\.line) == [2, 3, 4, 5, 6])
        #expect(result.answerProblems.allSatisfy { $0.column == 6 })
        #expect(result.overall.answered == 9)
        #expect(result.overall.positive == 8)
    }
}

extension HostileNumberTests {
    /// As the county report calls it (no --allow-partial): the same file is refused as a poor fit (5 of 42
    /// sampled answers are not options), an error the report lists in the area's place, never a trap.
    @Test func theCountyReportsCallRefusesInsteadOfTrapping() {
        #expect(throws: SurveyDataError.self) {
            try SatisfactionAnalysis.run(
                exports: [TestSupport.fixture("hostile_numbers.csv")], survey: survey, by: [.township],
                settings: SatisfactionSettings(survey: survey))
        }
    }
}
