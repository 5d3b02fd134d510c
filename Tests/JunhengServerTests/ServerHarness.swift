import CollectionFixtures
import Foundation
import JunhengCollection
import JunhengLinks
import JunhengQuestionnaire
import JunhengServer
import Logging

/// The real server on a free loopback port, storing into a real SQLite file; stopped by ``stop()``.
struct ServerHarness: Sendable {
    static let password = "correct horse battery"
    static let secret = ServerSecret(bytes: Array(0..<32))

    let survey: Questionnaire
    let store: SQLiteResponseStore
    let client: HTTPClient
    private let task: Task<Void, any Error>

    static func start(
        rateLimit: Int = 0, adminPassword: String? = password, connections: ConnectionLimits = ConnectionLimits(),
        ledger: (any LimitLedger)? = nil, log: CapturedLog? = nil, port: Int = 0,
        configure: (inout CollectionServerConfiguration) -> Void = { _ in },
        prepare: (SQLiteResponseStore) async throws -> Void = { _ in }
    ) async throws -> ServerHarness {
        let survey = try CollectionFixtures.survey()
        let store = try SQLiteResponseStore(path: CollectionFixtures.temporaryDatabase())
        try await prepare(store)
        var configuration = CollectionServerConfiguration(
            host: "127.0.0.1", port: port, surveys: [survey], adminPassword: adminPassword, secret: secret,
            rateLimit: rateLimit, population: 2000, connections: connections)
        configure(&configuration)
        let server = try CollectionServer(configuration: configuration, store: store, ledger: ledger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let logger = Logger(label: "test") { _ in
            log.map { $0 as any LogHandler } ?? SwiftLogNoOpLogHandler()
        }
        let task = Task {
            // The stream ends when the server stops, so a server that cannot start is not waited for.
            defer { continuation.finish() }
            try await server.run(logger: logger) { port in continuation.yield(port) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw HTTPClient.Failure(what: "the server did not start")
        }
        return ServerHarness(survey: survey, store: store, client: HTTPClient(port: port), task: task)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Opens a form: its token, the session cookie to send back, the page.
    func open(_ path: String = "/s/mini", cookie: String? = nil) async throws -> (
        token: String, cookie: String, html: String
    ) {
        let reply = try await client.get(path, headers: cookie.map { ["Cookie": $0] } ?? [:])
        let html = reply.text
        guard let range = html.range(of: "name=\"_token\" value=\"") else {
            throw HTTPClient.Failure(what: "no token in \(reply.status) \(html.prefix(200))")
        }
        let token = String(html[range.upperBound...].prefix { $0 != "\"" })
        let setCookie = reply.headers["set-cookie"].map { String($0.prefix { $0 != ";" }) }
        return (token, cookie ?? setCookie ?? "", html)
    }

    /// A complete valid answer, as the browser posts it.
    static func answers(_ changes: [(String, String?)] = []) -> [(String, String)] {
        var form: [(String, String)] = [
            ("identity", "学生家长"), ("township", "城关镇"), ("school", ""), ("q1", "满意"), ("staff.food", "满意"),
            ("staff.safety", "非常满意"), ("wants", "课后服务"), ("wants", "其他【请注明】"), ("wants.other", "心理辅导"),
            ("residence", "城区"), ("notes", "无"),
        ]
        for (name, value) in changes {
            form.removeAll { $0.0 == name }
            if let value { form.append((name, value)) }
        }
        return form
    }

    /// Opens the form at `path` and submits `answers` with its token and cookie.
    func submit(_ path: String = "/s/mini", _ answers: [(String, String)] = answers(), headers: [String: String] = [:])
        async throws -> HTTPClient.Reply
    {
        let (token, cookie, _) = try await open(path)
        var headers = headers
        headers["Cookie"] = cookie
        return try await client.post(path, form: [("_token", token)] + answers, headers: headers)
    }

    var basicAuth: String { Self.basic("admin", Self.password) }

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }
}
