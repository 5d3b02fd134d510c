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

    /// The same text in both languages (numbers, symbols, text that is the same in both).
    public init(verbatim text: String) {
        self.zh = text
        self.en = text
    }

    /// A proper name in Chinese (a township, a school, a file, a note the county typed): the same in both
    /// languages, marked in the English text as a name (``ProperName``), so that an English HTML page says
    /// `lang="zh"` around it.
    public static func name(_ text: String) -> LocalizedText {
        LocalizedText(zh: text, en: ProperName.mark(text))
    }

    /// The text in `language`, without the marks of its names (``ProperName``): what every output shows.
    public func text(_ language: Language) -> String {
        switch language {
        case .zh: ProperName.strip(zh)
        case .en: ProperName.strip(en)
        }
    }

    /// The text in `language` with its names marked (``ProperName``), for a renderer that marks them.
    public func markedText(_ language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    /// Both texts without the marks of their names: JSON never carries them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ProperName.strip(zh), forKey: .zh)
        try container.encode(ProperName.strip(en), forKey: .en)
    }

    private enum CodingKeys: String, CodingKey {
        case zh, en
    }

    /// Both texts with `other` appended, each in its own language.
    public static func + (lhs: LocalizedText, rhs: LocalizedText) -> LocalizedText {
        LocalizedText(zh: lhs.zh + rhs.zh, en: lhs.en + rhs.en)
    }
}
