import ArgumentParser
import JunhengEvaluation
import JunhengQuestionnaire

/// `junheng trend satisfaction` (also `junheng monitoring satisfaction-trend`): stored 社会认可度 rates year
/// over year, by township or another cut, each with its interval and whether each change is real.
struct MonitoringSatisfactionTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction-trend",
        abstract: SatisfactionTrendOptions.abstract,
        discussion: SatisfactionTrendOptions.discussion)

    @OptionGroup var trend: SatisfactionTrendOptions

    func run() throws { try trend.run() }
}

/// What `monitoring satisfaction-trend` and `trend satisfaction` take, and what they do.
struct SatisfactionTrendOptions: ParsableArguments {
    static let abstract = CLIText.pick(
        zh: "社会认可度历年变化（按乡镇等），各带 95%区间，及其变化是否显著。",
        en: "Stored satisfaction rates year over year, by township or another cut, with 95% CIs and whether each "
            + "change is real.")
    static let discussion = CLIText.pick(
        zh: "满意度由 junheng satisfaction … --year Y --save 存入历史库。每项变化与上一次存储的年份和首个存储年份相比，"
            + "区间不含 0 才判断“上升”或“下降”，否则为“无显著变化”。",
        en: "Rates are stored by `junheng satisfaction … --year Y --save`. Each change is against the previous and "
            + "the first stored year; only a change whose interval excludes 0 is a rise or a fall, otherwise it is "
            + "no significant change.")

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "按什么划分：township、group、school、grade、item、dimension 或 overall。",
                en: "What the rates are cut by: township, group, school, grade, item, dimension or overall.")))
    var by: String = "township"

    @OptionGroup var store: MonitoringStoreOption

    @Option(help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption

    func run() throws {
        let trend = try SatisfactionArchive.trend(storePath: store.db, by: by)
        if format == .json { return try MonitoringOutput.json(trend) }
        MonitoringOutput.write([trend.table()], format: format, language: language.lang)
    }
}
