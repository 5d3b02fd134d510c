import ArgumentParser
import JunhengMonitoring
import JunhengStore

/// `junheng monitoring trend`: every stored year of a subject, with the change from the previous cycle.
struct MonitoringTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "质量监测历年变化。Every stored year of a subject: mean, share at Ⅲ+, 校际差异率, and changes.")

    @Option(help: "Only this subject, e.g. 数学 or 体育与健康 (default: all).")
    var subject: String?

    @Option(help: "Only this grade: 4 or 8 (default: both).")
    var grade: String?

    @OptionGroup var store: MonitoringStoreOption

    @Option(help: "Output: table, markdown, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let grade, MonitoringGrade(text: grade) == nil {
            throw ValidationError("--grade must be 4 or 8 (got \"\(grade)\").")
        }
    }

    func run() throws {
        let trend = try HistoryStore.existing(path: store.db).monitoringTrend(
            subject: subject, grade: grade.flatMap(MonitoringGrade.init(text:)))
        if format == .json { return try MonitoringOutput.json(trend) }
        MonitoringOutput.write([trend.table()], format: format, language: language.lang)
    }
}
