public import JunhengCore

/// A link, a township list or a secret file that cannot be used.
public struct LinkError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }
}
