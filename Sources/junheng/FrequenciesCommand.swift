import ArgumentParser
import Foundation
import JunhengCollection
import JunhengCore
import JunhengQuestionnaire

/// `junheng frequencies EXPORT... --survey ID`: every question counted (问卷星's default report), after the
/// same mapping and screening as `junheng satisfaction`, optionally side by side by a group (交叉分析).
struct FrequenciesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frequencies",
        abstract: CLIText.pick(
            zh: "逐题统计：每题各选项的人数与比例（问卷星默认报告），可按分组交叉并做 χ² 检验。",
            en: "Every question counted: each option's count and share (问卷星's default report), optionally "
                + "cross-tabulated by a group with a χ² test."),
        discussion: CLIText.pick(
            zh: """
                映射、下载方式判断、与问卷是否相符的检查和筛查都与 junheng satisfaction 相同（同一次读取），\
                先打印筛查汇总，再逐题列出：单选题与量表题各选项人数与比例（量表题另有肯定比例、平均分），\
                多选题各选项被选人数与比例（比例之和可超过 100%）及平均选项数，矩阵题逐行统计，\
                填空题只统计非空回答数；加 --answers 才列出回答原文（含文件和行号），因为那是个人信息。\
                --by 可取 group、township、school、grade 或单选题、量表题的题目 id，给出各组的人数与组内比例及 χ² 独立性检验\
                （期望频数小于 5 时标注）。--format csv 输出一张长表（每个选项一行），便于在 Excel 中筛选。

                示例：
                  junheng frequencies sample-responses/survey-public.csv --survey public
                  junheng frequencies 答卷.xls --survey public --by township --format markdown
                  junheng frequencies --db responses.sqlite --survey public   （junheng serve 收集的答卷）
                """,
            en: """
                The mapping, download-mode detection, fit check and screening are those of junheng satisfaction \
                (in the same pass): the screening summary first, then every question: single choices and scales \
                with each option's count and share (scales also the positive share and mean score), multiple \
                choices with each option's ticks and share (the shares may add up past 100 %) and the mean number \
                ticked, matrices row by row, free text as the number of non-empty answers; the answers themselves \
                with their file and line only with --answers, as they are personal data. --by group, township, \
                school, grade or the id of a single-choice or scale question gives each group's counts and shares \
                within the group, and a χ² test of independence (flagged when an expected count is under 5). \
                --format csv prints one long table (a line per option), for filtering in Excel.

                Examples:
                  junheng frequencies sample-responses/survey-public.csv --survey public
                  junheng frequencies answers.xls --survey public --by township --format markdown
                  junheng frequencies --db responses.sqlite --survey public   (the responses junheng serve collected)
                """))

    @Argument(help: SurveyResponses.exportsHelp)
    var exports: [String] = []
    @OptionGroup var survey: SurveyRunOptions
    @OptionGroup var input: CSVInputOptions
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "交叉分析的分组：group、township、school、grade，或一道单选题、量表题的题目 id。",
                en: "Cross-tabulate by group, township, school, grade, or the id of a single-choice or scale question."
            )))
    var by: String?
    @Flag(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "列出填空题的回答原文（含文件、行、列）。回答属个人信息，默认只给回答数。",
                en: "List the free-text answers with their file, line and column. They are personal data: by "
                    + "default only their number is given.")))
    var answers = false
    @Option(help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .table
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "不给出导出文件时，读取此文件中 junheng serve 收集的答卷（默认 responses.sqlite）。",
                en: "With no export given, the responses junheng serve collected into this file (default "
                    + "responses.sqlite).")))
    var db: String = SQLiteResponseStore.defaultPath

    @OptionGroup var storeOption: StoreOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        var (questionnaire, settings, others) = try survey.resolve()
        let breakdown = try by.map { try FrequencyBreakdown(parsing: $0, survey: questionnaire) }
        settings.frequencies = FrequencyRequest(by: breakdown, answers: answers)
        let result = try SurveyResponses.run(
            exports: exports, db: db, store: try storeOption.location(), survey: questionnaire, by: [],
            settings: settings,
            otherQuestionnaires: others, readOptions: input.readOptions)
        if format == .json {
            print(try JSONOutput.encode(result.frequencyJSON(in: language.lang)))
        } else {
            print(
                TableOutput.render(
                    result.frequencyTables(csv: format == .csv), format: format, language: language.lang),
                terminator: "")
        }
    }
}
