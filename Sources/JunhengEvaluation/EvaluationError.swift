public import JunhengCore

/// The county report cannot be made as asked (a missing folder, no usable file).
public struct EvaluationError: UserFacingError, Hashable {
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
