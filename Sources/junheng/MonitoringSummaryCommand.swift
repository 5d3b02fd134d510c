import ArgumentParser
import JunhengMonitoring

/// `junheng monitoring summary FILE`: the figures of every year × grade × subject in a file, no store needed.
struct MonitoringSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: CLIText.pick(
            zh: "汇总质量监测文件（不需要历史库）。", en: "Summarise a monitoring file (no store needed)."),
        discussion: CLIText.pick(
            zh: "每个 年份×年级×学科：学生数、学校数、平均分、水平Ⅰ–Ⅳ、Ⅲ级及以上比例、平均分所在水平、校际差异率（ICC(1)，n0 校正）、"
                + "学校平均分差异系数、分校表，以及是否达标。学校以学校代码区分，没有时以乡镇+学校名称区分。文件没有“水平”列、"
                + "--settings 中也没有切分数时，水平相关数字显示为未知。整个文件读入内存（监测文件很小）。",
            en: "For each year × grade × subject: students, schools, mean score, levels Ⅰ–Ⅳ, the share at Ⅲ+, the "
                + "level of the mean, between-school difference rate (ICC(1) with the n0 correction), the CV of school means, a per-school "
                + "table, and whether the bar is met. Schools are told apart by 学校代码, else by 乡镇 + 学校名称. "
                + "Without a 水平 column or cut scores in --settings, level figures are shown as unknown. Reads the "
                + "whole file into memory (monitoring files are small)."))

    @Argument(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "学生成绩或县级汇总数字的 CSV 文件或 .xls/.xlsx 工作簿。",
                en: "A CSV file or .xls/.xlsx workbook of student results or of county summary figures.")))
    var file: String

    @OptionGroup var settings: MonitoringSettingsOption

    @Option(help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .table

    @Flag(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "与 --format csv 一起使用时，输出分校表而不是结果表。",
                en: "With --format csv, write the per-school table instead of the results table.")))
    var perSchool = false

    @OptionGroup var input: CSVInputOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let summary = try MonitoringAnalysis.summarize(
            path: file, settingsPath: settings.settings, options: input.readOptions)
        if format == .json { return try MonitoringOutput.json(summary) }
        MonitoringOutput.write(
            summary.tables(), format: format, language: language.lang, csvIndex: perSchool ? 1 : 0)
    }
}
