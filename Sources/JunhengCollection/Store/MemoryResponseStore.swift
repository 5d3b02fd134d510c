/// A ``ResponseStore`` in memory, for tests (as Hummingbird's `MemoryPersistDriver`): the same
/// behaviour as the SQLite store (numbers in order of arrival, one response per token), nothing kept.
public actor MemoryResponseStore: ResponseStore {
    private var stored: [CollectedResponse] = []
    private var byToken: [String: Int64] = [:]

    public init() {}

    public func submit(_ response: CollectedResponse) throws(CollectionStoreError) -> SubmitOutcome {
        let key = response.survey + "\u{0}" + response.token
        if let id = byToken[key] { return .alreadyStored(id) }
        var response = response
        let id = Int64(stored.count + 1)
        response.id = id
        stored.append(response)
        byToken[key] = id
        return .stored(id)
    }

    public func count(survey: String) throws(CollectionStoreError) -> Int {
        stored.count { $0.survey == survey }
    }

    public func responses(survey: String, after: Int64, limit: Int) throws(CollectionStoreError)
        -> [CollectedResponse]
    {
        Array(stored.lazy.filter { $0.survey == survey && $0.id! > after }.prefix(limit))
    }
}
