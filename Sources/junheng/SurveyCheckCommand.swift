import ArgumentParser
import JunhengCore
import JunhengQuestionnaire

/// `junheng survey check EXPORT --survey ID`: the mapping and every problem, before any rate.
struct SurveyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: CLIText.pick(
            zh: "检查问卷星导出：各列如何对应问卷、下载方式、选项序号表、未对应的列和每个问题，不计算满意度。",
            en: "Show how an export's columns map onto a questionnaire, the download mode, the option numbers, "
                + "unmapped columns and every problem, before computing any rate."),
        discussion: CLIText.pick(
            zh: "导出与问卷不相符（例如选错了 --survey）时，列出检查结果后以状态 1 退出，并指出最相符的问卷。",
            en: "When the export does not fit the questionnaire (e.g. the wrong --survey), it prints the check and "
                + "exits with status 1, naming the questionnaire that fits best."))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case markdown
    }

    @Argument(help: ArgumentHelp(CLIText.pick(zh: "问卷星 CSV 导出文件（可多个）。", en: "问卷星 CSV export(s).")))
    var exports: [String]
    @OptionGroup var survey: SurveyRunOptions
    @OptionGroup var input: CSVInputOptions
    @Option(
        help: ArgumentHelp(
            CLIText.pick(zh: "输出格式：table（默认）或 markdown。", en: "Output: table (the default) or markdown.")))
    var format: Format = .table
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard !exports.isEmpty else {
            throw ValidationError(CLIText.pick(zh: "请至少给出一个问卷星导出文件（CSV）。", en: "Give at least one 问卷星 export (CSV)."))
        }
    }

    func run() throws {
        let (questionnaire, settings, others) = try survey.resolve()
        let check = try SurveyCheck.run(
            exports: exports, survey: questionnaire, settings: settings, otherQuestionnaires: others,
            readOptions: input.readOptions)
        print(
            TableOutput.render(
                check.result.checkTables(), format: format == .table ? .table : .markdown,
                language: language.lang),
            terminator: "")
        if let refusal = check.refusal { throw refusal }
    }
}
