public import Foundation

/// One response collected by `junheng serve`: what was answered, to which questionnaire (and which
/// version of its file), when the form was opened and submitted, from which signed link, and an HMAC of
/// the sender's IP address for the duplicate screen (the address itself is never kept).
public struct CollectedResponse: Sendable, Hashable, Codable {
    /// The store's number, in order of arrival; `nil` until stored.
    public var id: Int64?
    /// The questionnaire's id (`public`, `teacher`, …).
    public var survey: String
    /// SHA-256 of the questionnaire file the form was made from (``QuestionnaireFingerprint``), so a
    /// response can always be matched with the exact wording it answered.
    public var surveySHA256: String
    /// The form's token: one per opened form, so a double tap stores one response.
    public var token: String
    /// When the form was opened (from the token) and submitted: 所用时间 is the difference.
    public var startedAt: Date
    public var submittedAt: Date
    /// The township and school a signed link fixed, if the form was opened from one.
    public var link: LinkAnswers
    /// The county of the signed link the form was opened from (`nil`: no county, a store of one county).
    public var county: String?
    /// HMAC-SHA256 of the sender's IP address under the server's secret, as hex.
    public var ipHMAC: String
    public var answers: CollectedAnswers

    public init(
        id: Int64? = nil, survey: String, surveySHA256: String, token: String, startedAt: Date, submittedAt: Date,
        link: LinkAnswers = .none, county: String? = nil, ipHMAC: String, answers: CollectedAnswers
    ) {
        self.id = id
        self.survey = survey
        self.surveySHA256 = surveySHA256
        self.token = token
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.link = link
        self.county = county
        self.ipHMAC = ipHMAC
        self.answers = answers
    }

    /// 所用时间 in whole seconds (never negative).
    public var seconds: Int {
        let elapsed = submittedAt.timeIntervalSince(startedAt)
        return elapsed > 0 ? Int(elapsed.rounded(.down)) : 0
    }
}
