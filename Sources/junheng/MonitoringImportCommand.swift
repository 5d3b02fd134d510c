import ArgumentParser
import JunhengCore
import JunhengEvaluation
import JunhengStore

/// `junheng monitoring import FILE`: store a file's results in the history store.
struct MonitoringImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "把质量监测结果存入历史库。Store a monitoring file's results in the history store.",
        discussion: """
            Every year × grade × subject in the file replaces what the store already holds for it (in one \
            transaction), and the command says what it replaced. Other years and subjects are kept.
            """)

    @Argument(help: "A CSV of student results or of county summary figures.")
    var file: String

    @Option(help: "A YAML settings file: cut scores per subject and grade, which reading decides.")
    var settings: String?

    @OptionGroup var store: MonitoringStoreOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        let report = try MonitoringArchive.importFile(file, settingsPath: settings, storePath: store.db)
        for line in report.lines { print(line.text(language.lang)) }
    }
}
