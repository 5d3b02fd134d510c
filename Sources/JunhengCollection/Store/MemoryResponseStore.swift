public import Foundation
import JunhengCore

/// A ``ResponseStore`` in memory, for tests (as Hummingbird's `MemoryPersistDriver`): the same
/// behaviour as the SQLite store (numbers in order of arrival, one response per token), nothing kept.
public actor MemoryResponseStore: ResponseStore {
    private var stored: [CollectedResponse] = []
    private var byToken: [String: Int64] = [:]
    private var nextID: Int64 = 1
    private var deletionRecords: [DeletionRecord] = []
    private var closings: [String: SurveyClosing] = [:]
    private var countyList: [String: County] = [:]
    private var shortLinks: [String: ShortLink] = [:]

    public init() {}

    public func submit(_ response: CollectedResponse) throws(CollectionStoreError) -> SubmitOutcome {
        let key = response.survey + "\u{0}" + response.token
        if let id = byToken[key] { return .alreadyStored(id) }
        var response = response
        let id = nextID
        nextID += 1
        response.id = id
        stored.append(response)
        byToken[key] = id
        return .stored(id)
    }

    public func count(survey: String, county: String?) throws(CollectionStoreError) -> Int {
        stored.count { $0.survey == survey && (county == nil || $0.county == county) }
    }

    public func responses(survey: String, county: String?, after: Int64, limit: Int) throws(CollectionStoreError)
        -> [CollectedResponse]
    {
        Array(
            stored.lazy.filter { $0.survey == survey && (county == nil || $0.county == county) && $0.id! > after }
                .prefix(limit))
    }

    public func delete(survey: String, county: String?, ids: [Int64], by user: String, at date: Date)
        throws(CollectionStoreError) -> DeletionRecord
    {
        let wanted = Set(ids)
        let deleted = stored.filter {
            $0.survey == survey && wanted.contains($0.id!) && (county == nil || $0.county == county)
        }.map { $0.id! }
        stored.removeAll { deleted.contains($0.id!) }
        let record = DeletionRecord(survey: survey, county: county, deletedBy: user, deletedAt: date, ids: deleted)
        deletionRecords.append(record)
        return record
    }

    public func deletions(survey: String, county: String?) throws(CollectionStoreError) -> [DeletionRecord] {
        deletionRecords.filter { $0.survey == survey && (county == nil || $0.county == county) }
    }

    public func closing(survey: String) throws(CollectionStoreError) -> SurveyClosing? { closings[survey] }

    public func setClosing(_ closing: SurveyClosing) throws(CollectionStoreError) {
        closings[closing.survey] = closing
    }

    public func addCounty(_ county: County) throws(CollectionStoreError) {
        guard countyList[county.name] == nil else { throw .countyExists(county.name, place: "memory") }
        countyList[county.name] = county
    }

    public func counties() throws(CollectionStoreError) -> [County] {
        countyList.values.sorted { $0.name < $1.name }
    }

    public func registerShortLinks(_ links: [ShortLink]) throws(CollectionStoreError) {
        for link in links { shortLinks[link.code] = link }
    }

    public func shortLink(code: String) throws(CollectionStoreError) -> ShortLink? { shortLinks[code] }
}
