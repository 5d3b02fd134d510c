import Foundation
import GRDB
import JunhengCore

/// 历史库: junheng's store of results across years, one SQLite file (GRDB).
///
/// The schema changes only through the named forward-only migrations of ``HistoryStore/migrator``; opening
/// a file applies those it has not seen, once the file has been found to be junheng's own and not from a
/// newer version (``check(_:path:)``: another program's database, or a store with migrations this binary
/// does not know, is refused and left as it was). The default file is ``defaultPath`` (`junheng.sqlite`
/// in the working directory); every command that uses the store takes `--db PATH`.
public final class HistoryStore: Sendable {
    /// `junheng.sqlite`, in the directory the command runs in.
    public static let defaultPath = "junheng.sqlite"

    public let path: String
    let queue: DatabaseQueue

    /// Opens (or creates) the store at `path` and brings its schema up to date.
    public init(path: String = HistoryStore.defaultPath) throws(StoreError) {
        self.path = path
        let identity: Identity?
        do {
            identity = try Self.identity(at: path)
        } catch {
            throw StoreError(path: path, doing: LocalizedText(zh: "打开历史库", en: "opening the history store"), error)
        }
        if let identity { try Self.check(identity, path: path) }
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(path: path, doing: LocalizedText(zh: "打开历史库", en: "opening the history store"), error)
        }
        do {
            try Self.migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in try Self.stamp(db) }
        } catch {
            throw StoreError(path: path, doing: LocalizedText(zh: "升级历史库结构", en: "upgrading the history store"), error)
        }
    }

    /// The names of the migrations applied to this file, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read(LocalizedText(zh: "读取历史库", en: "reading the history store")) { db in
            try Self.migrator.appliedMigrations(db)
        }
    }

    // MARK: - Access

    func read<T>(_ action: LocalizedText, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw StoreError(path: path, doing: action, error)
        }
    }

    /// Runs `body` in one transaction: all of it is written, or none.
    func write<T>(_ action: LocalizedText, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw StoreError(path: path, doing: action, error)
        }
    }
}

extension HistoryStore {
    /// Opens a store that must already exist (for commands that only read), so a mistyped `--db` path does not
    /// silently create an empty file.
    public static func existing(path: String = HistoryStore.defaultPath) throws(StoreError) -> HistoryStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "找不到历史库。请先运行 junheng monitoring import FILE 存入结果，或用 --db 指定历史库文件。",
                    en: "there is no history store here. Run junheng monitoring import FILE first to store results, "
                        + "or pass the store with --db."))
        }
        return try HistoryStore(path: path)
    }
}
