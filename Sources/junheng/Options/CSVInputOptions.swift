public import ArgumentParser
public import JunhengIngest

/// `--encoding` and `--delimiter`, taken by every command that reads a CSV file, so that the advice in an
/// encoding or delimiter message ("run again with --encoding gb18030") works wherever it is given.
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

    func validate() throws {
        if let delimiter, CSVDelimiter(argument: delimiter) == nil {
            throw ValidationError(
                CLIText.pick(
                    zh: "--delimiter 应为 comma、semicolon、tab 或 pipe（收到“\(delimiter)”）。",
                    en: "--delimiter must be comma, semicolon, tab or pipe (got \"\(delimiter)\")."))
        }
    }

    /// The read options these flags ask for (what is not given is detected from each file).
    var readOptions: CSVReadOptions {
        CSVReadOptions(delimiter: delimiter.flatMap(CSVDelimiter.init(argument:)), encoding: encoding)
    }
}

extension TextEncoding: ExpressibleByArgument {}
