public import Foundation
import JunhengCore

/// Where collected responses are kept. The web layer knows only this protocol: the SQLite file of one county
/// (``SQLiteResponseStore``), the PostgreSQL database of a province (`JunhengPostgres`), and memory for tests
/// (``MemoryResponseStore``) behave alike, and the same tests run against each.
///
/// `county` names a county of the store (``County``); `nil` reads every county's (the province's admin, or a
/// store without counties).
public protocol ResponseStore: Sendable {
    /// Stores `response` and returns once it is durable: a crash after the return loses nothing. A second
    /// response with the same survey and token is not stored again (``SubmitOutcome/alreadyStored(_:)``).
    func submit(_ response: CollectedResponse) async throws(CollectionStoreError) -> SubmitOutcome

    /// How many responses to `survey` (of `county`) are stored.
    func count(survey: String, county: String?) async throws(CollectionStoreError) -> Int

    /// Up to `limit` responses to `survey` (of `county`) with a number above `after`, in order of arrival.
    func responses(survey: String, county: String?, after: Int64, limit: Int) async throws(CollectionStoreError)
        -> [CollectedResponse]

    /// Deletes the responses to `survey` numbered `ids` (only `county`'s, when given) and keeps the record of it:
    /// the numbers actually deleted, by whom and when.
    func delete(survey: String, county: String?, ids: [Int64], by user: String, at date: Date)
        async throws(CollectionStoreError) -> DeletionRecord

    /// The deletions of `survey`'s responses (only `county`'s, when given), oldest first.
    func deletions(survey: String, county: String?) async throws(CollectionStoreError) -> [DeletionRecord]

    /// When `survey` closes (or closed), if it was set.
    func closing(survey: String) async throws(CollectionStoreError) -> SurveyClosing?

    /// Sets (or with `closesAt == nil`, clears) when a questionnaire closes.
    func setClosing(_ closing: SurveyClosing) async throws(CollectionStoreError)

    /// Adds a county.
    ///
    /// - Throws: ``CollectionStoreError`` when the store has a county of that name.
    func addCounty(_ county: County) async throws(CollectionStoreError)

    /// The store's counties, by name.
    func counties() async throws(CollectionStoreError) -> [County]

    /// Keeps short codes (a code given again is replaced).
    func registerShortLinks(_ links: [ShortLink]) async throws(CollectionStoreError)

    /// The link a short code (normalized) stands for.
    func shortLink(code: String) async throws(CollectionStoreError) -> ShortLink?
}

extension ResponseStore {
    /// How many responses to `survey` are stored, of every county.
    public func count(survey: String) async throws(CollectionStoreError) -> Int {
        try await count(survey: survey, county: nil)
    }

    /// Up to `limit` responses to `survey`, of every county, with a number above `after`.
    public func responses(survey: String, after: Int64, limit: Int) async throws(CollectionStoreError)
        -> [CollectedResponse]
    {
        try await responses(survey: survey, county: nil, after: after, limit: limit)
    }

    /// Every response to `survey` (of `county`), in order of arrival, read a page at a time.
    public func allResponses(survey: String, county: String? = nil, pageSize: Int = 1_000)
        async throws(CollectionStoreError) -> [CollectedResponse]
    {
        var result: [CollectedResponse] = []
        var after: Int64 = 0
        while true {
            let page = try await responses(survey: survey, county: county, after: after, limit: pageSize)
            result += page
            guard page.count == pageSize, let last = page.last?.id else { return result }
            after = last
        }
    }

    /// The county named `name`, if the store has it.
    public func county(named name: String) async throws(CollectionStoreError) -> County? {
        try await counties().first { $0.name == name }
    }
}

/// A county name given twice.
extension CollectionStoreError {
    package static func countyExists(_ name: String, place: String) -> CollectionStoreError {
        CollectionStoreError(
            location: SourceLocation(file: place),
            message: LocalizedText(
                zh: "答卷库中已有“\(name)”；一个县只能添加一次。", en: "the store already has “\(name)”; a county is added once."))
    }
}
