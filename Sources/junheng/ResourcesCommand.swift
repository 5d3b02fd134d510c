import ArgumentParser
import Foundation
import JunhengCore
import JunhengEvaluation
import JunhengPlan
import JunhengReports
import JunhengResources

/// `junheng resources ROSTER`: the seven resource indicators per school, the 差异系数 per stage, the gaps and
/// their cost, and the guarantee checks a roster can show.
struct ResourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resources",
        abstract: CLIText.pick(
            zh: "资源配置：七项指标、校际差异系数、缺口与资金测算、政府保障程度核查。",
            en: "Resource indicators, CVs, gaps and their cost, and the guarantee checks."),
        discussion: CLIText.pick(
            zh: """
                ROSTER 为学校基础数据，一行一所学校：CSV 文件（编码自动识别，也可用 --encoding 指定）\
                或 .xls/.xlsx 工作簿（读取第一个工作表，或用 --sheet 指定）。\
                必需的列：\(RosterColumn.required.map(\.rawValue).joined(separator: ", "))。\
                可选的列（政府保障程度核查）：\(RosterColumn.allCases.filter { !$0.isRequired }.map(\.rawValue).joined(separator: ", "))。\
                学校类型为 \(SchoolType.allNames) 之一。

                --unit-costs 为单价 CSV，表头 项目,单价，项目为 教学及辅助用房（元/m²）、体育运动场馆（元/m²）、\
                网络多媒体教室（元/间）、教师（元/人·年），可选 骨干教师（元/人）。

                --settings 为 JSON 设置文件，可改任何默认值（标准、差异系数上限、分摊权重、教学点人数下限、保障标准）。\
                未写的键保持默认，嵌套对象中也是如此；未知的键、超出合理范围的值会被拒绝，并指出行和列。\
                --format json 在 "settings" 下输出所用的设置。

                两个文件都整体读入内存；一个县的名册不到一秒。
                """,
            en: """
                ROSTER is the school roster (学校基础数据), one row a school: a CSV file in any encoding the reader \
                detects (or --encoding), or an .xls/.xlsx workbook (its first sheet, or --sheet). Required headers: \(RosterColumn.required.map(\.rawValue).joined(separator: ", ")). \
                Optional headers (guarantee checks): \
                \(RosterColumn.allCases.filter { !$0.isRequired }.map(\.rawValue).joined(separator: ", ")). \
                学校类型 is one of \(SchoolType.allNames).

                --unit-costs names a CSV with the headers 项目,单价 and the items 教学及辅助用房 (元/m²), \
                体育运动场馆 (元/m²), 网络多媒体教室 (元/间), 教师 (元/人·年) and, optionally, 骨干教师 (元/人).

                --settings names a JSON file overriding any default (standards, CV limits, split weights, \
                teaching-point cut-off, guarantee limits). Keys left out keep their defaults, also inside a nested \
                object; an unknown key or a value out of its sane range is refused at its line and column. \
                `--format json` prints the settings in use under "settings".

                Both files are read whole into memory; a county roster takes well under a second.
                """))

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case summary, balance, schools, gaps, funding, guarantees
        case guaranteeSchools = "guarantee-schools"
        case excluded, warnings

        var id: String { "resources-" + rawValue }
    }

    @Argument(
        help: ArgumentHelp(
            CLIText.pick(zh: "学校基础数据（CSV 或 .xls/.xlsx）。", en: "The school roster (学校基础数据), CSV or .xls/.xlsx.")))
    var roster: String

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "单价表（项目,单价；CSV 或 .xls/.xlsx），用于资金缺口测算。",
                en: "Unit costs (项目,单价; CSV or .xls/.xlsx) for the funding gap.")))
    var unitCosts: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "JSON 设置文件，覆盖默认值（未知的键会被拒绝）。",
                en: "Settings JSON overriding the defaults (an unknown key is refused).")))
    var settings: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "县级方案文件（如 plan/plan.yaml）：用其阈值作标准与上限、用其责任单位，与 junheng report 相同"
                    + "（覆盖 --settings 中的同一项）。不指定时用内置默认值。",
                en: "The county plan (such as plan/plan.yaml): its thresholds as the standards and limits and its "
                    + "responsible units, as junheng report reads them (over --settings for the same values). "
                    + "Without it, the built-in defaults.")))
    var plan: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "学生数少于此数的教学点不计入（默认 50；DOMAIN.md 中标为待确认）。",
                en: "Teaching points (教学点) with fewer students are left out (default 50; uncertain in DOMAIN.md).")))
    var teachingPointCutoff: Int?

    @Option(help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .table

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "只输出这一张表（csv 只输出一张表：不指定时为 schools）。",
                en: "Print only this table (csv prints one table: schools unless this says otherwise).")))
    var table: Table?

    @OptionGroup var input: CSVInputOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let teachingPointCutoff, !(0...1_000_000).contains(teachingPointCutoff) {
            throw ValidationError(
                CLIText.pick(
                    zh: "--teaching-point-cutoff 应在 0 到 1000000 之间（收到 \(teachingPointCutoff)）。",
                    en: "--teaching-point-cutoff must be from 0 to 1000000 (got \(teachingPointCutoff))."))
        }
        if format == .json, table != nil {
            throw ValidationError(
                CLIText.pick(
                    zh: "--table 只用于 table、markdown 和 csv 输出；json 总是包含全部内容。",
                    en: "--table applies to table, markdown and csv output; json always has everything."))
        }
    }

    func run() throws {
        var options = try settings.map { try ResourceSettings.load(path: $0) } ?? ResourceSettings()
        if let plan { options = options.applying(try PlanLoader.load(path: plan)) }
        if let teachingPointCutoff { options.teachingPointCutoff = teachingPointCutoff }
        let report = try ResourceAnalysis.analyze(
            rosterPath: roster, unitCostPath: unitCosts, settings: options, options: input.readOptions)

        let renderer = TableRenderer(language: language.lang)
        let wanted = (table ?? (format == .csv ? .schools : nil)).map(\.id)
        let tables = report.tables().filter { wanted == nil || $0.id == wanted }
        switch format {
        case .json: print(try JSONOutput.encode(report))
        case .table: print(tables.map(renderer.terminal).joined(separator: "\n"), terminator: "")
        case .markdown: print(tables.map(renderer.markdown).joined(separator: "\n"), terminator: "")
        case .csv: print(tables.map(renderer.csv).joined(), terminator: "")
        }
    }
}
