import Foundation
import JunhengCollection
import JunhengPostgres
import Testing

/// The throwaway PostgreSQL cluster `make test` starts (scripts/postgres/cluster.sh): its URL is in
/// `JUNHENG_TEST_POSTGRES`. With `JUNHENG_REQUIRE_POSTGRES=1` (set by the cluster script, and so in CI) a
/// missing URL is a failure, never a silent skip.
enum PostgresTestDatabase {
    static var url: String? { ProcessInfo.processInfo.environment["JUNHENG_TEST_POSTGRES"] }
    static var required: Bool {
        ProcessInfo.processInfo.environment["JUNHENG_REQUIRE_POSTGRES"] == "1"
            || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// A location in a schema of its own, so each test starts from an empty store.
    static func freshLocation() throws -> PostgresLocation {
        guard let url else { throw Missing() }
        var location = try PostgresLocation(url: url)
        location.schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return location
    }

    /// A fresh store, closed after `body`.
    static func withStore<T>(_ body: (PostgresResponseStore) async throws -> T) async throws -> T {
        let store = try await PostgresResponseStore.open(try freshLocation(), connections: 4)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "JUNHENG_TEST_POSTGRES is not set: run the tests through make test (scripts/postgres/cluster.sh run …)"
        }
    }
}

@Suite struct PostgresTestDatabaseTests {
    @Test func theClusterIsThereWhenItIsRequired() {
        if PostgresTestDatabase.required {
            #expect(PostgresTestDatabase.url != nil, "JUNHENG_TEST_POSTGRES missing where PostgreSQL is required")
        }
    }
}
