import ArgumentParser
import Foundation
import JunhengEvaluation
import JunhengReports

/// `junheng report`: the county evaluation of one year, as report.html, report.xlsx, indicators.json and a
/// terminal summary.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: CLIText.pick(
            zh: "生成县域评估报告（HTML、Excel、indicators.json 及方案各项要求的状态）。",
            en: "Make the county report: HTML, Excel, indicators.json and the status of every requirement of the plan."),
        discussion: CLIText.pick(
            zh: "读取县级数据文件夹（问卷星导出、学校基础数据、质量监测结果、县级指标填报表及佐证材料、surveys/ 中的问卷、历史库），"
                + "按县级方案（plan/plan.yaml）给出附件2 每项要求的状态，并写出 report.html、report.xlsx、indicators.json 和各领域的 JSON。"
                + "文件按表头识别，不看文件名；无法识别的文件会列出。不带参数时使用自带样例。县级数据需几秒钟。"
                + "不给 --as-of 时按今天读时间节点，不同日期运行的报告只在时间节点一处不同。",
            en: "Reads a county data folder (问卷星 exports, the school roster, monitoring results, the county indicator "
                + "sheet and its evidence, questionnaires in surveys/, a history store), gives every requirement of the "
                + "county plan (plan/plan.yaml) its status, and writes report.html, report.xlsx, indicators.json and the "
                + "JSON of each area to --out. Files are recognised by their headers, not their names; any file that "
                + "cannot be placed is named. With no arguments it runs on the bundled samples. It takes a few seconds "
                + "for a county's files. Without --as-of the timeline is read at today's date, so reports made on "
                + "different days differ in the timeline only."))

    @Option(help: ArgumentHelp(CLIText.pick(zh: "县级数据文件夹。", en: "The county data folder.")))
    var data: String = "sample-responses"

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "评估年份（默认：质量监测结果的最近年份）。",
                en: "The evaluation year (default: the latest year of the monitoring results).")))
    var year: Int?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "写出 report.html、report.xlsx 和 JSON 的文件夹。",
                en: "Where to write report.html, report.xlsx and the JSON files.")))
    var out: String = "out"

    @Option(
        name: .customLong("surveys-dir"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "问卷文件夹（默认：数据文件夹中的 surveys/，否则 ./surveys）。",
                en: "The questionnaire folder (default: DATA/surveys if present, else ./surveys).")))
    var surveysDirectory: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "历史数据库（默认：数据文件夹中的 .sqlite 文件）。",
                en: "The history store (default: a .sqlite file in the data folder, if any).")))
    var db: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "全县常住人口，用于 1.5‰ 样本量核查。", en: "The county's resident population, for the 1.5 ‰ sample-size check."
            )))
    var population: Int?

    @OptionGroup var planOptions: PlanOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let options = CountyEvaluationOptions(
            dataDirectory: data, surveysDirectory: surveysDirectory, planPath: planOptions.plan, year: year,
            asOf: planOptions.date, storePath: db, population: population)
        let evaluation = try CountyEvaluation.run(options)
        let written = try CountyReportWriter(language: language.lang).write(evaluation, to: out)
        print(CountySummaryText(language: language.lang).render(evaluation, written: written), terminator: "")
    }
}
