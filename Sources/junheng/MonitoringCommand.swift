import ArgumentParser
import Foundation
import JunhengCore
import JunhengReports

/// `junheng monitoring …`: the national quality monitoring (质量监测) — summaries, the history store, trends.
struct MonitoringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitoring",
        abstract: CLIText.pick(
            zh: "质量监测：学业水平、校际差异率、历年变化。",
            en: "Quality monitoring: levels, between-school difference rate, year over year."),
        discussion: CLIText.pick(
            zh: "输入为学生成绩 CSV（年份, 年级, 学科, 学校名称, 学生编号, 得分；可选 学校代码, 乡镇, 水平）或县级报告的汇总数字"
                + "（年份, 年级, 学科, 平均分, 水平, 水平Ⅲ及以上比例, 校际差异率）。结果存入历史库，默认为当前文件夹中的 "
                + "junheng.sqlite，可用 --db 指定。",
            en: "Input is a CSV of student results (年份, 年级, 学科, 学校名称, 学生编号, 得分; optional 学校代码, 乡镇, 水平) "
                + "or of a county report's summary figures (年份, 年级, 学科, 平均分, 水平, 水平Ⅲ及以上比例, between-school difference rate). "
                + "Results are stored in a history file, junheng.sqlite in the current directory unless --db says otherwise."
        ),
        subcommands: [
            MonitoringSummaryCommand.self, MonitoringImportCommand.self, MonitoringTrendCommand.self,
            MonitoringPlanCommand.self, MonitoringSatisfactionTrendCommand.self,
        ])
}

/// `--db PATH`, shared by the monitoring commands that use the history store.
struct MonitoringStoreOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            CLIText.pick(
                zh: "历史库（SQLite 文件，由 monitoring import 生成；默认在当前文件夹）。",
                en:
                    "The history store (a SQLite file, made by `monitoring import`; in the current directory by default)."
            )))
    var db: String = "junheng.sqlite"
}

/// `--settings FILE.yaml`, shared by the monitoring commands that read a monitoring file.
struct MonitoringSettingsOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "YAML 设置文件：各学科年级的切分数、由哪种理解判定（见 sample-responses/monitoring-settings.yaml）；"
                    + "未知的键会被拒绝。",
                en: "A YAML settings file: cut scores per subject and grade, which reading decides (see "
                    + "sample-responses/monitoring-settings.yaml); an unknown key is refused.")))
    var settings: String?
}

/// Writes what a monitoring command returns.
enum MonitoringOutput {
    /// Tables as terminal text or Markdown (all of them), or CSV (the one at `csvIndex`).
    static func write(_ tables: [ReportTable], format: OutputFormat, language: Language, csvIndex: Int = 0) {
        let renderer = TableRenderer(language: language)
        switch format {
        case .table: print(tables.map(renderer.terminal).joined(separator: "\n"), terminator: "")
        case .markdown: print(tables.map(renderer.markdown).joined(separator: "\n"), terminator: "")
        case .csv: print(renderer.csv(tables[min(csvIndex, tables.count - 1)]), terminator: "")
        case .json: preconditionFailure("JSON is written from the result value, not its tables")
        }
    }

    static func json(_ value: some Encodable) throws {
        print(try JSONOutput.encode(value))
    }
}
