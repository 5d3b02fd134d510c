import ArgumentParser
import Foundation
import JunhengCore
import JunhengReports

/// `junheng monitoring …`: the national quality monitoring (质量监测) — summaries, the history store, trends.
struct MonitoringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitoring",
        abstract: "质量监测：学业水平、校际差异率、历年变化。Quality monitoring: levels, 校际差异率, year over year.",
        discussion: """
            Input is a CSV of student results (年份, 年级, 学科, 学校名称, 学生编号, 得分; optional 乡镇, 水平) \
            or of a county report's summary figures (年份, 年级, 学科, 平均分, 水平, 水平Ⅲ及以上比例, 校际差异率). \
            Results are stored in a history file, junheng.sqlite in the current directory unless --db says otherwise.
            """,
        subcommands: [
            MonitoringSummaryCommand.self, MonitoringImportCommand.self, MonitoringTrendCommand.self,
            MonitoringPlanCommand.self, MonitoringSatisfactionTrendCommand.self,
        ])
}

/// `--db PATH`, shared by the monitoring commands that use the history store.
struct MonitoringStoreOption: ParsableArguments {
    @Option(
        name: .long,
        help: "The history store (a SQLite file, made by `monitoring import`; in the current directory by default).")
    var db: String = "junheng.sqlite"
}

/// Writes what a monitoring command returns, and turns user errors into a message and exit status 1.
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
