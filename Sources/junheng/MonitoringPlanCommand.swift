import ArgumentParser
import JunhengMonitoring

/// `junheng monitoring plan --year Y`: which subjects the national monitoring tests that year.
struct MonitoringPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "某年应监测的学科（2015年和2021年方案）。Subjects due in a year under the 2015 and 2021 rotations.")

    @Option(help: "The year, e.g. 2025.")
    var year: Int

    @Option(help: "Output: table, markdown, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (2000...2100).contains(year) else {
            throw ValidationError("--year must be a year such as 2025 (got \(year)).")
        }
    }

    func run() throws {
        let rotation = MonitoringRotation(year: year)
        if format == .json { return try MonitoringOutput.json(rotation) }
        MonitoringOutput.write([rotation.table()], format: format, language: language.lang)
    }
}
