/// A settings file that cannot be used: not readable, not valid JSON or YAML, an unknown key, a value of
/// the wrong kind or out of its range, each at its `FILE:LINE:COLUMN`.
public struct SettingsError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }
}
