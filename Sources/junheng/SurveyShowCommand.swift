import ArgumentParser
import JunhengCore
import JunhengQuestionnaire

/// `junheng survey show ID`: one questionnaire, as JSON or as a printable paper version.
struct SurveyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: CLIText.pick(
            zh: "查看问卷：markdown 为可打印的纸质版；json 列出每个选项及其是否计为满意、是否不计入分母。",
            en: "Show a questionnaire: Markdown is a printable paper version; JSON lists every option and whether it "
                + "counts as positive or is excluded."))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown
        case json
    }

    @Argument(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "问卷编号（见 `junheng survey list`）或 .yaml 文件路径。",
                en: "Questionnaire id (see `junheng survey list`) or path to a .yaml file.")))
    var survey: String
    @OptionGroup var catalogOptions: SurveyCatalogOptions
    @Option(
        help: ArgumentHelp(CLIText.pick(zh: "输出格式：markdown（默认）或 json。", en: "Output: markdown (the default) or json.")))
    var format: Format = .markdown
    @OptionGroup var language: LanguageOption

    func run() throws {
        let questionnaire = try catalogOptions.catalog.resolve(survey)
        switch format {
        case .json: print(try JSONOutput.encode(QuestionnaireDescription(questionnaire, language: language.lang)))
        case .markdown: print(questionnaire.paperMarkdown(language: language.lang), terminator: "")
        }
    }
}
