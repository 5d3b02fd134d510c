import ArgumentParser

/// `junheng trend monitoring|satisfaction`: year over year from the history store, each year with its interval
/// and each change with its verdict. The same commands as `junheng monitoring trend` and
/// `junheng monitoring satisfaction-trend`, which keep working.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: CLIText.pick(
            zh: "历年变化及其是否显著：质量监测和社会认可度。",
            en: "Year over year, and whether each change is real: quality monitoring and satisfaction."),
        subcommands: [TrendMonitoringCommand.self, TrendSatisfactionCommand.self])
}

/// `junheng trend monitoring`.
struct TrendMonitoringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitoring",
        abstract: MonitoringTrendOptions.abstract,
        discussion: MonitoringTrendOptions.discussion)

    @OptionGroup var trend: MonitoringTrendOptions

    func validate() throws { try trend.validate() }

    func run() throws { try trend.run() }
}

/// `junheng trend satisfaction`.
struct TrendSatisfactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction",
        abstract: SatisfactionTrendOptions.abstract,
        discussion: SatisfactionTrendOptions.discussion)

    @OptionGroup var trend: SatisfactionTrendOptions

    func run() throws { try trend.run() }
}
