public import JunhengCore

/// A questionnaire file that cannot be used: the place in the file and what to change.
public struct QuestionnaireError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }

    init(file: String, line: Int?, column: Int? = nil, _ message: LocalizedText) {
        self.location = SourceLocation(file: file, line: line, column: column)
        self.message = message
    }
}
