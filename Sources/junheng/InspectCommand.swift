public import ArgumentParser
import Foundation
import JunhengCore
public import JunhengIngest

/// `junheng inspect FILE`: what a CSV export is and what is wrong with it — the first step with any file.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "查看CSV文件：编码、分隔符、列、行数及问题。Show what a CSV file is and what is wrong with it.",
        discussion: """
            Reads the whole file as a stream (memory stays small for any size). Exits with status 1 when the \
            file cannot be read safely (an unterminated quote, undecodable bytes, an Excel workbook).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    @Argument(help: "The CSV file (问卷星 export, roster, monitoring results).")
    var file: String

    @Option(help: "Output: table or json.")
    var format: Format = .table

    @Option(help: "Force the delimiter: comma, semicolon, tab or pipe (default: detected).")
    var delimiter: String?

    @Option(help: "Force the encoding: utf-8, gb18030, utf-16le or utf-16be (default: detected).")
    var encoding: TextEncoding?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let delimiter, CSVDelimiter(argument: delimiter) == nil {
            throw ValidationError("--delimiter must be comma, semicolon, tab or pipe (got \"\(delimiter)\").")
        }
    }

    func run() throws {
        let options = CSVReadOptions(delimiter: delimiter.flatMap(CSVDelimiter.init(argument:)), encoding: encoding)
        let inspection = CSVInspection.inspect(
            path: file, options: options, progress: ProgressLine.callback(label: "读取 \(file)"))
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

extension TextEncoding: ExpressibleByArgument {}
