import ArgumentParser
import JunhengMonitoring
import JunhengStore

/// `junheng monitoring trend`: every stored year of a subject, with the change from the previous cycle.
struct MonitoringTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: CLIText.pick(
            zh: "质量监测历年变化：各学科每个已存年份的平均分、Ⅲ级及以上比例、校际差异率及其变化。",
            en: "Every stored year of a subject: mean, share at Ⅲ+, between-school difference rate, and changes."))

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "只看这一学科，如 数学 或 体育与健康（默认：全部）。",
                en: "Only this subject, e.g. 数学 or 体育与健康 (default: all).")))
    var subject: String?

    @Option(
        help: ArgumentHelp(CLIText.pick(zh: "只看这一年级：4 或 8（默认：两个）。", en: "Only this grade: 4 or 8 (default: both).")))
    var grade: String?

    @OptionGroup var store: MonitoringStoreOption

    @Option(help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let grade, MonitoringGrade(text: grade) == nil {
            throw ValidationError(
                CLIText.pick(zh: "--grade 应为 4 或 8（收到“\(grade)”）。", en: "--grade must be 4 or 8 (got \"\(grade)\")."))
        }
    }

    func run() throws {
        let trend = try HistoryStore.existing(path: store.db).monitoringTrend(
            subject: subject, grade: grade.flatMap(MonitoringGrade.init(text:)))
        if format == .json { return try MonitoringOutput.json(trend) }
        MonitoringOutput.write([trend.table()], format: format, language: language.lang)
    }
}
