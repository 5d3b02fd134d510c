import Foundation
import JunhengCore
import JunhengIngest
import JunhengReports
import Testing

@testable import JunhengQuestionnaire

/// Issue 9: every ordinary mistake that used to change a figure silently is refused or stated next to the
/// figures. Each test names its case; expected values are worked out by hand from the fixtures.
@Suite struct SatisfactionCaveatTests {
    let mini: Questionnaire
    let catalog: SurveyCatalog
    init() throws {
        mini = try TestSupport.mini()
        catalog = SurveyCatalog(directories: [TestSupport.surveysDirectory])
    }

    func sample(_ name: String) -> String { SampleResponsesTests.folder.appendingPathComponent(name).path }

    func refusal(_ body: () throws -> Void) -> SurveyDataError? {
        do {
            try body()
            return nil
        } catch let error as SurveyDataError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    // MARK: - Case 1: the wrong questionnaire

    /// The teacher export (option numbers) read with the public questionnaire. Its header (29 columns, 6
    /// metadata) maps 7 of 23 question columns onto public: 1 身份, 3 乡镇, 5 → gov_priority, 10 →
    /// school_quality_ed, 12 → school_burden, 13 → overall, 15 → suggestions; so 4 of public's 12 scored
    /// items (33 %, under the 80 % floor). The numbers 1–5 are options of any scale, so most answers are
    /// "valid": only the item and column shares give it away. teacher itself: 12/12 items, 23/23 columns.
    @Test func theWrongQuestionnaireIsRefusedNamingTheOneThatFits() throws {
        let publicSurvey = try catalog.resolve("public")
        let others = try catalog.load().questionnaires.filter { $0.id != "public" }
        let error = try #require(
            refusal {
                _ = try SatisfactionAnalysis.run(
                    exports: [sample("survey-teacher.csv")], survey: publicSurvey,
                    settings: SatisfactionSettings(survey: publicSurvey), otherQuestionnaires: others)
            })
        #expect(error.location == SourceLocation(file: sample("survey-teacher.csv"), line: 1))
        #expect(
            error.message.en.hasPrefix(
                "this export does not fit questionnaire public (scored items 4/12, question columns 7/23"))
        #expect(
            error.message.en.contains("It fits questionnaire teacher best (scored items 12/12, question columns 23/23"))
        #expect(
            error.message.en.hasSuffix(
                "To go on anyway, add --allow-partial: the result is then labelled partial in every output."))
    }

    /// With --allow-partial it goes on, and the result says so: in the summary table (a row CSV keeps),
    /// in every rate row's 备注, in the table titles, in JSON and in the report's bar.
    @Test func allowPartialGoesOnAndLabelsEveryOutput() throws {
        let publicSurvey = try catalog.resolve("public")
        let result = try SatisfactionAnalysis.run(
            exports: [sample("survey-teacher.csv")], survey: publicSurvey, by: [.township],
            settings: SatisfactionSettings(survey: publicSurvey, allowPartial: true))
        #expect(result.partial)
        let tables = result.tables()
        #expect(tables[0].rows[0][1] == ReportCell(.text(LocalizedText(zh: "部分结果", en: "partial")), fails: true))
        let byTownship = tables[1]
        #expect(byTownship.title.en.hasSuffix(" — partial"))
        #expect(
            byTownship.rows.allSatisfy {
                TableRenderer(language: .en).csv(
                    ReportTable(id: "", title: byTownship.title, columns: byTownship.columns, rows: [$0])
                ).contains("partial")
            })
        let json = try JSONOutput.encode(result.jsonDocument(in: .en))
        #expect(json.contains("\"partial\" : true"))
        let bar = try #require(result.reportSection().bars.first)
        #expect(bar.name.zh.hasSuffix("——部分结果"))
    }

    /// `survey check` on another questionnaire's export shows the check (the fit table first) and hands
    /// back the refusal, instead of exiting 0 with every row 不属于调查对象.
    @Test func surveyCheckShowsTheFitAndRefuses() throws {
        let teacher = try catalog.resolve("teacher")
        let check = try SurveyCheck.run(
            exports: [sample("survey-public.csv")], survey: teacher,
            settings: SatisfactionSettings(survey: teacher), otherQuestionnaires: [try catalog.resolve("public")])
        #expect(check.refusal != nil)
        let fit = check.result.checkTables()[0]
        #expect(fit.id == "survey-check-fit")
        #expect(fit.rows.map { $0[1] } == [.text("teacher"), .text("public")])
    }

    // MARK: - Case 2: scored items without a column

    /// public_missing_item.csv: the first 40 rows of the public sample without column 12 (6. gov_moral):
    /// 11 of 12 items (92 %) is a fit, so the rate stands, labelled "over 11 of 12 scored items" and the
    /// missing item named, in every output.
    @Test func aMissingItemIsNamedAndTheRateSaysOverWhat() throws {
        let publicSurvey = try catalog.resolve("public")
        let result = try SatisfactionAnalysis.run(
            exports: [TestSupport.fixture("public_missing_item.csv")], survey: publicSurvey, by: [.township],
            settings: SatisfactionSettings(survey: publicSurvey))
        #expect(!result.partial)
        #expect(result.ratedItems == 11)
        #expect(result.missingItems.map(\.item.id) == ["gov_moral"])
        let summary = result.tables()[0]
        let overallRow = try #require(
            summary.rows.first {
                $0[0] == .label(LocalizedText(zh: "总体满意度", en: "Overall rate") + result.itemsQualifier)
            })
        #expect(
            overallRow[0]
                == .label(LocalizedText(zh: "总体满意度（12 项计分题中的 11 项）", en: "Overall rate (over 11 of 12 scored items)")))
        #expect(
            summary.rows.contains {
                $0[1].value
                    == .text(
                        LocalizedText(
                            zh: "满意度只基于 12 项计分题中的 11 项：以下计分题在导出中没有对应列，未计入：6. gov_moral。",
                            en:
                                "The rates are over 11 of 12 scored items: these scored items have no column in the export and are not counted: 6. gov_moral."
                        ))
            })
        let byTownship = result.tables()[1]
        #expect(
            byTownship.rows.last?[0]
                == .label(LocalizedText(zh: "全部（12 项计分题中的 11 项）", en: "All (over 11 of 12 scored items)")))
        let json = try JSONOutput.encode(result.jsonDocument(in: .en))
        #expect(json.contains("\"rated\" : 11"))
        #expect(json.contains("\"id\" : \"gov_moral\""))
        let section = result.reportSection()
        #expect(try #require(section.bars.first).name.en.hasSuffix("(over 11 of 12 scored items)"))
        #expect(section.notes.contains { $0.en.hasPrefix("The rates are over 11 of 12 scored items") })
    }

    // MARK: - Case 4: the same responses twice

    @Test func theSameFileTwiceIsRefused() throws {
        let path = TestSupport.fixture("twice_text.csv")
        let error = try #require(
            refusal {
                _ = try SatisfactionAnalysis.run(
                    exports: [path, path], survey: mini, settings: SatisfactionSettings(survey: mini))
            })
        #expect(
            error.message.en
                == "this file is given twice (also as \(path)): its responses would count twice. Give each export once."
        )
        // A copy under another name, byte for byte.
        let copy = NSTemporaryDirectory() + "junheng-copy-\(UUID().uuidString).csv"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let second = try #require(
            refusal {
                _ = try SatisfactionAnalysis.run(
                    exports: [path, copy], survey: mini, settings: SatisfactionSettings(survey: mini))
            })
        #expect(second.location?.file == copy)
        #expect(second.message.en.hasPrefix("this file has the same content as \(path)"))
    }

    /// twice_text.csv and twice_number.csv are the text and the number download of the same four responses,
    /// IP blank; row 2 of the number file writes its time `2024-05-20 08:10:02` (as Excel re-saves it).
    /// Text rows: (1) 满意, 不满意 → 1 of 2; (2) 基本满意, 满意 → 2 of 2; (3) and (4) 满意, 满意 → 2 of 2 each.
    /// Rows 3 and 4 have the same answers and no IP, but their own 序号 and time: two people, both kept.
    /// Every number row repeats a text row's 序号, time and 所用时间: 4 excluded. rows 8, used 4, rate 7/8.
    @Test func rowsRepeatedAcrossFilesAreDuplicatesEvenWithoutIP() throws {
        let result = try SatisfactionAnalysis.run(
            exports: [TestSupport.fixture("twice_text.csv"), TestSupport.fixture("twice_number.csv")], survey: mini,
            settings: SatisfactionSettings(survey: mini))
        #expect(result.rows == 8)
        #expect(result.used == 4)
        #expect(result.excludedRows.map(\.reason) == Array(repeating: .sameSubmission, count: 4))
        #expect(result.excludedRows.map(\.line) == [2, 3, 4, 5])
        #expect(
            result.excludedRows[1].detail.en
                == "same 序号, submission time and time taken as \(TestSupport.fixture("twice_text.csv")):3")
        #expect(result.overall.positive == 7)
        #expect(result.overall.answered == 8)
        // IP blank everywhere: the answers+IP screen could not run, and the caveat says what that means.
        let ip = try #require(result.screens.first { $0.screen == .answersAndIP })
        #expect(ip.couldNotRun)
        #expect(try #require(ip.caveat).en.contains("without an IP, the same answers are not taken for a duplicate"))
    }

    // MARK: - Case 5: screens that cannot run

    /// blank_time_ip.csv: 所用时间 and 来自IP blank in every row: neither screen can run.
    /// The screening table says 未能筛查 instead of 0, and no "用时下限 30 秒" is shown.
    @Test func screensThatCannotRunSaySoInsteadOfZero() throws {
        let result = try SatisfactionAnalysis.run(
            exports: [TestSupport.fixture("blank_time_ip.csv")], survey: mini,
            settings: SatisfactionSettings(survey: mini))
        // One export: the same-submission screen (across exports) is not run, nor shown.
        #expect(result.screens.map(\.screen) == [.speeder, .answersAndIP])
        #expect(result.screens.allSatisfy { $0.couldNotRun })
        let speeder = try #require(result.screens[0].caveat)
        #expect(
            speeder.en
                == "The speeder screen could not run: 所用时间 (time taken) is blank or unreadable in every row of "
                + "\(TestSupport.fixture("blank_time_ip.csv")); those responses could not be checked for speed.")
        let screening = try #require(result.tables().first { $0.id == "satisfaction-screening" })
        #expect(screening.rows.count == 6)
        #expect(
            screening.rows[1] == [
                .label(ExclusionReason.speeder.label),
                ReportCell(.text(LocalizedText(zh: "未能筛查", en: "not screened")), fails: true),
            ])
        #expect(!screening.notes.contains { $0.zh.hasPrefix("用时下限") })
        #expect(screening.notes.contains(speeder))
        let json = try JSONOutput.encode(result.jsonDocument(in: .en))
        #expect(json.contains("\"ran\" : \"no\""))
    }

    /// A time too large to hold (issue 10) is unreadable, so that row is not screened for speed, and the
    /// caveat counts it: hostile_numbers.csv has 2 such rows of 7.
    @Test func unreadableTimesAreCountedAsNotScreened() throws {
        let result = try SatisfactionAnalysis.run(
            exports: [TestSupport.fixture("hostile_numbers.csv")], survey: mini,
            settings: SatisfactionSettings(survey: mini, allowPartial: true))
        let speeder = try #require(result.screens.first { $0.screen == .speeder })
        #expect(speeder.rows == 7)
        #expect(speeder.covered == 5)
        #expect(try #require(speeder.caveat).en.hasPrefix("The speeder screen ran on 5 rows; 2 rows were not screened"))
    }

    // MARK: - Issue 10: accounting

    /// skipped_rows.csv: data on lines 2 and 4 (both used), a blank line 3, a ragged line 5 (excluded), a
    /// line of only commas 6 and a 总计 row 7 (skipped). rows 6 = used 2 + excluded 1 + skipped 3.
    @Test func skippedRowsAreCountedWithReasons() throws {
        let result = try SatisfactionAnalysis.run(
            exports: [TestSupport.fixture("skipped_rows.csv")], survey: mini,
            settings: SatisfactionSettings(survey: mini))
        #expect(result.rows == 6)
        #expect(result.used == 2)
        #expect(result.excluded == 1)
        #expect(result.skipped == 3)
        #expect(result.rows == result.used + result.excluded + result.skipped)
        #expect(result.skippedRows.map(\.kind) == [.blankLine, .emptyRow, .totalRow])
        #expect(result.files[0].rows == 6)
        let summary = result.tables()[0]
        #expect(summary.rows.contains { $0 == [.label(LocalizedText(zh: "跳过的行", en: "Skipped rows")), .text("3")] })
        let json = try JSONOutput.encode(result.jsonDocument)
        #expect(json.contains("\"skipped\" : 3"))
        #expect(json.contains("\"total-row\" : 1"))
    }

    // MARK: - Case 10: options

    @Test func weightsNamingAnUnknownGroupAreRefused() throws {
        var settings = SatisfactionSettings(survey: mini)
        settings.weights = ["家长": 0.5, "家属": 0.5]
        let error = try #require(
            refusal {
                _ = try SatisfactionAnalysis.run(
                    exports: [TestSupport.fixture("mini_text.csv")], survey: mini, settings: settings)
            })
        #expect(
            error.message.en
                == "--weights names 家属, which is not a respondent group of questionnaire mini; its groups are: 家长, 教师.")
    }

    @Test func byAQuestionTheQuestionnaireDoesNotAskIsRefused() throws {
        let error = try #require(
            refusal {
                _ = try SatisfactionAnalysis.run(
                    exports: [TestSupport.fixture("mini_text.csv")], survey: mini, by: [.school],
                    settings: SatisfactionSettings(survey: mini))
            })
        #expect(
            error.message.en
                == "questionnaire mini has no school question (role: school), so --by school would give one row. "
                + "Choose another --by (see `junheng survey show mini`).")
    }

    /// mini_text.csv read with a forced `--mode number`: not one of its answers (家长, 满意 …) is an option
    /// number, so the forced mode fits no answer: refused, even with --allow-partial.
    @Test func aForcedModeThatFitsNoAnswerIsRefused() throws {
        let error = try #require(
            refusal {
                _ = try SatisfactionAnalysis.run(
                    exports: [TestSupport.fixture("mini_text.csv")], survey: mini,
                    settings: SatisfactionSettings(survey: mini, mode: .number, allowPartial: true))
            })
        #expect(error.message.en.hasPrefix("--mode number fits no answer of this export: none of the"))
        #expect(error.message.en.contains("The answers look like option texts (text)."))
    }

    @Test func weightsAreReadByTheCheckedReader() {
        #expect(SatisfactionSettings.parseWeights("家长=0.5，教师=0.2") == ["家长": 0.5, "教师": 0.2])
        #expect(SatisfactionSettings.parseWeights("家长=inf") == nil)
        #expect(SatisfactionSettings.parseWeights("家长=-1") == nil)
        #expect(SatisfactionSettings.parseWeights("家长") == nil)
    }
}
