import ArgumentParser
import Foundation
import JunhengCore
import JunhengReports
import JunhengResources

/// `junheng resources ROSTER`: the seven resource indicators per school, the 差异系数 per stage, the gaps and
/// their cost, and the guarantee checks a roster can show.
struct ResourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resources",
        abstract: "资源配置:七项指标、校际差异系数、缺口与资金测算、政府保障程度核查。Resource indicators, CVs, gaps and guarantees.",
        discussion: """
            ROSTER is the school roster (学校基础数据), one row a school, in any encoding the CSV reader detects. \
            Required headers: \(RosterColumn.required.map(\.rawValue).joined(separator: ", ")). \
            Optional headers (guarantee checks): \
            \(RosterColumn.allCases.filter { !$0.isRequired }.map(\.rawValue).joined(separator: ", ")). \
            学校类型 is one of \(SchoolType.allNames).

            --unit-costs names a CSV with the headers 项目,单价 and the items 教学及辅助用房 (元/m²), \
            体育运动场馆 (元/m²), 网络多媒体教室 (元/间), 教师 (元/人·年) and, optionally, 骨干教师 (元/人).

            --settings names a JSON file overriding any default (thresholds, split weights, teaching-point \
            cut-off, guarantee limits). Keys left out keep their defaults; a nested object (such as \
            primary_standards) must be given whole. `--format json` prints the settings in use under "settings".

            Both files are read whole into memory; a county roster takes well under a second.
            """)

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case summary, balance, schools, gaps, funding, guarantees
        case guaranteeSchools = "guarantee-schools"
        case excluded, warnings

        var id: String { "resources-" + rawValue }
    }

    @Argument(help: "The school roster CSV (学校基础数据).")
    var roster: String

    @Option(help: "Unit costs CSV (项目,单价) for the funding gap.")
    var unitCosts: String?

    @Option(help: "Settings JSON overriding the defaults.")
    var settings: String?

    @Option(help: "Teaching points (教学点) with fewer students are left out (default 50; uncertain in DOMAIN.md).")
    var teachingPointCutoff: Int?

    @Option(help: "Output: table, markdown, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Print only this table (csv prints one table: schools unless this says otherwise).")
    var table: Table?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let teachingPointCutoff, teachingPointCutoff < 0 {
            throw ValidationError("--teaching-point-cutoff must be 0 or more (got \(teachingPointCutoff)).")
        }
        if format == .json, table != nil {
            throw ValidationError("--table applies to table, markdown and csv output; json always has everything.")
        }
    }

    func run() throws {
        var options = try settings.map { try ResourceSettings.load(path: $0) } ?? ResourceSettings()
        if let teachingPointCutoff { options.teachingPointCutoff = teachingPointCutoff }
        let report = try ResourceAnalysis.analyze(rosterPath: roster, unitCostPath: unitCosts, settings: options)

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
