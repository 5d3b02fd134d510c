import ArgumentParser
import JunhengCore
import JunhengQuestionnaire

/// `junheng survey check EXPORT --survey ID`: the mapping and every problem, before any rate.
struct SurveyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "检查问卷星导出 — show how an export's columns map onto a questionnaire, the download mode, unmapped columns and every problem, before computing any rate."
    )

    @Argument(help: "问卷星 CSV export(s).") var exports: [String]
    @OptionGroup var satisfaction: SatisfactionInputOptions
    @Option(name: .long, help: "table (default) or markdown.") var format: OutputFormat = .table
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard !exports.isEmpty else { throw ValidationError("give at least one 问卷星 export (CSV).") }
        guard format == .table || format == .markdown else {
            throw ValidationError("survey check writes --format table or markdown.")
        }
    }

    func run() throws {
        let (questionnaire, settings) = try satisfaction.resolve()
        let result = try SatisfactionAnalysis.run(
            exports: exports, survey: questionnaire, settings: settings, requireScoredColumns: false)
        print(TableOutput.render(result.checkTables(), format: format, language: language.lang), terminator: "")
    }
}
