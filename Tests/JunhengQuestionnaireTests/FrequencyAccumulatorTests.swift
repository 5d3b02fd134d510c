import Foundation
import JunhengCore
import JunhengIngest
import JunhengStatistics
import Testing

@testable import JunhengQuestionnaire

/// Per-question counts of six responses, worked out by hand below, in text mode and in option-number
/// mode (which gives the same tables, except that it keeps no typed "other" texts).
@Suite struct FrequencyAccumulatorTests {
    static let yaml = """
        id: freq
        title: 频数测试
        groups: [家长, 教师]
        settings: {min_seconds: off}
        questions:
          - id: who
            number: 1
            text: 您的身份
            type: single
            role: group
            options: [{text: 家长, group: 家长}, {text: 教师, group: 教师}]
          - id: sat
            number: 2
            text: 您对学校的满意程度
            type: scale
            options:
              - {text: 满意, positive: true, score: 3}
              - {text: 基本满意, positive: true, score: 2}
              - {text: 不满意, score: 1}
              - {text: 不了解, excluded: true, score: 0}
          - {id: focus, number: 3, text: 您关注的方面, type: multiple, options: [课程, 作业, 其他【请注明】]}
          - id: m
            number: 4
            text: 学校情况
            type: matrix
            options:
              - {text: 满意, positive: true, score: 2}
              - {text: 不满意, score: 1}
              - {text: 不了解, excluded: true, score: 0}
            rows: [{id: ethics, text: 师德}, {id: quality, text: 质量}]
          - {id: note, number: 5, text: 您的建议, type: text}
          - {id: home, number: 6, text: 您的居住地, type: single, options: [城区, 乡镇, 其他【请注明】]}
        """

    static let textHeader = [
        "序号", "1、您的身份", "2、您对学校的满意程度", "3、您关注的方面", "4、学校情况—师德", "质量", "5、您的建议", "6、您的居住地",
    ]

    /// Lines 2…7. Line 6's 很满意 is not an option of question 2; line 7 ticks 作业 twice.
    static let textRecords: [[String]] = [
        ["1", "家长", "满意", "课程┋作业", "满意", "满意", "很好", "城区"],
        ["2", "家长", "基本满意", "课程", "不满意", "不了解", "", "乡镇"],
        ["3", "教师", "不了解", "其他【请注明】〖家访〗", "满意", "(跳过)", "(跳过)", "其他【请注明】〖县外〗"],
        ["4", "教师", "不满意", "课程┋其他【请注明】〖作业量〗", "(跳过)", "(跳过)", "  多开展活动 ", "城区"],
        ["5", "家长", "很满意", "", "满意", "不满意", "", "城区"],
        ["6", "家长", "满意", "作业┋作业", "不了解", "满意", "<b>好</b>", "乡镇"],
    ]

    static let numberHeader = [
        "序号", "1、您的身份", "2、您对学校的满意程度", "第3题(课程)", "第3题(作业)", "第3题(其他【请注明】)", "4、学校情况—师德", "质量",
        "5、您的建议", "6、您的居住地",
    ]

    /// The same answers by option number (9 is no option of question 2).
    static let numberRecords: [[String]] = [
        ["1", "1", "1", "1", "1", "0", "1", "1", "很好", "1"],
        ["2", "1", "2", "1", "0", "0", "2", "3", "", "2"],
        ["3", "2", "4", "0", "0", "1", "1", "-3", "-3", "3"],
        ["4", "2", "3", "1", "0", "1", "-3", "-3", "  多开展活动 ", "1"],
        ["5", "1", "9", "0", "0", "0", "1", "2", "", "1"],
        ["6", "1", "1", "0", "1", "0", "3", "1", "<b>好</b>", "2"],
    ]

    static func run(
        header: [String], records: [[String]], mode: WjxExportMode, by: FrequencyBreakdown? = nil,
        groups: [FrequencyGroupValues]? = nil, keepAnswers: Bool = false
    ) throws -> FrequencyResult {
        let survey = try QuestionnaireLoader.parse(yaml: yaml, file: "freq.yaml")
        var accumulator = FrequencyAccumulator(survey: survey, by: by, keepAnswers: keepAnswers)
        let mapping = WjxColumnMapping.map(header: header, survey: survey)
        #expect(mapping.unmapped.isEmpty)
        accumulator.begin(file: "mem.csv", mapping: mapping, mode: mode)
        for (index, fields) in records.enumerated() {
            CSVRow.withCopy(of: CSVRecord(line: index + 2, fields: fields), file: "mem.csv") { row in
                accumulator.add(ReaderRow(row: row), groups: groups?[index] ?? FrequencyGroupValues())
            }
        }
        return accumulator.finish(rows: records.count, excluded: 0)
    }

    /// Several counts as one array, to compare at once.
    static func figures(_ values: Int...) -> [Int] { values }

    static func counts(_ result: FrequencyResult, _ id: String) throws -> FrequencyCounts {
        try #require(result.questions.first { $0.id == id }).counts
    }

    // MARK: - One table per question

    /// Both modes: 6 respondents.
    ///   who: 家长 4 (lines 2, 3, 6, 7), 教师 2.
    ///   sat: 5 answered, line 6 invalid: 满意 2, 基本满意 1, 不满意 1, 不了解 1; positive share
    ///        (2 + 1) / (2 + 1 + 1) = 3/4 (不了解 left out); mean score (3·2 + 2·1 + 1·1) / 4 = 9/4.
    ///   focus: line 6 ticked nothing (skipped); 课程 3 (lines 2, 3, 5), 作业 2 (2, 7), 其他 2 (4, 5)
    ///        of 5: shares 3/5, 2/5, 2/5 (sum 7/5); 7 ticks / 5 = 1.4 each.
    ///   note: 3 non-empty answers (2, 5, 7); blank or (跳过) on 3, 4, 6.
    ///   home: 城区 3, 乡镇 2, 其他 1.
    @Test(arguments: [WjxExportMode.text, .number])
    func questionTables(mode: WjxExportMode) throws {
        let result =
            mode == .text
            ? try Self.run(header: Self.textHeader, records: Self.textRecords, mode: .text)
            : try Self.run(header: Self.numberHeader, records: Self.numberRecords, mode: .number)
        #expect(result.used == 6)
        #expect(result.questions.map(\.id) == ["who", "sat", "focus", "m", "note", "home"])

        let who = try Self.counts(result, "who")
        #expect(who.options.map(\.count) == [4, 2])
        let whoShares: [Double?] = [4.0 / 6, 2.0 / 6]
        #expect(who.options.map(\.share) == whoShares)
        #expect(who.positiveShare == nil)
        #expect(who.meanScore == nil)
        #expect(who.meanTicked == nil)

        let sat = try Self.counts(result, "sat")
        #expect(Self.figures(sat.answered, sat.skipped, sat.invalid, sat.notInFile) == [5, 0, 1, 0])
        #expect(sat.options.map(\.count) == [2, 1, 1, 1])
        let satShares: [Double?] = [0.4, 0.2, 0.2, 0.2]
        #expect(sat.options.map(\.share) == satShares)
        #expect(sat.positiveShare == 0.75)
        #expect(sat.meanScore == 2.25)

        let focus = try Self.counts(result, "focus")
        #expect(Self.figures(focus.answered, focus.skipped, focus.invalid) == [5, 1, 0])
        #expect(focus.options.map(\.count) == [3, 2, 2])
        let focusShares: [Double?] = [0.6, 0.4, 0.4]
        #expect(focus.options.map(\.share) == focusShares)
        #expect(focus.meanTicked == 1.4)
        #expect(focus.positiveShare == nil)

        let note = try Self.counts(result, "note")
        #expect(Self.figures(note.answered, note.skipped) == [3, 3])
        #expect(note.options.isEmpty)
        #expect(result.questions[4].answers == nil)

        let home = try Self.counts(result, "home")
        #expect(home.options.map(\.count) == [3, 2, 1])
    }

    /// The matrix, rows (师德, 质量):
    ///   师德: 满意 on 2, 4, 6; 不满意 on 3; 不了解 on 7; skipped on 5 → 5 answered; positive share
    ///         3 / (3 + 1) = 0.75; mean score (2·3 + 1·1) / 4 = 1.75.
    ///   质量: 满意 on 2, 7; 不满意 on 6; 不了解 on 3; skipped on 4, 5 → 4 answered; positive share
    ///         2/3; mean score (2·2 + 1) / 3 = 5/3.
    ///   The question: answered when any row is: 5 (all but line 5).
    @Test(arguments: [WjxExportMode.text, .number])
    func matrixRows(mode: WjxExportMode) throws {
        let result =
            mode == .text
            ? try Self.run(header: Self.textHeader, records: Self.textRecords, mode: .text)
            : try Self.run(header: Self.numberHeader, records: Self.numberRecords, mode: .number)
        let matrix = try #require(result.questions.first { $0.id == "m" })
        #expect(Self.figures(matrix.counts.answered, matrix.counts.skipped) == [5, 1])
        #expect(matrix.counts.options.isEmpty)
        #expect(matrix.rows.map(\.id) == ["ethics", "quality"])
        #expect(matrix.rows.map(\.counts.answered) == [5, 4])
        #expect(matrix.rows.map(\.counts.skipped) == [1, 2])
        #expect(matrix.rows[0].counts.options.map(\.count) == [3, 1, 1])
        #expect(matrix.rows[1].counts.options.map(\.count) == [2, 1, 1])
        #expect(matrix.rows[0].counts.positiveShare == 0.75)
        #expect(matrix.rows[0].counts.meanScore == 1.75)
        #expect(matrix.rows[1].counts.positiveShare == 2.0 / 3)
        #expect(matrix.rows[1].counts.meanScore == 5.0 / 3)
    }

    /// Text mode keeps typed texts: 其他 of question 3 twice (lines 4, 5), of question 6 once (line 4);
    /// option-number mode keeps none, so the counts are unknown, not 0.
    @Test func otherTexts() throws {
        let text = try Self.run(header: Self.textHeader, records: Self.textRecords, mode: .text)
        #expect(text.otherTextsKnown)
        #expect(try Self.counts(text, "focus").otherTexts == 2)
        #expect(try Self.counts(text, "focus").options.map(\.otherTexts) == [0, 0, 2])
        #expect(try Self.counts(text, "home").options.map(\.otherTexts) == [0, 0, 1])
        #expect(try Self.counts(text, "who").otherTexts == 0)
        let number = try Self.run(header: Self.numberHeader, records: Self.numberRecords, mode: .number)
        #expect(!number.otherTextsKnown)
        #expect(try Self.counts(number, "focus").otherTexts == nil)
        #expect(try Self.counts(number, "home").options.map(\.otherTexts) == [nil, nil, nil])
    }

    /// Free-text answers only with `--answers`, with file, line and column, trimmed, never cleaned of
    /// markup (escaping is the renderers' job).
    @Test func answersOnlyWhenAsked() throws {
        let result = try Self.run(header: Self.textHeader, records: Self.textRecords, mode: .text, keepAnswers: true)
        let note = try #require(result.questions.first { $0.id == "note" })
        #expect(
            note.answers == [
                TextAnswer(file: "mem.csv", line: 2, column: 7, text: "很好"),
                TextAnswer(file: "mem.csv", line: 5, column: 7, text: "多开展活动"),
                TextAnswer(file: "mem.csv", line: 7, column: 7, text: "<b>好</b>"),
            ])
        #expect(result.questions.filter { $0.type != .text }.allSatisfy { $0.answers == nil })
    }

    /// A question with no column in the export is neither answered nor skipped.
    @Test func questionMissingFromTheExport() throws {
        let header = Array(Self.textHeader.dropLast())
        let records = Self.textRecords.map { Array($0.dropLast()) }
        let survey = try QuestionnaireLoader.parse(yaml: Self.yaml, file: "freq.yaml")
        var accumulator = FrequencyAccumulator(survey: survey, by: nil, keepAnswers: false)
        accumulator.begin(file: "a.csv", mapping: WjxColumnMapping.map(header: header, survey: survey), mode: .text)
        for (index, fields) in records.enumerated() {
            CSVRow.withCopy(of: CSVRecord(line: index + 2, fields: fields), file: "a.csv") { row in
                accumulator.add(ReaderRow(row: row), groups: FrequencyGroupValues())
            }
        }
        let home = try Self.counts(accumulator.finish(rows: 6, excluded: 0), "home")
        #expect(Self.figures(home.answered, home.skipped, home.notInFile) == [0, 0, 6])
        #expect(home.options.map(\.share) == [nil, nil, nil])
    }

    // MARK: - Cross-tabs

    /// By question 1 (家长: lines 2, 3, 6, 7; 教师: 4, 5).
    ///   home: 家长 城区 2 (2, 6), 乡镇 2 (3, 7), 其他 0; 教师 城区 1 (5), 其他 1 (4).
    ///   χ² over [[2, 2, 0], [1, 0, 1]]: N = 6, row totals 4, 2, column totals 3, 2, 1;
    ///   E = [[2, 4/3, 2/3], [1, 2/3, 1/3]]; X² = 0 + 1/3 + 2/3 + 0 + 2/3 + 4/3 = 3, df = 2,
    ///   p = e^(−3/2); every expected count is under 5: flagged.
    ///   sat: 家长 [2, 1, 0, 0] (3 answered, line 6 invalid), 教师 [0, 0, 1, 1]; positive shares 1 and 0.
    ///   who by itself: not crossed (its groups are its own answers; a χ² of [[4, 0], [0, 2]] would
    ///   only say that a question agrees with itself).
    ///   focus (multiple): not tested.
    @Test func crossTabByQuestion() throws {
        let result = try Self.run(
            header: Self.textHeader, records: Self.textRecords, mode: .text, by: .question("who"))
        let home = try #require(result.questions.first { $0.id == "home" })
        #expect(home.groups.map(\.key) == ["家长", "教师"])
        #expect(home.groups.map { $0.counts.options.map(\.count) } == [[2, 2, 0], [1, 0, 1]])
        #expect(home.groups.map(\.counts.answered) == [4, 2])
        let homeShares: [Double?] = [0.5, 0.5, 0]
        #expect(home.groups[0].counts.options.map(\.share) == homeShares)
        let test = try #require(home.test?.test)
        #expect(abs(test.statistic - 3) < 1e-12)
        #expect(test.degreesOfFreedom == 2)
        #expect(abs(test.pValue - exp(-1.5)) < 1e-12)
        #expect(test.smallExpectedCells == 6)
        #expect(home.test?.flag == "expected-under-5")

        let sat = try #require(result.questions.first { $0.id == "sat" })
        #expect(sat.groups.map { $0.counts.options.map(\.count) } == [[2, 1, 0, 0], [0, 0, 1, 1]])
        #expect(sat.groups.map(\.counts.invalid) == [1, 0])
        let satPositive: [Double?] = [1, 0]
        #expect(sat.groups.map(\.counts.positiveShare) == satPositive)

        let who = try #require(result.questions.first { $0.id == "who" })
        #expect(who.groups.isEmpty)
        #expect(who.test == nil)

        let focus = try #require(result.questions.first { $0.id == "focus" })
        #expect(focus.test == .notApplicable)
        #expect(focus.groups.map { $0.counts.options.map(\.count) } == [[2, 2, 0], [1, 0, 2]])

        let matrix = try #require(result.questions.first { $0.id == "m" })
        #expect(matrix.test == nil)
        #expect(matrix.rows[0].groups.map { $0.counts.options.map(\.count) } == [[2, 1, 1], [1, 0, 0]])
        #expect(matrix.rows[0].test != nil)
        #expect(try #require(result.questions.first { $0.id == "note" }).test == nil)
    }

    /// By respondent group as the pipeline reads it; line 5 has none: it shows as (未填), last, and is
    /// left out of the test. home: 家长 (2, 3, 6) [2, 1, 0], 教师 (4, 7) [0, 1, 1], (未填) (5) [1, 0, 0].
    /// χ² over [[2, 1, 0], [0, 1, 1]]: N = 5, rows 3, 2, columns 2, 2, 1; E = [[1.2, 1.2, 0.6],
    /// [0.8, 0.8, 0.4]]; X² = 0.64/1.2 + 0.04/1.2 + 0.36/0.6 + 0.64/0.8 + 0.04/0.8 + 0.36/0.4 = 35/12.
    @Test func crossTabByGroupPutsMissingLast() throws {
        let groups = ["家长", "家长", "教师", nil, "家长", "教师"].map { FrequencyGroupValues(group: $0) }
        let result = try Self.run(
            header: Self.textHeader, records: Self.textRecords, mode: .text, by: .key(.group), groups: groups)
        let home = try #require(result.questions.first { $0.id == "home" })
        #expect(home.groups.map(\.key) == ["家长", "教师", "(未填)"])
        #expect(home.groups.map { $0.counts.options.map(\.count) } == [[2, 1, 0], [0, 1, 1], [1, 0, 0]])
        let test = try #require(home.test?.test)
        #expect(abs(test.statistic - 35.0 / 12) < 1e-12)
        #expect(abs(test.pValue - exp(-35.0 / 24)) < 1e-12)
    }

    @Test func breakdownArguments() throws {
        let survey = try QuestionnaireLoader.parse(yaml: Self.yaml, file: "freq.yaml")
        #expect(try FrequencyBreakdown(parsing: "Group", survey: survey) == .key(.group))
        // No township question: a cross-tab by township would be one group of "(未填)".
        #expect(throws: FrequencyBreakdown.Invalid.self) { try FrequencyBreakdown(parsing: "township", survey: survey) }
        #expect(try FrequencyBreakdown(parsing: "home", survey: survey) == .question("home"))
        #expect(throws: FrequencyBreakdown.Invalid.self) { try FrequencyBreakdown(parsing: "item", survey: survey) }
        #expect(throws: FrequencyBreakdown.Invalid.self) { try FrequencyBreakdown(parsing: "focus", survey: survey) }
        let expected = "问卷 freq 没有 id 为“nope”的题目。可用：group、township、school、grade，或单选题 id：who、sat、home。"
        do {
            _ = try FrequencyBreakdown(parsing: "nope", survey: survey)
            Issue.record("an unknown question id must be refused")
        } catch {
            let message: String = error.message.zh
            #expect(message == expected)
        }
    }
}
