import ArgumentParser
import Foundation
import JunhengCollection
import JunhengPostgres

/// `--store postgres://USER@HOST:PORT/DB` (or the `JUNHENG_STORE` environment variable): the province's shared
/// PostgreSQL store in place of the SQLite file of `--db`.
struct StoreOption: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "共用的 PostgreSQL 答卷库，如 postgres://junheng@127.0.0.1:5432/junheng（也可用环境变量 JUNHENG_STORE；"
                    + "密码用 PGPASSWORD）；不给时用 --db 的 SQLite 文件。",
                en: "The shared PostgreSQL store, e.g. postgres://junheng@127.0.0.1:5432/junheng (or the JUNHENG_STORE "
                    + "environment variable; the password in PGPASSWORD); without it, the SQLite file of --db.")))
    var store: String?

    /// The PostgreSQL store named, if any.
    func location() throws -> PostgresLocation? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = store ?? environment["JUNHENG_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        return try PostgresLocation(url: url, environment: environment)
    }
}
