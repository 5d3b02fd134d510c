import ArgumentParser
import Foundation
import JunhengEvaluation
import JunhengPlan
import JunhengReports

/// `junheng units`: the 督查通报 — per responsible unit (责任单位), its requirements of the county plan and
/// their statuses, the failing and missing ones first.
struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: CLIText.pick(
            zh: "责任单位督查通报：每个责任单位负责的要求及其状态，未达标和缺数据的在前。",
            en: "Per responsible unit, its requirements of the plan and their statuses, failing and missing first."),
        discussion: CLIText.pick(
            zh: "与 junheng report 读取同一个数据文件夹和县级方案，算出每项要求的状态，但不写报告文件。"
                + "--format csv 或 markdown 输出报告中的责任单位表；json 输出全部。",
            en: "Reads the same data folder and plan as junheng report and gives every requirement its status, "
                + "without writing report files. --format csv or markdown prints the report's units table; json "
                + "prints everything."))

    @Option(help: ArgumentHelp(CLIText.pick(zh: "县级数据文件夹。", en: "The county data folder.")))
    var data: String = "sample-responses"

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "评估年份（默认：质量监测结果的最近年份）。",
                en: "The evaluation year (default: the latest year of the monitoring results).")))
    var year: Int?

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
            CLIText.pick(zh: "输出格式：table、markdown、json 或 csv。", en: "Output: table, markdown, json or csv.")))
    var format: OutputFormat = .table

    @OptionGroup var planOptions: PlanOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let options = CountyEvaluationOptions(
            dataDirectory: data, surveysDirectory: surveysDirectory, planPath: planOptions.plan, year: year,
            asOf: planOptions.date, storePath: db)
        let plan = try CountyEvaluation.run(options).plan
        let renderer = TableRenderer(language: language.lang)
        switch format {
        case .table: print(UnitsText(language: language.lang).render(plan), terminator: "")
        case .markdown: print(renderer.markdown(plan.unitsTable()), terminator: "")
        case .csv: print(renderer.csv(plan.unitsTable()), terminator: "")
        case .json: print(try plan.unitsJSON(language: language.lang))
        }
    }
}
