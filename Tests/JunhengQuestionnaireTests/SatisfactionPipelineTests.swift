import JunhengCore
import JunhengIngest
import Testing

@testable import JunhengQuestionnaire

/// The nine mini records (TestSupport.miniRecords, lines 2…10), by hand. Scale: 满意 and 基本满意 positive,
/// 不满意 not, 不了解 and skips out of the denominator; min_seconds 30.
///
///     line  who   town  a      b       screening            (y, m)
///     2     家长  东镇  满意   不满意  used                 (1, 2)
///     3     家长  东镇  基本   满意    used                 (2, 2)
///     4     教师  西镇  不了解 满意    used                 (1, 1)
///     5     教师  西镇  不满意 跳过    used                 (0, 1)
///     6     = line 2, same IP          duplicate
///     7     20秒                       speeder
///     8     学生                       outside the groups
///     9     家长  西镇  不了解 跳过    no scored answer
///     10    教师  东镇  很满意 满意    used; 很满意 is not an option (column 6), so only b counts (1, 1)
@Suite struct SatisfactionPipelineTests {
    let survey: Questionnaire
    init() throws { survey = try TestSupport.mini() }

    func run(by: [GroupingKey] = [], settings: SatisfactionSettings? = nil) -> SatisfactionResult {
        TestSupport.run(
            survey, header: TestSupport.miniHeader, records: TestSupport.miniRecords, by: by, settings: settings)
    }

    @Test func emptyExportHasNoRate() {
        let result = TestSupport.run(survey, header: TestSupport.miniHeader, records: [])
        #expect(result.rows == 0)
        #expect(result.overall.rate == nil)
        #expect(result.overall.ci95 == nil)
        #expect(result.overall.meetsThreshold == nil)
    }

    @Test func oneRespondent() throws {
        // Line 3 alone: a 基本满意 (+), b 满意 (+) → 2/2 = 1.0; one cluster, no interval.
        let result = TestSupport.run(survey, header: TestSupport.miniHeader, records: [TestSupport.miniRecords[1]])
        #expect(result.overall.rate == 1)
        #expect(result.overall.respondents == 1)
        #expect(result.overall.ci95 == nil)
    }

    /// Overall: Σy = 1+2+1+0+1 = 5, Σm = 2+2+1+1+1 = 7, r = 5/7 = 0.714286.
    /// Residuals y − r·m: −0.428571, 0.571429, 0.285714, −0.714286, 0.285714; squares sum 1.183673.
    /// var = 5/4 · 1.183673 / 49 = 0.0301957; half = 1.96 · 0.173769 = 0.340587; CI [0.373699, 1].
    @Test func overallRateAndClusteredInterval() throws {
        let result = run()
        #expect(result.rows == 9)
        #expect(result.used == 5)
        #expect(result.excluded == 4)
        #expect(result.overall.positive == 5)
        #expect(result.overall.answered == 7)
        #expect(result.overall.respondents == 5)
        #expect(try #require(result.overall.rate).isClose(to: 5.0 / 7.0))
        let ci = try #require(result.overall.ci95)
        #expect(ci.lowerBound.isClose(to: 0.373699))
        #expect(ci.upperBound == 1)
        #expect(result.overall.intervalMethod == .clustered)
        #expect(result.overall.meetsThreshold == false)
    }

    /// 东镇: lines 2, 3, 10 → (1,2), (2,2), (1,1) = 4/5 = 0.8; residuals −0.6, 0.4, 0.2, squares 0.56;
    /// var = 3/2 · 0.56 / 25 = 0.0336, half = 1.96 · 0.183303 = 0.359274 → [0.440726, 1].
    /// 西镇: lines 4, 5 → (1,1), (0,1) = 1/2.
    @Test func byTownship() throws {
        let cells = run(by: [.township]).groups
        #expect(cells.map(\.key) == [["东镇"], ["西镇"]])
        #expect(cells[0].positive == 4)
        #expect(cells[0].answered == 5)
        #expect(cells[0].respondents == 3)
        let ci = try #require(cells[0].ci95)
        #expect(ci.lowerBound.isClose(to: 0.440726))
        #expect(ci.upperBound == 1)
        #expect(cells[1].rate == 0.5)
        #expect(cells[1].respondents == 2)
        #expect(cells[1].belowMinN == false)  // min_n 2
    }

    /// Item a: 满意 (+), 基本满意 (+), 不满意 (−) → 2/3 (不了解 and the invalid 很满意 are out).
    /// Wilson(2, 3): centre = (0.666667 + 0.640267)/2.280533 = 0.573082, half = 0.859448 · 0.425188
    /// = 0.365427 → [0.207655, 0.938509]. Item b: 不满意, 满意, 满意, 满意 → 3/4.
    @Test func byItemUsesWilson() throws {
        let cells = run(by: [.item]).groups
        #expect(cells.map(\.key) == [["a"], ["b"]])
        #expect(cells[0].positive == 2)
        #expect(cells[0].answered == 3)
        #expect(cells[0].intervalMethod == .wilson)
        let ci = try #require(cells[0].ci95)
        #expect(ci.lowerBound.isClose(to: 0.207655))
        #expect(ci.upperBound.isClose(to: 0.938509))
        #expect(cells[1].positive == 3)
        #expect(cells[1].answered == 4)
    }

    /// 家长: lines 2, 3 → 3/4; 教师: lines 4, 5, 10 → 2/3. In questionnaire group order.
    @Test func byGroup() {
        let cells = run(by: [.group]).groups
        #expect(cells.map(\.key) == [["家长"], ["教师"]])
        #expect(cells.map(\.positive) == [3, 2])
        #expect(cells.map(\.answered) == [4, 3])
        #expect(run().usedByGroup == ["家长": 2, "教师": 3])
    }

    /// gov = item a (2/3), sch = item b (3/4), both pooled per respondent.
    @Test func byDimension() {
        let cells = run(by: [.dimension]).groups
        #expect(cells.map(\.key) == [["gov"], ["sch"]])
        #expect(cells.map { $0.label.map(\.zh) } == [["政府"], ["学校"]])
        #expect(cells.map(\.positive) == [2, 3])
        #expect(cells.map(\.answered) == [3, 4])
    }

    /// Township then group: 东镇/家长 = lines 2, 3 (3/4); 东镇/教师 = line 10 (1/1);
    /// 西镇/教师 = lines 4, 5 (1/2).
    @Test func nestedTownshipThenGroup() {
        let cells = run(by: [.township, .group]).groups
        #expect(cells.map(\.key) == [["东镇", "家长"], ["东镇", "教师"], ["西镇", "教师"]])
        #expect(cells.map(\.positive) == [3, 1, 1])
        #expect(cells.map(\.answered) == [4, 1, 2])
    }

    @Test func everyScreeningRuleWithLineAndReason() {
        let result = run()
        #expect(result.excludedRows.map(\.line) == [6, 7, 8, 9])
        #expect(result.excludedRows.map(\.reason) == [.duplicate, .speeder, .outsideGroups, .noScoredAnswer])
        #expect(result.excludedRows[0].detail.en == "same answers and IP as line 2")
        #expect(result.excludedRows[0].detail.zh == "与第 2 行答案和IP相同")
        #expect(result.excludedRows[1].detail.en == "20 s < 30 s")
        #expect(result.excludedRows[2].detail.text(.zh) == "学生" && result.excludedRows[2].detail.text(.en) == "学生")
    }

    @Test func invalidAnswerIsReportedWithLineAndColumnAndNotCounted() {
        let result = run()
        #expect(result.answerProblemCount == 1)
        #expect(result.answerProblems.first?.line == 10)
        #expect(result.answerProblems.first?.column == 6)
        #expect(result.answerProblems.first?.question == "a")
        #expect(result.answerProblems.first?.value == "很满意")
    }

    /// --keep-all: all nine rows used. Adds line 6 (1,2), line 7 (2,2), line 8 (2,2), line 9 (0,0):
    /// Σy = 5+1+2+2 = 10, Σm = 7+2+2+2 = 13 → 10/13; line 8's group is (组外).
    @Test func keepAllTurnsScreeningOff() throws {
        var settings = SatisfactionSettings(survey: survey)
        settings.keepAll = true
        let result = run(by: [.group], settings: settings)
        #expect(result.used == 9)
        #expect(result.excludedRows.isEmpty)
        #expect(result.overall.positive == 10)
        #expect(result.overall.answered == 13)
        #expect(result.groups.map(\.key) == [["家长"], ["教师"], ["(组外)"]])
    }

    /// --min-seconds 0 (nil) keeps the speeder on line 7: adds (2,2) → 7/9.
    @Test func minSecondsOverride() {
        let settings = SatisfactionSettings(survey: survey, minSeconds: .some(nil))
        let result = run(settings: settings)
        #expect(result.excludedRows.map(\.reason) == [.duplicate, .outsideGroups, .noScoredAnswer])
        #expect(result.overall.positive == 7)
        #expect(result.overall.answered == 9)
    }

    @Test func duplicatesNeedTheSameIP() {
        var records = TestSupport.miniRecords
        records[4][2] = "9.9.9.9(安徽-亳州)"  // line 6: same answers as line 2, other IP
        let result = TestSupport.run(survey, header: TestSupport.miniHeader, records: records)
        #expect(!result.excludedRows.contains { $0.reason == .duplicate })
        #expect(result.used == 6)
    }

    @Test func optionCountsOfUsedResponses() {
        // Used lines 2, 3, 4, 5, 10: focus 课程┋作业, 课程, 作业, 其他〖家访〗, 课程 → 3, 2, 1.
        #expect(run().optionCounts["focus"] == [3, 2, 1])
        #expect(run().optionCounts["who"] == [2, 3, 0])
    }

    /// Weights 家长 = 0.6, 教师 = 0.4: 0.6 · 3/4 + 0.4 · 2/3 = 0.45 + 0.266667 = 0.716667.
    @Test func weightedCombinationSaysSo() throws {
        let settings = SatisfactionSettings(survey: survey, weights: ["家长": 0.6, "教师": 0.4])
        let weighted = try #require(run(settings: settings).weighted)
        #expect(try #require(weighted.rate).isClose(to: 0.716667))
        #expect(run().weighted == nil)
    }

    /// Parents are 2 of 5 used = 40 % < 50 %; population 3000 · 1.5 ‰ = 4.5 → 5 needed, 5 used.
    @Test func sampleChecks() {
        let settings = SatisfactionSettings(survey: survey, population: 3000)
        let checks = run(settings: settings).sampleChecks
        #expect(checks.map(\.kind) == [.parentShare, .sampleSize])
        #expect(checks[0].value == 0.4)
        #expect(checks[0].passes == false)
        #expect(checks[1].required == 5)
        #expect(checks[1].passes == true)
    }

    @Test func cellsUnderMinNAreFlaggedNotHidden() {
        let settings = SatisfactionSettings(survey: survey, minN: 3)
        let cells = run(by: [.township], settings: settings).groups
        #expect(cells.map(\.belowMinN) == [false, true])
    }

    @Test func raggedRowsFromTheReaderAreExcludedRows() {
        var pipeline = SatisfactionPipeline(survey: survey, settings: SatisfactionSettings(survey: survey))
        pipeline.consume(header: TestSupport.miniHeader, line: 1, file: "r.csv")
        pipeline.consume(record: CSVRecord(line: 2, fields: TestSupport.miniRecords[0]))
        pipeline.consume(
            summary: CSVReadSummary(
                file: "r.csv", encoding: .utf8, delimiter: .comma, header: TestSupport.miniHeader, headerLine: 1,
                rows: 1,
                lines: 3, bytes: 100,
                problems: [
                    IngestProblem(
                        kind: .raggedRow, location: .init(file: "r.csv", line: 3),
                        message: LocalizedText(verbatim: "7 fields, header has 8"))
                ]))
        let result = pipeline.finish()
        #expect(result.rows == 2)
        #expect(result.used == 1)
        #expect(result.excludedRows.map(\.reason) == [.raggedRow])
        #expect(result.excludedRows.map(\.line) == [3])
    }

    /// Free-text townships are folded: " 东镇", "东镇　" (ideographic space) and "东镇" are one township.
    @Test func townshipSpellingsAreFolded() {
        var records = Array(TestSupport.miniRecords[0..<3])
        records[0][4] = " 东镇"
        records[1][4] = "东镇\u{3000}"
        records[2][4] = "东镇"
        let cells = TestSupport.run(survey, header: TestSupport.miniHeader, records: records, by: [.township]).groups
        #expect(cells.map(\.key) == [["东镇"]])
        #expect(cells[0].respondents == 3)
    }

    /// Overall, then group (家长, 教师), township (东镇, 西镇), grade (none asked), item (a, b),
    /// dimension (gov, sch): 1 + 2 + 2 + 2 + 2 = 9 cells; school is not asked, so no school cells.
    @Test func cutCellsForTheHistoryStore() {
        let cells = run().cutCells()
        #expect(
            cells.map(\.dimension) == [
                "overall", "group", "group", "township", "township", "item", "item", "dimension", "dimension",
            ])
        #expect(cells.map(\.key) == ["", "家长", "教师", "东镇", "西镇", "a", "b", "gov", "sch"])
        #expect(cells[0].cell.positive == 5)
    }
}

/// The pipeline is a value: a copy taken mid-stream goes its own way (its hot state lives in a class
/// that is copied on write), so neither copy sees the other's later rows.
@Suite struct SatisfactionPipelineValueTests {
    func feed(_ pipeline: inout SatisfactionPipeline, rows range: Range<Int>, path: String, copyAt: Int? = nil)
        throws -> (copy: SatisfactionPipeline?, summary: CSVReadSummary)
    {
        var copy: SatisfactionPipeline?
        var index = 0
        let summary = try CSVFile(path: path).scan(
            header: { names, line in pipeline.consume(header: names, line: line, file: path) },
            row: { row in
                defer { index += 1 }
                if index == copyAt { copy = pipeline }
                if range.contains(index) { try pipeline.consume(row: row) }
            })
        pipeline.consume(summary: summary)
        return (copy, summary)
    }

    @Test func aCopyTakenMidStreamIsIndependent() throws {
        let survey = try SurveyCatalog(directories: [TestSupport.surveysDirectory]).resolve("public")
        let path = TestSupport.surveysDirectory + "/../sample-responses/survey-public.csv"
        let settings = SatisfactionSettings(survey: survey)

        var whole = SatisfactionPipeline(survey: survey, settings: settings, by: [.township, .group])
        _ = try feed(&whole, rows: 0..<Int.max, path: path)
        var firstPart = SatisfactionPipeline(survey: survey, settings: settings, by: [.township, .group])
        _ = try feed(&firstPart, rows: 0..<300, path: path)

        // One pass: copy after 300 rows, then the original goes on to the end.
        var original = SatisfactionPipeline(survey: survey, settings: settings, by: [.township, .group])
        let (taken, summary) = try feed(&original, rows: 0..<Int.max, path: path, copyAt: 300)
        var copy = try #require(taken)
        copy.consume(summary: summary)

        let originalResult = original.finish()
        let wholeResult = whole.finish()
        #expect(originalResult.overall == wholeResult.overall)
        #expect(originalResult.groups == wholeResult.groups)
        let copyResult = copy.finish()
        let firstResult = firstPart.finish()
        #expect(copyResult.overall == firstResult.overall)
        #expect(copyResult.groups == firstResult.groups)
        #expect(copyResult.overall != originalResult.overall)
    }
}

extension SatisfactionPipelineTests {
    /// Issue 9 case 9: 北镇's two respondents answer both items 满意 → 4 of 4, every respondent at r = 1;
    /// the clustered interval would be [1, 1]. Wilson(1, n = 2 respondents): z²/n = 1.9208, denominator
    /// 2.9208; centre = (1 + 0.9604) / 2.9208 = 0.671186; half = 1.96 / 2.9208 · √(3.8416/16) = 0.671049 · 0.49
    /// = 0.328814; CI = [0.342372, 1].
    @Test func aTownshipAllPositiveGetsWilsonOnItsRespondents() throws {
        var records = TestSupport.miniRecords
        records[0] = ["1", "100秒", "9.9.9.1", "家长", "北镇", "满意", "满意", "课程"]
        records[1] = ["2", "100秒", "9.9.9.2", "教师", "北镇", "满意", "基本满意", "课程"]
        let cells = TestSupport.run(survey, header: TestSupport.miniHeader, records: records, by: [.township]).groups
        let north = try #require(cells.first { $0.key == ["北镇"] })
        #expect(north.answered == 4)
        #expect(north.positive == 4)
        #expect(north.intervalMethod == .respondentWilson)
        let ci = try #require(north.ci95)
        #expect(ci.lowerBound.isClose(to: 0.342372))
        #expect(ci.upperBound == 1)
    }
}
