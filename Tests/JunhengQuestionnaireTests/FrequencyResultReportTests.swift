import Foundation
import JunhengCore
import JunhengIngest
import JunhengReports
import Testing

@testable import JunhengQuestionnaire

/// The frequency result in JSON and in the report model, on the six hand-counted responses of
/// FrequencyAccumulatorTests.
@Suite struct FrequencyResultReportTests {
    static func result(by: FrequencyBreakdown? = nil, answers: Bool = false) throws -> FrequencyResult {
        try FrequencyAccumulatorTests.run(
            header: FrequencyAccumulatorTests.textHeader, records: FrequencyAccumulatorTests.textRecords, mode: .text,
            by: by, keepAnswers: answers)
    }

    /// The JSON of `junheng frequencies` on the same six responses, through the satisfaction pipeline
    /// (no IP, time or skipped answers to screen: all six are used), in text or option-number mode.
    static func json(by: FrequencyBreakdown? = nil, number: Bool = false) throws -> [String: Any] {
        let survey = try QuestionnaireLoader.parse(yaml: FrequencyAccumulatorTests.yaml, file: "freq.yaml")
        var settings = SatisfactionSettings(survey: survey)
        settings.frequencies = FrequencyRequest(by: by)
        var pipeline = SatisfactionPipeline(survey: survey, settings: settings)
        let header = number ? FrequencyAccumulatorTests.numberHeader : FrequencyAccumulatorTests.textHeader
        let records = number ? FrequencyAccumulatorTests.numberRecords : FrequencyAccumulatorTests.textRecords
        pipeline.consume(header: header, line: 1, file: "mem.csv")
        for (index, fields) in records.enumerated() {
            pipeline.consume(record: CSVRecord(line: index + 2, fields: fields))
        }
        let result = pipeline.finish()
        #expect(result.used == 6)
        let text = try JSONOutput.encode(result.frequencyJSON(in: .zh))
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: - JSON

    /// The document of issue 13: `{"survey", "respondents": {"rows", "used", "excluded"}, "questions":
    /// [{"id", "number", "text", "type", "answered", "skipped", "options": [{"text", "count", "share"}],
    /// "rows": [{"id", "text", "answered", "options"}]}]}`, `rows` for matrices only.
    @Test func jsonDocument() throws {
        let json = try Self.json()
        #expect(json["survey"] as? String == "freq")
        #expect(json["respondents"] as? [String: Int] == ["rows": 6, "used": 6, "excluded": 0, "skipped": 0])
        #expect(json["partial"] as? Bool == false)
        #expect(json["by"] is NSNull)
        let questions = try #require(json["questions"] as? [[String: Any]])
        #expect(questions.map { $0["id"] as? String } == ["who", "sat", "focus", "m", "note", "home"])
        for question in questions {
            for key in ["id", "number", "text", "type", "answered", "skipped", "options"] {
                #expect(question[key] != nil, "\(key)")
            }
            #expect((question["rows"] != nil) == (question["type"] as? String == "matrix"))
            #expect(question["groups"] == nil && question["chi2"] == nil)
        }
        let sat = questions[1]
        #expect(sat["number"] as? Int == 2)
        #expect(sat["type"] as? String == "scale")
        #expect(sat["answered"] as? Int == 5)
        #expect(sat["invalid"] as? Int == 1)
        #expect(sat["positive_share"] as? Double == 0.75)
        #expect(sat["mean_score"] as? Double == 2.25)
        let options = try #require(sat["options"] as? [[String: Any]])
        #expect(options.map { Set($0.keys) } == Array(repeating: ["text", "count", "share", "other_texts"], count: 4))
        #expect(options.map { $0["text"] as? String } == ["满意", "基本满意", "不满意", "不了解"])
        #expect(options.map { $0["count"] as? Int } == [2, 1, 1, 1])
        #expect(options.map { $0["share"] as? Double } == [0.4, 0.2, 0.2, 0.2])
        #expect(questions[2]["mean_ticked"] as? Double == 1.4)
        #expect(questions[2]["other_texts"] as? Int == 2)
        let rows = try #require(questions[3]["rows"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["ethics", "quality"])
        #expect(rows.map { $0["answered"] as? Int } == [5, 4])
        #expect(Set(rows[0].keys) == ["id", "text", "answered", "skipped", "options", "positive_share", "mean_score"])
        #expect(questions[4]["answers"] == nil)
    }

    /// With `--by`: each question gains `groups [{key, answered, options}]` and `chi2 {statistic, df,
    /// p, flag}` (null figures and a flag for a multiple choice).
    @Test func jsonCrossTab() throws {
        let json = try Self.json(by: .question("who"))
        #expect(json["by"] as? String == "who")
        let questions = try #require(json["questions"] as? [[String: Any]])
        let home = questions[5]
        let groups = try #require(home["groups"] as? [[String: Any]])
        #expect(groups.map { $0["key"] as? String } == ["家长", "教师"])
        #expect(groups.map { $0["answered"] as? Int } == [4, 2])
        let chi2 = try #require(home["chi2"] as? [String: Any])
        #expect(Set(chi2.keys) == ["method", "statistic", "df", "p", "flag", "cramers_v", "yates", "fisher_p"])
        #expect(chi2["method"] as? String == "pearson")
        #expect(abs((chi2["statistic"] as? Double ?? 0) - 3) < 1e-12)
        #expect(chi2["df"] as? Int == 2)
        #expect(chi2["flag"] as? String == "expected-under-5")
        // Cramér's V = √(X² / (N (min(r, c) − 1))) = √(3 / 6) for the 2 × 3 table of 6 respondents.
        #expect(abs((chi2["cramers_v"] as? Double ?? 0) - 0.5.squareRoot()) < 1e-12)
        // A 2 × 3 table has no Yates correction or Fisher's exact p.
        #expect(chi2["yates"] is NSNull && chi2["fisher_p"] is NSNull)
        let focus = try #require(questions[2]["chi2"] as? [String: Any])
        #expect(focus["statistic"] is NSNull)
        #expect(focus["flag"] as? String == "multiple-choice")
        let matrixRows = try #require(questions[3]["rows"] as? [[String: Any]])
        #expect(matrixRows[0]["groups"] != nil && matrixRows[0]["chi2"] != nil)
    }

    /// Typed "other" texts unknown in number mode: `null`, never 0.
    @Test func jsonOtherTextsUnknown() throws {
        let json = try Self.json(number: true)
        #expect(json["other_texts_known"] as? Bool == false)
        let questions = try #require(json["questions"] as? [[String: Any]])
        #expect(questions.allSatisfy { $0["other_texts"] is NSNull })
    }

    // MARK: - Report model

    /// A chart per question with options (not the free-text one), bars = shares in questionnaire order;
    /// a matrix has a group of bars per row.
    @Test func chartPerQuestion() throws {
        let charts = try Self.result().charts()
        #expect(
            charts.map(\.id) == [
                "frequencies-freq-who", "frequencies-freq-sat", "frequencies-freq-focus",
                "frequencies-freq-m", "frequencies-freq-home",
            ])
        #expect(charts[1].series[0].points.map(\.value) == [0.4, 0.2, 0.2, 0.2])
        #expect(charts[1].series[0].points.map(\.label.zh) == ["满意", "基本满意", "不满意", "不了解"])
        // The matrix has positive options: one bar per row, its positive share (师德 3 of 4 counted,
        // 质量 2 of 3; 不了解 left out).
        #expect(charts[3].series.count == 1)
        #expect(charts[3].series[0].points.map(\.label.zh) == ["师德", "质量"])
        #expect(charts[3].series[0].points.map(\.value) == [0.75, 2.0 / 3])
        #expect(charts[3].title.zh == "4. 学校情况（矩阵量表题）：各行肯定比例（满意）")
        #expect(charts[1].title.zh == "2. 您对学校的满意程度（量表题）")
        let svg = SVGChartRenderer().render(charts[2])
        #expect(svg.contains("data-label=\"课程\" data-value=\"0.6\""))
    }

    /// The question table: options, then answered, skipped and invalid; the notes carry the scale
    /// figures. Rendered for the terminal in English.
    @Test func questionTable() throws {
        let tables = try Self.result().tables()
        #expect(tables.count == 6)
        let sat = tables[1]
        #expect(sat.columns.map(\.key) == ["option", "count", "share"])
        #expect(sat.rows.count == 4 + 3)
        #expect(sat.notes.map(\.zh) == ["肯定比例（满意、基本满意）75.0%，不含“不了解”；平均分 2.25。"])
        let text = TableRenderer(language: .en).terminal(tables[2])
        #expect(text.contains("Typed \"other\""))
        #expect(text.contains("each respondent ticked 1.40 on average"))
    }

    /// With `--by`: a cross-tab after each question (one per matrix row), with its test in a note.
    @Test func crossTabTables() throws {
        let tables = try Self.result(by: .question("who")).tables()
        let ids = tables.map(\.id)
        #expect(ids.contains("frequencies-freq-home-by-who"))
        #expect(ids.contains("frequencies-freq-m-ethics-by-who"))
        #expect(ids.contains("frequencies-freq-m-quality-by-who"))
        let home = try #require(tables.first { $0.id == "frequencies-freq-home-by-who" })
        #expect(home.rows.count == 2)
        // 家长 城区 2 乡镇 2 其他 0, 教师 1 0 1: X² = 3 (FrequencyAccumulatorTests), p = e^(−3/2) = 0.223,
        // V = √(3/6) = 0.707.
        #expect(
            home.notes.map(\.zh) == [
                "Pearson χ² 独立性检验（未作连续性校正）：χ² = 3.00，自由度 2，p = 0.223；Cramér's V = 0.707（未填分组不计）。"
                    + "注意：6 个格的期望频数小于 5，上述 p 值仅为近似。表大于 2×2，不做精确检验：可合并人数少的组或选项。"
            ])
    }

    /// A 2 × 2 cross-tab with small expected counts gives Yates' χ² and Fisher's exact p beside Pearson's:
    /// [[8, 2], [1, 5]] has X² = 6.112 (p = 0.013) with expected counts 5.625, 4.375, 3.375 and 2.625 (three
    /// under 5), Yates 14400/3780 = 3.81 (p = 0.051), Fisher 5/143 =
    /// 0.035 (hand-worked in YatesCorrectionTests and FisherExactTestTests). A large 2 × 2 table states the
    /// method and nothing else.
    @Test func twoByTwoNoteGivesYatesAndFisher() {
        let note = FrequencyResult.testNote(CrossTabTest.run([[8, 2], [1, 5]]))
        #expect(
            note.en
                == "Pearson's χ² test of independence (no continuity correction): χ² = 6.11, df = 1, p = 0.013; "
                + "Cramér's V = 0.618 (respondents without a group left out). Caution: 3 cells have an expected "
                + "count under 5; this p-value is approximate. For this 2 × 2 table: Yates-corrected χ² = 3.81, "
                + "p = 0.051; Fisher's exact test (two-sided) p = 0.035.")
        let large = FrequencyResult.testNote(CrossTabTest.run([[120, 80], [95, 105]]))
        #expect(large.en.hasPrefix("Pearson's χ² test of independence (no continuity correction): χ² = 6.29"))
        #expect(!large.en.contains("Yates") && !large.en.contains("Fisher"))
        #expect(CrossTabTest.run([[120, 80], [95, 105]]).smallTableAlternatives == nil)
    }

    /// Answers appear only with `--answers`, never in the report's section (aggregates only), and are
    /// escaped wherever HTML or Markdown shows them.
    @Test func answersAreEscapedInHTML() throws {
        #expect(try !Self.result().tables().contains { $0.id.hasSuffix("-answers") })
        let result = try Self.result(answers: true)
        let answers = try #require(result.tables().first { $0.id == "frequencies-freq-note-answers" })
        #expect(answers.rows.count == 3)
        let section = result.section()
        #expect(!section.panels.flatMap(\.tables).contains { $0.id.hasSuffix("-answers") })
        #expect(
            !HTMLRenderer().render(ReportDocument(title: LocalizedText(verbatim: "t"), sections: [section]))
                .contains("好</b>"))
        let html = HTMLRenderer().render(
            ReportDocument(
                title: LocalizedText(verbatim: "t"),
                sections: [ReportSection(id: "answers", title: LocalizedText(verbatim: "a"), tables: [answers])]))
        #expect(!html.contains("<b>好</b>"))
        #expect(html.contains("&lt;b&gt;好&lt;/b&gt;"))
        #expect(TableRenderer().markdown(answers).contains("&lt;b>好&lt;/b>"))
    }

    /// The long table for CSV and the workbook: a line per option (per row, per group).
    @Test func longTable() throws {
        let table = try Self.result(by: .question("who")).longTable()
        #expect(
            table.columns.map(\.key) == [
                "number", "question", "type", "row", "group", "answered", "skipped", "invalid", "not_in_file", "option",
                "count", "share", "chi2", "df", "p", "cramers_v", "yates_chi2", "yates_p", "fisher_p", "test",
            ])
        // who 2 options (not crossed with itself), sat 4 × 3 (all + 2 groups), focus 3 × 3, matrix 2 rows
        // × 3 options × 3, note 1 × 3, home 3 × 3.
        #expect(table.rows.count == 2 + 12 + 9 + 18 + 3 + 9)
        let csv = TableRenderer().csv(table)
        // Every line of a question carries its test (X² = 3, df 2, V = √½ = 0.7071): CSV keeps rows, not notes.
        #expect(csv.contains("6,您的居住地,单选题,,家长,4,0,0,0,城区,2,50.0%,3.0000,2,"))
        #expect(csv.contains(",0.7071,,,,Pearson χ² 独立性检验"))
        // The grouping question is not tested against itself: its lines have no test.
        #expect(
            csv.contains("1,您的身份,单选题,,全部,6,0,0,0,家长,4,66.7%,,,,,,,,\r\n")
                || csv.contains("1,您的身份,单选题,,全部,6,0,0,0,家长,4,66.7%,,,,,,,,\n"))
    }

    /// An option whose respondents were screened out (outside the questionnaire's groups) counts 0 and
    /// says why, in the table's notes, the long table's note column and the JSON: in the mini export,
    /// line 8 answers 学生 (`outside: true`), so 学生 counts 0 and 1 respondent was screened out for it;
    /// the used lines 2, 3, 4, 5 and 10 are 家长 2, 教师 3.
    @Test func screenedOutOptionIsExplained() throws {
        let survey = try TestSupport.mini()
        var settings = SatisfactionSettings(survey: survey)
        settings.frequencies = FrequencyRequest()
        let result = try SatisfactionAnalysis.run(
            exports: [TestSupport.fixture("mini_text.csv")], survey: survey, settings: settings)
        let frequencies = try #require(result.frequencies)
        let who = try #require(frequencies.questions.first { $0.id == "who" })
        #expect(who.counts.options.map(\.count) == [2, 3, 0])
        #expect(frequencies.screenedOptions(of: "who").map(\.option) == [2])
        #expect(frequencies.screenedOptions(of: "who").map(\.count) == [1])
        let table = try #require(frequencies.tables().first { $0.id == "frequencies-mini-who" })
        #expect(
            table.notes.map { $0.text(.en) } == [
                "学生 counts 0: the 1 respondents who chose it are outside the questionnaire's groups and were "
                    + "screened out (--keep-all counts them)."
            ])
        let long = frequencies.longTable()
        #expect(long.columns.last?.key == "note")
        #expect(TableRenderer().csv(long).contains("学生,0,0.0%,“学生”计 0 人：选此项的 1 人不属于本问卷的调查对象"))
        let text = try JSONOutput.encode(result.frequencyJSON(in: .en))
        #expect(
            text.contains("\"screened_out\" : [\n        {\n          \"count\" : 1,\n          \"option\" : \"学生\""))
    }
}
