public import JunhengCore

/// A questionnaire file that cannot be used: the place in the file and what to change.
public struct QuestionnaireError: UserFacingError, Hashable {
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

    init(file: String, line: Int?, column: Int? = nil, _ message: LocalizedText) {
        self.location = SourceLocation(file: file, line: line, column: column)
        self.message = message
    }

    @available(*, deprecated, message: "give the message in both languages: LocalizedText(zh:en:)")
    init(file: String, line: Int?, column: Int? = nil, _ message: String) {
        self.init(file: file, line: line, column: column, LocalizedText(verbatim: message))
    }
}
