public import JunhengCore

/// The county report cannot be made as asked (a missing folder, no plan, an output that cannot be written).
public struct EvaluationError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }
}
