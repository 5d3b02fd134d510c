import CollectionFixtures
import Foundation
import Testing

/// `junheng frequencies` exactly as a user sees it (see ``Snapshot``): the real 问卷星 export read from its
/// .xls download and from CSV, a cross-tab, the long CSV table, JSON, free-text answers only when asked
/// for and escaped, and the refusals it shares with `junheng satisfaction`, in both languages where the
/// words matter.
@Suite struct FrequenciesSnapshotTests {
    static let fixtures = "Tests/JunhengQuestionnaireTests/Fixtures/"
    static let wjx800 = fixtures + "wjx800.yaml"

    /// The real export's .xls download: the screening summary (the screens that cannot run without IP
    /// or time named), then every question.
    @Test func theRealExportFromItsXLS() throws {
        try Snapshot.expect(
            "frequencies-wjx800-xls", ["frequencies", Self.fixtures + "wjx800_text.xls", "--survey", Self.wjx800])
    }

    /// Phones and the rest by sex, with the χ² tests (recount_wjx800.py: X² = 1.50, df 3, p = 0.681,
    /// flagged), in English Markdown from the option-number CSV.
    @Test func aCrossTabInEnglish() throws {
        try Snapshot.expect(
            "frequencies-wjx800-by-sex-en",
            [
                "frequencies", Self.fixtures + "wjx800_number.csv", "--survey", Self.wjx800, "--by", "sex", "--format",
                "markdown", "--lang", "en",
            ])
    }

    @Test func theLongCSVTable() throws {
        try Snapshot.expect(
            "frequencies-wjx800-csv",
            ["frequencies", Self.fixtures + "wjx800_number.xls", "--survey", Self.wjx800, "--format", "csv"])
    }

    /// The long CSV table by group: every line carries its question's χ² test (statistic, df, p, Cramér's
    /// V, Yates' χ² and Fisher's p for a small 2 × 2 table, the test in words), and 学生, screened out as
    /// outside the groups, says so in the note column.
    @Test func theLongCSVTableByGroup() throws {
        try Snapshot.expect(
            "frequencies-mini-by-group-csv",
            [
                "frequencies", Self.fixtures + "mini_text.csv", "--survey", Self.fixtures + "mini.yaml", "--by",
                "group", "--format", "csv",
            ])
    }

    /// A text download of a questionnaire whose options are written like scores (5分 … 1分) is read as
    /// text, with no --mode: 男/女 are options (SatisfactionAnalysisTests works the counts by hand).
    @Test func optionsWrittenLikeScoresAreReadAsText() throws {
        let output = try Snapshot.expect(
            "frequencies-fen-text",
            ["frequencies", Self.fixtures + "fen_text.csv", "--survey", Self.fixtures + "fen.yaml", "--lang", "en"])
        #expect(output.status == 0)
    }

    @Test func json() throws {
        try Snapshot.expect(
            "frequencies-mini-json",
            [
                "frequencies", Self.fixtures + "mini_text.csv", "--survey", Self.fixtures + "mini.yaml", "--by",
                "group",
                "--format", "json",
            ])
    }

    /// Without `--answers` only the number of answers; with it, each answer with its file, line and
    /// column, escaped for Markdown (`<`) and neutralised for CSV (`=`).
    @Test(arguments: ["markdown", "csv"])
    func answersOnlyWhenAsked(format: String) throws {
        let arguments = [
            "frequencies", "Tests/junhengTests/Fixtures/frequencies-answers.csv", "--survey",
            Self.fixtures + "mini.yaml",
            "--min-seconds", "0", "--format", format,
        ]
        let without = try JunhengBinary.run(arguments)
        #expect(without.status == 0)
        #expect(!without.stdout.contains("东镇"))
        try Snapshot.expect("frequencies-answers-\(format)", arguments + ["--answers"])
    }

    // MARK: - Refusals shared with satisfaction

    @Test(arguments: ["zh", "en"])
    func theWrongQuestionnaireIsRefused(language: String) throws {
        let output = try Snapshot.expect(
            "frequencies-wrong-questionnaire-\(language)",
            ["frequencies", "sample-responses/survey-teacher.csv", "--survey", "public", "--lang", language])
        #expect(output.status == 1)
    }

    @Test func allowPartialLabelsEveryFormat() throws {
        let output = try Snapshot.expect(
            "frequencies-allow-partial-csv",
            [
                "frequencies", "sample-responses/survey-teacher.csv", "--survey", "public", "--allow-partial",
                "--format",
                "csv",
            ])
        #expect(output.status == 0)
        #expect(output.stdout.contains("部分结果"))
    }

    @Test(arguments: ["zh", "en"])
    func aGroupingTheQuestionnaireCannotGiveIsRefused(language: String) throws {
        let output = try Snapshot.expect(
            "frequencies-by-township-without-township-\(language)",
            [
                "frequencies", Self.fixtures + "wjx800_text.csv", "--survey", Self.wjx800, "--by", "township", "--lang",
                language,
            ])
        #expect(output.status == 1)
    }

    /// A questionnaire without scored questions: every question counted, and nobody screened out for "no
    /// scored answer" (line 4 answers only the first question); `satisfaction` refuses it.
    @Test func aQuestionnaireWithoutScoredQuestions() throws {
        let arguments = ["Tests/junhengTests/Fixtures/plain.csv", "--survey", "Tests/junhengTests/Fixtures/plain.yaml"]
        let counted = try Snapshot.expect("frequencies-without-scored-questions", ["frequencies"] + arguments)
        #expect(counted.status == 0)
        let refused = try Snapshot.expect("satisfaction-without-scored-questions", ["satisfaction"] + arguments)
        #expect(refused.status == 1)
    }

    @Test func helpInEnglish() throws {
        try Snapshot.expect("frequencies-help-en", ["frequencies", "--help", "--lang", "en"])
    }

    /// `--db` with no export counts the responses `junheng serve` collected, as their export gives them.
    @Test func theStoreGivesTheCountsOfItsExport() async throws {
        let folder = try await CollectionFixtures.storeAndExportFolder(prefix: "junheng-frequencies")

        let common = ["--survey", "mini", "--surveys-dir", "surveys", "--format", "json"]
        let fromStore = try JunhengBinary.run(["frequencies", "--db", "responses.sqlite"] + common, in: folder)
        let fromExport = try JunhengBinary.run(["frequencies", "export.csv"] + common, in: folder)
        #expect(fromStore.status == 0 && fromExport.status == 0, "\(fromStore.stderr)\(fromExport.stderr)")
        let storeJSON = try #require(JSONSerialization.jsonObject(with: Data(fromStore.stdout.utf8)) as? [String: Any])
        let export = try #require(JSONSerialization.jsonObject(with: Data(fromExport.stdout.utf8)) as? [String: Any])
        for key in ["questions", "respondents", "exclusions"] {
            #expect((storeJSON[key] as? NSObject) == (export[key] as? NSObject), "\(key)")
        }
        // The speeder (5 s) is screened out: two responses counted.
        #expect((storeJSON["respondents"] as? [String: Int])?["used"] == 2)
    }
}
