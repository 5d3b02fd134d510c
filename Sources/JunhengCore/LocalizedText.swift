/// A text in both languages. Chinese is the default; English is used with `--lang en`.
///
/// Every user-facing string (labels, messages, errors) is one of these, chosen once by the language
/// the user asked for: never both languages in one line.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The same text in both languages (names, numbers, user-supplied text).
    public init(verbatim text: String) {
        self.zh = text
        self.en = text
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    /// Both texts with `other` appended, each in its own language.
    public static func + (lhs: LocalizedText, rhs: LocalizedText) -> LocalizedText {
        LocalizedText(zh: lhs.zh + rhs.zh, en: lhs.en + rhs.en)
    }
}
