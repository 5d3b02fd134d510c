import ArgumentParser
import JunhengStore

/// `junheng monitoring satisfaction-trend`: stored 社会认可度 rates year over year, by township or another cut.
struct MonitoringSatisfactionTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction-trend",
        abstract: CLIText.pick(
            zh: "社会认可度历年变化（按乡镇等）。", en: "Stored satisfaction rates year over year, by township or another cut."),
        discussion: CLIText.pick(
            zh: "满意度由 junheng satisfaction … --year Y --save 存入历史库。",
            en: "Rates are stored by `junheng satisfaction … --year Y --save`."))

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "按什么划分：township、group、school、item 或 overall。",
                en: "What the rates are cut by: township, group, school, item or overall.")))
    var by: String = "township"

    @OptionGroup var store: MonitoringStoreOption

    @Option(help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption

    func run() throws {
        let trend = try HistoryStore.existing(path: store.db).satisfactionTrendReport(by: by)
        if format == .json { return try MonitoringOutput.json(trend) }
        MonitoringOutput.write([trend.table()], format: format, language: language.lang)
    }
}
