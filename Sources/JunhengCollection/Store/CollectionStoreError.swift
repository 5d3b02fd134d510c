public import JunhengCore

/// The response store could not be opened, read or written.
public struct CollectionStoreError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }
}
