public import Foundation

/// Test answers deleted from admin, kept as a record: who, when, how many and which numbers. The responses
/// themselves are gone; the record stays, and the admin page and the exports say how many were deleted.
public struct DeletionRecord: Sendable, Hashable, Codable {
    public var survey: String
    /// The county whose admin deleted them (`nil`: the province's admin, or a store without counties).
    public var county: String?
    /// The admin's user name.
    public var deletedBy: String
    public var deletedAt: Date
    /// The numbers of the responses deleted, in order.
    public var ids: [Int64]

    public init(survey: String, county: String?, deletedBy: String, deletedAt: Date, ids: [Int64]) {
        self.survey = survey
        self.county = county
        self.deletedBy = deletedBy
        self.deletedAt = deletedAt
        self.ids = ids
    }

    public var count: Int { ids.count }
}
