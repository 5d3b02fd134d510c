public import JunhengCore

/// A problem with the indicator sheet or one of its rows, with its place (`FILE:LINE:COLUMN`) and what
/// to do. The row's requirement shows the same words next to its status.
public struct SheetIssue: Sendable, Hashable {
    public var location: SourceLocation
    public var message: LocalizedText
    /// The part the row gives (`C31-1`), when the row names a known one.
    public var code: String?

    public init(location: SourceLocation, message: LocalizedText, code: String? = nil) {
        self.location = location
        self.message = message
        self.code = code
    }

    /// `FILE:LINE:COLUMN: message` in one language.
    public func line(_ language: Language) -> String {
        "\(location): \(message.text(language))"
    }
}
