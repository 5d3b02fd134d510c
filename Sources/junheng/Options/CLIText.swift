import JunhengCore

/// Text of the command line itself (help, argument errors, notes) in the language of this run.
///
/// ArgumentParser reads help when it builds the command, before any option is parsed, so the language
/// comes from ``CommandLanguage/fromArguments(_:)`` on the raw arguments: `--lang en` anywhere on the
/// line gives English help and errors, and Chinese is the default.
enum CLIText {
    /// The language of this run.
    static let language = CommandLanguage.fromArguments(CommandLine.arguments)

    /// `zh` or `en`, whichever this run speaks.
    static func pick(zh: String, en: String) -> String {
        language == .zh ? zh : en
    }

    /// A bilingual text in the language of this run.
    static func pick(_ text: LocalizedText) -> String {
        text.text(language)
    }
}
