import JunhengCore

/// The language of a run, read from the arguments before they are parsed, so that even an error in the
/// arguments themselves is reported in the language asked for.
enum CommandLanguage {
    /// `en` when the arguments say `--lang en` or `--lang=en`, else Chinese.
    static func fromArguments(_ arguments: [String]) -> Language {
        var iterator = arguments.makeIterator()
        var language = Language.zh
        while let argument = iterator.next() {
            if argument == "--" { break }
            if argument == "--lang", let value = iterator.next() {
                language = Language(rawValue: value) ?? language
            } else if argument.hasPrefix("--lang=") {
                language = Language(rawValue: String(argument.dropFirst("--lang=".count))) ?? language
            }
        }
        return language
    }
}
