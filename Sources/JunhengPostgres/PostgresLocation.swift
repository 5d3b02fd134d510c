import Foundation
public import JunhengCollection
import JunhengCore

/// Where a PostgreSQL store is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, as `--store` and
/// `JUNHENG_STORE` name it. `?host=/run/postgresql` reaches the server through its Unix socket folder instead of
/// TCP; `?schema=NAME` keeps junheng's tables in a schema of their own (made when missing).
///
/// A password is better kept out of the command line: without one in the URL, the `PGPASSWORD` environment
/// variable is used.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// A Unix socket folder (`?host=/path`): the socket is `PATH/.s.PGSQL.PORT`.
    public var socketFolder: String?
    public var schema: String?

    public init(
        user: String, password: String? = nil, host: String = "127.0.0.1", port: Int = 5432, database: String,
        socketFolder: String? = nil, schema: String? = nil
    ) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.socketFolder = socketFolder
        self.schema = schema
    }

    /// Whether `text` names a PostgreSQL store rather than an SQLite file.
    public static func names(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The location `url` names.
    ///
    /// - Throws: ``CollectionStoreError`` saying which part is missing or wrong.
    public init(url: String, environment: [String: String] = [:]) throws(CollectionStoreError) {
        func fail(_ zh: String, _ en: String) -> CollectionStoreError {
            CollectionStoreError(
                location: nil,
                message: LocalizedText(
                    zh: "答卷库地址 \(PostgresLocation.redacted(url)) 有误：\(zh)格式为 postgres://用户名@主机:端口/数据库。",
                    en: "the store address \(PostgresLocation.redacted(url)) is wrong: \(en) The form is "
                        + "postgres://USER@HOST:PORT/DATABASE."))
        }
        guard let scheme = url.range(of: "://"), Self.names(url) else {
            throw fail("不是 postgres:// 地址。", "it is not a postgres:// address.")
        }
        var rest = Substring(url[scheme.upperBound...])
        var query: [String: String] = [:]
        if let mark = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                query[String(parts[0])] = parts.count > 1 ? Self.percentDecoded(String(parts[1])) : ""
            }
            rest = rest[..<mark]
        }
        guard let at = rest.lastIndex(of: "@") else { throw fail("缺少用户名。", "the user is missing.") }
        let credentials = rest[..<at]
        let place = rest[rest.index(after: at)...]
        if let colon = credentials.firstIndex(of: ":") {
            user = Self.percentDecoded(String(credentials[..<colon]))
            password = Self.percentDecoded(String(credentials[credentials.index(after: colon)...]))
        } else {
            user = Self.percentDecoded(String(credentials))
            password = environment["PGPASSWORD"]
        }
        guard !user.isEmpty else { throw fail("缺少用户名。", "the user is missing.") }
        guard let slash = place.firstIndex(of: "/") else { throw fail("缺少数据库名。", "the database is missing.") }
        database = Self.percentDecoded(String(place[place.index(after: slash)...]))
        guard !database.isEmpty else { throw fail("缺少数据库名。", "the database is missing.") }
        let hostPort = place[..<slash]
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let tail = hostPort[hostPort.index(after: close)...]
            guard tail.isEmpty || tail.hasPrefix(":"), let value = tail.isEmpty ? 5432 : Int(tail.dropFirst()) else {
                throw fail("端口不是数字。", "the port is not a number.")
            }
            port = value
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            guard let value = Int(hostPort[hostPort.index(after: colon)...]) else {
                throw fail("端口不是数字。", "the port is not a number.")
            }
            port = value
        } else {
            host = String(hostPort)
            port = 5432
        }
        guard (1...65535).contains(port) else { throw fail("端口应在 1 到 65535 之间。", "the port must be 1 to 65535.") }
        socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        if host.isEmpty, socketFolder == nil { throw fail("缺少主机。", "the host is missing.") }
        if host.isEmpty { host = "localhost" }
        schema = query["schema"]
        if let schema, schema.isEmpty || !schema.utf8.allSatisfy({ Self.identifierByte($0) }) {
            throw fail("schema 只能由小写字母、数字和下划线组成。", "a schema is lowercase letters, digits and underscores.")
        }
    }

    /// The URL with the password left out (for messages and logs).
    public var description: String {
        var text = "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
        var query: [String] = []
        if let socketFolder { query.append("host=\(socketFolder)") }
        if let schema { query.append("schema=\(schema)") }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        return text
    }

    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].lastIndex(of: "@") else {
            return url
        }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    static func identifierByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_")
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
