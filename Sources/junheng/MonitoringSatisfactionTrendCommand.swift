import ArgumentParser
import JunhengStore

/// `junheng monitoring satisfaction-trend`: stored 社会认可度 rates year over year, by township or another cut.
struct MonitoringSatisfactionTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction-trend",
        abstract: "社会认可度历年变化（按乡镇等）。Stored satisfaction rates year over year, by township or another cut.",
        discussion: "Rates are stored by `junheng satisfaction … --year Y --save`.")

    @Option(help: "What the rates are cut by: township, group, school, item or overall.")
    var by: String = "township"

    @OptionGroup var store: MonitoringStoreOption

    @Option(help: "Output: table, markdown, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption

    func run() throws {
        let trend = try HistoryStore.existing(path: store.db).satisfactionTrendReport(by: by)
        if format == .json { return try MonitoringOutput.json(trend) }
        MonitoringOutput.write([trend.table()], format: format, language: language.lang)
    }
}
