import ArgumentParser
import Foundation
import JunhengEvaluation
import JunhengReports

/// `junheng report`: the county evaluation of one year, as report.html, report.xlsx and a terminal summary.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: CLIText.pick(
            zh: "生成县域评估报告（HTML、Excel 及各项达标情况）。", en: "Make the county report: HTML, Excel and a summary of every bar."),
        discussion: CLIText.pick(
            zh: "读取县数据文件夹（问卷星导出、学校基础数据、监测结果、surveys/ 中的问卷、历史库），把 report.html、report.xlsx "
                + "和各部分的 JSON 写到 --out。文件按表头识别，与文件名无关；无法归类的文件会列出。不带参数时使用自带的样例数据。"
                + "一个县的文件需要几秒钟。",
            en: "Reads a county data folder (问卷星 exports, the school roster, monitoring results, questionnaires in "
                + "surveys/, a history store) and writes report.html, report.xlsx and the JSON of each area to --out. "
                + "Files are recognised by their headers, not their names; any file that cannot be placed is named. "
                + "With no arguments it runs on the bundled samples. It takes a few seconds for a county's files."))

    @Option(help: ArgumentHelp(CLIText.pick(zh: "县数据文件夹。", en: "The county data folder.")))
    var data: String = "sample-responses"

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "评估年份（默认：监测结果中最近的年份）。",
                en: "The evaluation year (default: the latest year of the monitoring results).")))
    var year: Int?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "report.html、report.xlsx 和 JSON 文件写到哪里。",
                en: "Where to write report.html, report.xlsx and the JSON files.")))
    var out: String = "out"

    @Option(
        name: .customLong("surveys-dir"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "问卷文件夹（默认：数据文件夹中有 surveys 则用它，否则为 ./surveys）。",
                en: "The questionnaire folder (default: DATA/surveys if present, else ./surveys).")))
    var surveysDirectory: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "历史库（默认：数据文件夹中的 .sqlite 文件，如有）。",
                en: "The history store (default: a .sqlite file in the data folder, if any).")))
    var db: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "全县常住人口，用于 1.5‰ 样本量核查。", en: "The county's resident population, for the 1.5 ‰ sample-size check.")))
    var population: Int?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let options = CountyEvaluationOptions(
            dataDirectory: data, surveysDirectory: surveysDirectory, year: year, storePath: db, population: population)
        let evaluation = try CountyEvaluation.run(options)
        let written = try CountyReportWriter(language: language.lang).write(evaluation, to: out)
        print(CountySummaryText(language: language.lang).render(evaluation, written: written), terminator: "")
    }
}
