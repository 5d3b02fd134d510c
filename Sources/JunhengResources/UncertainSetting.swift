public import JunhengCore

/// A setting whose default is common practice, not confirmed (DOMAIN.md marks it *uncertain*).
public struct UncertainSetting: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
    public var note: LocalizedText

    public init(key: String, value: String, note: LocalizedText) {
        self.key = key
        self.value = value
        self.note = note
    }
}
