public import JunhengCore

/// What the server-side check of a submitted form found: the answers it keeps, and for each question
/// that must be changed, what to change.
public struct FormCheck: Sendable, Hashable {
    public var answers: CollectedAnswers
    /// Question id → the message shown next to that question.
    public var problems: [String: LocalizedText]

    public init(answers: CollectedAnswers, problems: [String: LocalizedText]) {
        self.answers = answers
        self.problems = problems
    }

    /// Whether the response can be stored.
    public var isValid: Bool { problems.isEmpty }
}
