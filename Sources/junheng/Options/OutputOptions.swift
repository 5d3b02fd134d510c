public import ArgumentParser
public import JunhengCore

/// How a command writes its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case markdown
    case json
    case csv
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
