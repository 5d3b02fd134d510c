public import JunhengCore

/// A questionnaire file that cannot be used: the place in the file and what to change.
public struct QuestionnaireError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: String

    public init(location: SourceLocation?, message: String) {
        self.location = location
        self.message = message
    }

    init(file: String, line: Int?, column: Int? = nil, _ message: String) {
        self.location = SourceLocation(file: file, line: line, column: column)
        self.message = message
    }
}
