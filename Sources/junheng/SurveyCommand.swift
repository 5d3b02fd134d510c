import ArgumentParser
import Foundation
import JunhengCore
import JunhengQuestionnaire
import JunhengReports

/// `junheng survey`: the questionnaires a county has, and a check of an export against one.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: CLIText.pick(
            zh: "社会认可度问卷：列出、查看问卷，检查问卷星导出。",
            en: "Questionnaires: list and show them, check a 问卷星 export against one."),
        subcommands: [SurveyListCommand.self, SurveyShowCommand.self, SurveyCheckCommand.self]
    )
}

/// Where questionnaires are found, shared by the survey and satisfaction commands.
struct SurveyCatalogOptions: ParsableArguments {
    @Option(
        name: .customLong("surveys-dir"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "问卷文件（*.yaml）所在文件夹。默认：$JUNHENG_SURVEYS，否则 ./surveys，否则 junheng 自带的 surveys 文件夹。",
                en: "Folder of questionnaire files (*.yaml). Default: $JUNHENG_SURVEYS, else ./surveys, else the "
                    + "surveys folder of the junheng checkout.")))
    var surveysDirectory: String?

    var catalog: SurveyCatalog {
        SurveyCatalog.standard(
            explicit: surveysDirectory, environment: ProcessInfo.processInfo.environment,
            executable: Self.executablePath())
    }

    /// This program's own file, as the kernel names it (`Bundle.main` would list the program's whole
    /// folder first, which costs tens of milliseconds in a folder of thousands of files).
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return CommandLine.arguments.first }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Renders report tables in one of the text formats; CSV tables are separated by a blank line and the
/// file starts with one BOM.
enum TableOutput {
    static func render(_ tables: [ReportTable], format: OutputFormat, language: JunhengCore.Language) -> String {
        let renderer = TableRenderer(language: language)
        switch format {
        case .table: return tables.map(renderer.terminal).joined(separator: "\n")
        case .markdown: return tables.map(renderer.markdown).joined(separator: "\n")
        case .csv:
            return tables.enumerated().map { index, table in
                let text = renderer.csv(table)
                return index == 0 ? text : "\r\n" + String(text.drop { $0 == "\u{FEFF}" })
            }.joined()
        case .json: preconditionFailure("JSON is encoded by the command")
        }
    }
}
