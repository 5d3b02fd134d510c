import JunhengCollection
import JunhengCore
import PostgresNIO

/// A PostgreSQL failure, said with what failed and what to do (PSQLError's own description says nothing,
/// on purpose: it may carry data).
enum PostgresStoreFailure: Error {
    /// A token's row was neither inserted nor found: it cannot happen while rows are never deleted.
    case vanished

    static func message(_ error: any Error, location: PostgresLocation, action: LocalizedText) -> CollectionStoreError {
        var detail = "\(error)"
        var unreachable = false
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                detail = message + (error.serverInfo?[.sqlState].map { " (\($0))" } ?? "")
            } else {
                detail = "\(error.code)"
                unreachable = error.code == .connectionError || error.code == .serverClosedConnection
            }
        }
        return CollectionStoreError(
            location: SourceLocation(file: location.description),
            message: unreachable
                ? LocalizedText(
                    zh: "\(action.zh)失败：无法连接 PostgreSQL 服务器（\(detail)）。请检查服务器是否在运行、地址和端口是否正确。",
                    en: "\(action.en) failed: cannot reach the PostgreSQL server (\(detail)). Check that it runs and "
                        + "that the host and port are right.")
                : LocalizedText(
                    zh: "\(action.zh)失败（\(detail)）。请检查用户名、密码、数据库名和权限。",
                    en: "\(action.en) failed (\(detail)). Check the user, password, database and permissions."))
    }
}
