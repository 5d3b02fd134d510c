public import ArgumentParser
public import JunhengCore

/// How an area command writes its result: every one of these four is accepted by the commands that take
/// it (a command that accepts fewer declares its own enum, as `inspect` does, so `--help` lists only what
/// it accepts).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case markdown
    case json
    case csv

    /// The help of `--format`, in the language of the run.
    static var help: String {
        CLIText.pick(
            zh: "输出格式：table（终端表格）、markdown、json 或 csv（UTF-8 带 BOM，Excel 可直接打开）。",
            en: "Output: table (for the terminal), markdown, json or csv (UTF-8 with a BOM, for Excel).")
    }
}

extension Language: ExpressibleByArgument {}

/// `--lang zh|en`, shared by every command that writes labels.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            CLIText.pick(zh: "输出语言：zh（中文，默认）或 en（英文）。", en: "Language: zh (Chinese, the default) or en.")))
    var lang: Language = .zh
}
