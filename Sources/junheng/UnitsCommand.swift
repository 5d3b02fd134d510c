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

    @OptionGroup var county: CountyDataOptions

    @Option(
        help: ArgumentHelp(
            CLIText.pick(zh: "输出格式：table、markdown、json 或 csv。", en: "Output: table, markdown, json or csv.")))
    var format: OutputFormat = .table

    @OptionGroup var planOptions: PlanOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let options = CountyEvaluationOptions(
            dataDirectory: county.data, surveysDirectory: county.surveysDirectory, planPath: planOptions.plan,
            year: county.year,
            asOf: planOptions.date, storePath: county.db)
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
