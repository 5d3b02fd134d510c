/// Where collected responses are kept. The web layer knows only this protocol, so a PostgreSQL store can
/// follow the SQLite one without touching it.
///
/// Implementations: ``SQLiteResponseStore`` (a file, WAL, group commit) and ``MemoryResponseStore`` (for
/// tests).
public protocol ResponseStore: Sendable {
    /// Stores `response` and returns once it is durable: a crash after the return loses nothing. A second
    /// response with the same survey and token is not stored again (``SubmitOutcome/alreadyStored(_:)``).
    func submit(_ response: CollectedResponse) async throws(CollectionStoreError) -> SubmitOutcome

    /// How many responses to `survey` are stored.
    func count(survey: String) async throws(CollectionStoreError) -> Int

    /// Up to `limit` responses to `survey` with a number above `after`, in order of arrival.
    func responses(survey: String, after: Int64, limit: Int) async throws(CollectionStoreError)
        -> [CollectedResponse]
}

extension ResponseStore {
    /// Every response to `survey`, in order of arrival, read a page at a time.
    public func allResponses(survey: String, pageSize: Int = 1_000) async throws(CollectionStoreError)
        -> [CollectedResponse]
    {
        var result: [CollectedResponse] = []
        var after: Int64 = 0
        while true {
            let page = try await responses(survey: survey, after: after, limit: pageSize)
            result += page
            guard page.count == pageSize, let last = page.last?.id else { return result }
            after = last
        }
    }
}
