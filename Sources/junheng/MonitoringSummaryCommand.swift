import ArgumentParser
import JunhengMonitoring

/// `junheng monitoring summary FILE`: the figures of every year × grade × subject in a file, no store needed.
struct MonitoringSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "汇总质量监测文件（不需要历史库）。Summarise a monitoring file (no store needed).",
        discussion: """
            For each year × grade × subject: students, schools, mean score, levels Ⅰ–Ⅳ, the share at Ⅲ+, the \
            level of the mean, 校际差异率 (ICC(1) with the n0 correction), the CV of school means, a per-school \
            table, and whether the bar is met. Without a 水平 column or cut scores in --settings, level figures \
            are shown as unknown. Reads the whole file into memory (monitoring files are small).
            """)

    @Argument(help: "A CSV of student results or of county summary figures.")
    var file: String

    @Option(
        help:
            "A YAML settings file: cut scores per subject and grade, which reading decides (see sample-responses/monitoring-settings.yaml)."
    )
    var settings: String?

    @Option(help: "Output: table, markdown, json or csv.")
    var format: OutputFormat = .table

    @Flag(help: "With --format csv, write the per-school table instead of the results table.")
    var perSchool = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        let summary = try MonitoringAnalysis.summarize(path: file, settingsPath: settings)
        if format == .json { return try MonitoringOutput.json(summary) }
        MonitoringOutput.write(
            summary.tables(), format: format, language: language.lang, csvIndex: perSchool ? 1 : 0)
    }
}
