public import JunhengCore

/// A school (or a monitored subject) behind a computed requirement's verdict: one that misses the
/// threshold, or one whose data cannot decide it.
public struct ComputedFinding: Sendable, Hashable {
    /// The school or subject.
    public var name: String
    public var township: String?
    /// Where its data is (the roster row).
    public var location: SourceLocation?
    /// Its figure, in the threshold's unit, when known.
    public var value: Double?
    /// What is wrong, in words.
    public var detail: LocalizedText
    /// `true`: it misses the threshold; `false`: its data cannot decide.
    public var fails: Bool
    /// The name as a reader sees it in each language: a school is a proper name (``LocalizedText/name(_:)``),
    /// a monitored subject has an English name ("2022 English").
    public var label: LocalizedText

    public init(
        name: String, township: String? = nil, location: SourceLocation? = nil, value: Double? = nil,
        detail: LocalizedText, fails: Bool, label: LocalizedText? = nil
    ) {
        self.name = name
        self.label = label ?? LocalizedText.name(name)
        self.township = township
        self.location = location
        self.value = value
        self.detail = detail
        self.fails = fails
    }
}
