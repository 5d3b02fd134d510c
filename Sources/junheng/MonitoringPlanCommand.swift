import ArgumentParser
import JunhengMonitoring

/// `junheng monitoring plan --year Y`: which subjects the national monitoring tests that year.
struct MonitoringPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: CLIText.pick(
            zh: "某年应监测的学科（2015 年和 2021 年方案）。", en: "Subjects due in a year under the 2015 and 2021 rotations."))

    @Option(help: ArgumentHelp(CLIText.pick(zh: "年份，如 2025。", en: "The year, e.g. 2025.")))
    var year: Int

    @Option(help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (2000...2100).contains(year) else {
            throw ValidationError(
                CLIText.pick(
                    zh: "--year 应为 2000 到 2100 之间的年份，如 2025（收到 \(year)）。",
                    en: "--year must be a year from 2000 to 2100, such as 2025 (got \(year))."))
        }
    }

    func run() throws {
        let rotation = MonitoringRotation(year: year)
        if format == .json { return try MonitoringOutput.json(rotation) }
        MonitoringOutput.write([rotation.table()], format: format, language: language.lang)
    }
}
