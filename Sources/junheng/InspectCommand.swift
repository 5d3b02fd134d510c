import ArgumentParser
import Foundation
import JunhengCore
import JunhengIngest

/// `junheng inspect FILE`: what a CSV file or Excel workbook is and what is wrong with it — the first step
/// with any file.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: CLIText.pick(
            zh: "查看 CSV 文件或 Excel 工作簿：编码、分隔符（或工作表）、列、行数及问题。",
            en:
                "Show what a CSV file or Excel workbook is (encoding and delimiter, or sheet; columns, rows) and what is "
                + "wrong with it."),
        discussion: CLIText.pick(
            zh: "以流方式读完整个文件（任何大小内存都很小）。文件无法安全读取时（引号未闭合、无法解码的字节、Excel 工作簿）以状态 1 退出。",
            en: "Reads the whole file as a stream (memory stays small for any size). Exits with status 1 when the "
                + "file cannot be read safely (an unterminated quote, undecodable bytes, an Excel workbook)."))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    @Argument(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "CSV 文件或 Excel 工作簿 .xls/.xlsx（问卷星导出、学校基础数据、监测结果）。",
                en: "The CSV file or .xls/.xlsx workbook (问卷星 export, roster, monitoring results).")
        ))
    var file: String

    @Option(help: ArgumentHelp(CLIText.pick(zh: "输出格式：table 或 json。", en: "Output: table or json.")))
    var format: Format = .table

    @OptionGroup var input: CSVInputOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let inspection = CSVInspection.inspect(
            path: file, options: input.readOptions, language: language.lang,
            progress: ProgressLine.callback(label: CLIText.pick(zh: "读取 \(file)", en: "Reading \(file)")))
        switch format {
        case .json: print(try JSONOutput.encode(inspection))
        case .table: print(InspectionText(language: language.lang).render(inspection), terminator: "")
        }
        if let error = inspection.error {
            Terminal.error(error, language: language.lang)
            throw ExitCode(1)
        }
    }
}
