import ArgumentParser
import JunhengCollection
import JunhengPostgres

/// The response store a command works on: the SQLite file of `--db`, or the PostgreSQL store of `--store` /
/// `JUNHENG_STORE`.
struct CollectionStoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "答卷库 SQLite 文件（默认 responses.sqlite）。",
                en: "The response store, an SQLite file (default responses.sqlite).")))
    var db = SQLiteResponseStore.defaultPath

    @OptionGroup var storeOption: StoreOption

    /// Opens the store, runs `body` on it, and closes it.
    func with<T: Sendable>(_ body: @escaping @Sendable (any ResponseStore) async throws -> T) throws -> T {
        let location = try storeOption.location()
        let db = db
        return try Blocking.wait {
            guard let location else { return try await body(try SQLiteResponseStore(path: db)) }
            let store = try await PostgresResponseStore.open(location, connections: 2)
            do {
                let result = try await body(store)
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// The store's name, for messages.
    var name: String { ((try? storeOption.location()) ?? nil)?.description ?? db }
}
