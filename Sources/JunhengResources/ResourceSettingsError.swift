public import JunhengCore

/// A settings file that cannot be used.
public struct ResourceSettingsError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }

    @available(*, deprecated, message: "give the message in both languages: LocalizedText(zh:en:)")
    public init(location: SourceLocation?, message: String) {
        self.init(location: location, message: LocalizedText(verbatim: message))
    }
}
