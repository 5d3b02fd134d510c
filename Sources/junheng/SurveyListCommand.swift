import ArgumentParser
import JunhengCore
import JunhengQuestionnaire
import JunhengReports

/// `junheng survey list`: every questionnaire in the survey folder, and every file there that cannot be
/// used, with its error (a broken file never hides the others).
struct SurveyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: CLIText.pick(
            zh: "列出问卷（编号、名称、调查对象），以及无法使用的问卷文件和原因。",
            en:
                "List the questionnaires (id, title, respondent groups), and any questionnaire file that cannot be used, "
                + "with its error."))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    @OptionGroup var catalogOptions: SurveyCatalogOptions
    @Option(help: ArgumentHelp(CLIText.pick(zh: "输出格式：table 或 json。", en: "Output: table or json.")))
    var format: Format = .table
    @OptionGroup var language: LanguageOption

    func run() throws {
        let contents = try catalogOptions.catalog.load()
        if format == .json {
            print(try JSONOutput.encode(contents.summary(language: language.lang)))
        } else {
            print(TableRenderer(language: language.lang).terminal(contents.table()), terminator: "")
        }
        for failure in contents.failures { Terminal.error(failure.error, language: language.lang) }
        if !contents.failures.isEmpty { throw ExitCode(1) }
    }
}
