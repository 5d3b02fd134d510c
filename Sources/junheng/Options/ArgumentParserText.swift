import Foundation

/// ArgumentParser's own words — the messages for a bad command line (unknown option, missing argument,
/// usage) and the headings of `--help` — in Chinese, so that a run without `--lang en` speaks one language
/// from its first line to its last.
///
/// The patterns are the texts of swift-argument-parser 1.8 (`Usage/UsageGenerator.swift`,
/// `Usage/HelpGenerator.swift`); a line that matches none is left as ArgumentParser wrote it.
enum ArgumentParserText {
    /// `--help` output with ArgumentParser's headings and notes in Chinese (the commands' own help is
    /// already in the language of the run, through ``CLIText``).
    static func chineseHelp(_ text: String) -> String {
        var text = text
        for (english, chinese) in helpWords { text = text.replacingOccurrences(of: english, with: chinese) }
        text = text.replacing(#/; default:\s+/#) { _ in "；默认：" }
        text = text.replacing(#/\(default:\s+([^)]*)\)/#) { "（默认：\($0.output.1)）" }
        text = text.replacing(#/\(values:\s+([^)]*)\)/#) { "（可选值：\($0.output.1)）" }
        return text.replacingOccurrences(of: "。 （", with: "。（")
    }

    static let helpWords: [(String, String)] = [
        ("OVERVIEW: ", "概述："),
        ("USAGE: ", "用法："),
        ("ARGUMENTS:\n", "参数：\n"),
        ("OPTIONS:\n", "选项：\n"),
        ("SUBCOMMANDS:\n", "子命令：\n"),
        ("Show help information.", "显示帮助信息。"),
        ("Show the version.", "显示版本。"),
        ("  See 'junheng help <subcommand>' for detailed help.", "  详见“junheng help <子命令>”。"),
    ]

    /// `text` with every line ArgumentParser wrote in English put into Chinese.
    static func chinese(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            translate(String(line))
        }.joined(separator: "\n")
    }

    static func translate(_ line: String) -> String {
        for (pattern, chinese) in rules {
            if let match = line.wholeMatch(of: pattern) {
                return chinese(match.output.map { $0.substring.map(String.init) ?? "" })
            }
        }
        return line
    }

    typealias Rule = (Regex<AnyRegexOutput>, ([String]) -> String)

    // The first capture of each match is the whole line; the rest are the message's parts.
    nonisolated(unsafe) static let rules: [Rule] = [
        (try! Regex(#"Unknown option '(.+)'\. Did you mean '(.+)'\?"#), { "未知选项“\($0[1])”。是否想用“\($0[2])”？" }),
        (try! Regex(#"Unknown option '(.+)'"#), { "未知选项“\($0[1])”。" }),
        (try! Regex(#"Missing value for '(.+)'"#), { "选项“\($0[1])”缺少取值。" }),
        (try! Regex(#"Unexpected argument '(.+)'"#), { "多余的参数“\($0[1])”。" }),
        (try! Regex(#"(\d+) unexpected arguments: (.+)"#), { "多余的参数 \($0[1]) 个：\($0[2])。" }),
        (try! Regex(#"Missing expected argument '(.+)'"#), { "缺少参数“\($0[1])”。" }),
        (try! Regex(#"Missing one of: (.+)"#), { "缺少以下参数之一：\($0[1])。" }),
        (try! Regex(#"Missing required subcommand\."#), { _ in "缺少子命令。" }),
        (
            try! Regex(#"The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\."#),
            {
                "“\($0[2])”的取值“\($0[1])”无效，应为 \($0[3].replacingOccurrences(of: " and ", with: "、").replacingOccurrences(of: " or ", with: " 或 "))。"
            }
        ),
        (try! Regex(#"The value '(.*)' is invalid for '(.+)'(.*)"#), { "“\($0[2])”的取值“\($0[1])”无效\($0[3])。" }),
        (try! Regex(#"Help:  (.+)"#), { "说明：\($0[1])" }),
        (try! Regex(#"Usage: (.+)"#), { "用法：\($0[1])" }),
        (try! Regex(#"  See '(.+)' for more information\."#), { "  详见“\($0[1])”。" }),
    ]
}
