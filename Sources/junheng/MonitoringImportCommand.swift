import ArgumentParser
import JunhengCore
import JunhengEvaluation
import JunhengStore

/// `junheng monitoring import FILE`: store a file's results in the history store.
struct MonitoringImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: CLIText.pick(zh: "把质量监测结果存入历史库。", en: "Store a monitoring file's results in the history store."),
        discussion: CLIText.pick(
            zh: "每个 年份×年级×学科 只存一份：历史库已有同一项时拒绝导入、说明已有哪些，不作任何改动；加 --replace "
                + "才替换（在一个事务中完成），并说明替换了什么。其他年份和学科保留。",
            en: "Each year × grade × subject is stored once: when the store already holds one, the import is refused, "
                + "naming what is stored, and nothing changes; with --replace it replaces them (in one transaction) "
                + "and says what it replaced. Other years and subjects are kept."))

    @Argument(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "学生成绩或县级汇总数字的 CSV 文件或 .xls/.xlsx 工作簿。",
                en: "A CSV file or .xls/.xlsx workbook of student results or of county summary figures.")))
    var file: String

    @OptionGroup var settings: MonitoringSettingsOption

    @OptionGroup var store: MonitoringStoreOption

    @Flag(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "替换历史库中已有的同一 年份×年级×学科（如更正后的结果）。",
                en: "Replace what the store already holds for the same year × grade × subject (e.g. corrected results)."
            )))
    var replace = false

    @OptionGroup var input: CSVInputOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let report = try MonitoringArchive.importFile(
            file, settingsPath: settings.settings, storePath: store.db, options: input.readOptions, replace: replace)
        for line in report.lines { print(line.text(language.lang)) }
    }
}
