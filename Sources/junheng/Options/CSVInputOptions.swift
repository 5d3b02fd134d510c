public import ArgumentParser
public import JunhengIngest

/// `--encoding`, `--delimiter` and `--sheet`, taken by every command that reads a CSV file (and so an
/// .xls/.xlsx workbook, which the reader recognises by its content), so that the advice in a message
/// ("run again with --encoding gb18030", "pass one of them with --sheet") works wherever it is given.
struct CSVInputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "强制指定分隔符：comma、semicolon、tab 或 pipe（默认自动识别）。",
                en: "Force the delimiter: comma, semicolon, tab or pipe (default: detected).")))
    var delimiter: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "强制指定编码：utf-8、gb18030、utf-16le 或 utf-16be（默认自动识别）。",
                en: "Force the encoding: utf-8, gb18030, utf-16le or utf-16be (default: detected).")))
    var encoding: TextEncoding?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "Excel 工作簿（.xls、.xlsx）读取的工作表名（默认第一个工作表）；对本命令读取的每个工作簿都适用，CSV 文件忽略此项。",
                en: "The sheet to read from an Excel workbook (.xls, .xlsx; default: the first sheet); it applies to "
                    + "every workbook the command reads, and CSV files ignore it.")))
    var sheet: String?

    /// Threads a large CSV file is read on (default: one per core). The figures do not depend on it;
    /// hidden from the help, which is for the data officer, and used by the benchmarks.
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "读取大 CSV 文件所用的线程数（默认每个 CPU 核一个）；结果与线程数无关。",
                en: "Threads to read a large CSV file on (default: one per core); the results do not depend on it."),
            visibility: .hidden))
    var threads: Int?

    func validate() throws {
        if let threads, !(1...256).contains(threads) {
            throw ValidationError(
                CLIText.pick(
                    zh: "--threads 应为 1 到 256 之间的整数（收到 \(threads)）。",
                    en: "--threads must be a whole number from 1 to 256 (got \(threads))."))
        }
        if let delimiter, CSVDelimiter(argument: delimiter) == nil {
            throw ValidationError(
                CLIText.pick(
                    zh: "--delimiter 应为 comma、semicolon、tab 或 pipe（收到“\(delimiter)”）。",
                    en: "--delimiter must be comma, semicolon, tab or pipe (got \"\(delimiter)\")."))
        }
    }

    /// The read options these flags ask for (what is not given is detected from each file).
    var readOptions: CSVReadOptions {
        CSVReadOptions(
            delimiter: delimiter.flatMap(CSVDelimiter.init(argument:)), encoding: encoding, sheet: sheet,
            threads: threads)
    }
}

extension TextEncoding: ExpressibleByArgument {}
