public import JunhengCore

/// The county report cannot be made as asked (a missing folder, no usable file).
public struct EvaluationError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: String

    public init(location: SourceLocation?, message: String) {
        self.location = location
        self.message = message
    }
}
