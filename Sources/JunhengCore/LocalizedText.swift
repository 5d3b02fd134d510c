/// A label in both report languages. Chinese is the default; English is used with `--lang en`.
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
}
