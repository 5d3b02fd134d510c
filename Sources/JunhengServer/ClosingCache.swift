import Foundation
import JunhengCollection
import Synchronization

/// When each questionnaire closes, as the store says, remembered for two seconds: a form is not worth a
/// database round trip each, and another process's "close now" is seen within two seconds.
final class ClosingCache: Sendable {
    private let entries = Mutex<[String: (closing: SurveyClosing?, read: Date)]>([:])
    let lifetime: TimeInterval = 2

    func closing(_ survey: String, store: any ResponseStore, now: Date = Date()) async throws(CollectionStoreError)
        -> SurveyClosing?
    {
        if let cached = entries.withLock({ $0[survey] }), now.timeIntervalSince(cached.read) < lifetime {
            return cached.closing
        }
        let closing = try await store.closing(survey: survey)
        entries.withLock { $0[survey] = (closing, now) }
        return closing
    }

    func forget(_ survey: String) {
        entries.withLock { $0[survey] = nil }
    }
}
