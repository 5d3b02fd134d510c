public import Foundation

/// When a questionnaire stops taking answers (`--close-at`, or "close now" on the admin page), and who said so.
/// A closed form says so politely and stores nothing; reopening clears the time.
public struct SurveyClosing: Sendable, Hashable {
    public var survey: String
    /// From this moment on the form is closed; `nil`: open.
    public var closesAt: Date?
    public var changedBy: String
    public var changedAt: Date

    public init(survey: String, closesAt: Date?, changedBy: String, changedAt: Date) {
        self.survey = survey
        self.closesAt = closesAt
        self.changedBy = changedBy
        self.changedAt = changedAt
    }

    /// Whether the form is closed at `now`.
    public func isClosed(at now: Date) -> Bool {
        closesAt.map { now >= $0 } ?? false
    }
}
