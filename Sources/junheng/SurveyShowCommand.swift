import ArgumentParser
import JunhengCore
import JunhengQuestionnaire

/// `junheng survey show ID`: one questionnaire, as JSON or as a printable paper version.
struct SurveyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "查看问卷 — show a questionnaire: Markdown is a printable paper version; JSON lists every option and whether it counts as positive or is excluded."
    )

    @Argument(help: "Questionnaire id (see `junheng survey list`) or path to a .yaml file.") var survey: String
    @OptionGroup var catalogOptions: SurveyCatalogOptions
    @Option(name: .long, help: "markdown (default) or json.") var format: OutputFormat = .markdown

    func validate() throws {
        guard format == .markdown || format == .json else {
            throw ValidationError("survey show writes --format markdown or json.")
        }
    }

    func run() throws {
        let questionnaire = try catalogOptions.catalog.resolve(survey)
        if format == .json {
            print(try JSONOutput.encode(QuestionnaireDescription(questionnaire)))
        } else {
            print(questionnaire.paperMarkdown(), terminator: "")
        }
    }
}
