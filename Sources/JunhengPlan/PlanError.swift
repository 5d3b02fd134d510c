public import JunhengCore

/// A plan file that cannot be used: the place in the file (`FILE:LINE:COLUMN`) and what to change.
public struct PlanError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }
}
