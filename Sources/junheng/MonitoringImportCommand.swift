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
            zh: "文件中的每个 年份×年级×学科 替换历史库中已有的同一项（在一个事务中完成），并说明替换了什么；其他年份和学科保留。",
            en: "Every year × grade × subject in the file replaces what the store already holds for it (in one "
                + "transaction), and the command says what it replaced. Other years and subjects are kept."))

    @Argument(
        help: ArgumentHelp(
            CLIText.pick(zh: "学生成绩或县级汇总数字的 CSV 文件。", en: "A CSV of student results or of county summary figures.")))
    var file: String

    @OptionGroup var settings: MonitoringSettingsOption

    @OptionGroup var store: MonitoringStoreOption

    @OptionGroup var input: CSVInputOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let report = try MonitoringArchive.importFile(
            file, settingsPath: settings.settings, storePath: store.db, options: input.readOptions)
        for line in report.lines { print(line.text(language.lang)) }
    }
}
