import CollectionFixtures
import Foundation
import JunhengCollection
import JunhengCore
import JunhengLinks
import JunhengQuestionnaire
import JunhengServer
import Testing

/// What holds the server up under abuse (issue 26): timeouts, the connection limit, the admin lockout, the
/// rate limit that keeps answers, HEAD and 405, start-up errors.
@Suite(.serialized) struct ServerHardeningTests {
    static let quick = ConnectionLimits(
        headerTimeout: .milliseconds(400), bodyTimeout: .milliseconds(400), idleTimeout: .milliseconds(700),
        maximumConnections: 100)

    @Test func aHeaderThatDoesNotArriveInTimeClosesTheConnection() async throws {
        let server = try await ServerHarness.start(connections: Self.quick)
        defer { Task { await server.stop() } }
        // Nothing at all, and a header trickled a byte at a time: both closed at the header deadline.
        let silent = try RawConnection(port: server.client.port)
        let trickle = try RawConnection(port: server.client.port)
        for byte in "GET /s/mini HTTP/1.1\r\nHost: x".map(String.init).prefix(6) {
            trickle.send(byte)
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(silent.read(for: 2).closed)
        #expect(trickle.read(for: 2).closed)
        // A real request in between is answered.
        #expect(try await server.client.get("/healthz").status == 200)
    }

    @Test func anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        var limits = Self.quick
        limits.idleTimeout = .milliseconds(1_500)
        let server = try await ServerHarness.start(connections: limits)
        defer { Task { await server.stop() } }
        let connection = try RawConnection(port: server.client.port)
        connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        // The response, then the connection stays open past the header deadline (0.4 s: it is idle, not reading
        // a header) and is closed at the idle deadline (1.5 s after the response).
        let first = connection.read(until: "\r\n\r\n", within: 10)
        #expect(first.text.hasPrefix("HTTP/1.1 200") && !first.closed)
        let started = Date()
        #expect(connection.read(for: 4).closed)
        // Closed at the idle deadline (1.5 s), not at the header deadline (0.4 s).
        #expect(Date().timeIntervalSince(started) > 1.0)
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test func pastTheMaximumANewConnectionGetsAQuick503() async throws {
        var limits = ConnectionLimits(maximumConnections: 3)
        limits.headerTimeout = .seconds(30)
        let server = try await ServerHarness.start(connections: limits)
        defer { Task { await server.stop() } }
        var held = try (0..<3).map { _ in try RawConnection(port: server.client.port) }
        try await Task.sleep(for: .milliseconds(100))
        let started = Date()
        let extra = try RawConnection(port: server.client.port)
        let reply = extra.read(for: 2)
        #expect(reply.closed)
        #expect(reply.text.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
        #expect(reply.text.contains("Retry-After: 5\r\n"))
        #expect(Date().timeIntervalSince(started) < 1)
        // One held connection closes: a new one is served again.
        held.removeFirst()
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await server.client.get("/healthz").status == 200)
        #expect(held.count == 2)
    }

    @Test func headIsAnsweredWhereverGetIsAndOtherMethodsGet405() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        for path in ["/", "/healthz", "/s/mini", "/admin", "/admin/mini/export.csv"] {
            let get = try await server.client.send("GET", path, headers: ["Authorization": server.basicAuth], body: nil)
            let head = try await server.client.send(
                "HEAD", path, headers: ["Authorization": server.basicAuth], body: nil)
            #expect(head.status == get.status, "\(path)")
            #expect(head.body.isEmpty, "\(path)")
            #expect(head.headers["content-type"] == get.headers["content-type"], "\(path)")
            #expect(head.headers["content-length"] == String(get.body.count) || path == "/s/mini", "\(path)")
        }
        let put = try await server.client.send("PUT", "/s/mini", headers: [:], body: Data("x".utf8))
        #expect(put.status == 405)
        #expect(put.headers["allow"] == "GET, POST, HEAD")
        let delete = try await server.client.send("DELETE", "/admin", headers: [:], body: nil)
        #expect(delete.status == 405)
        #expect(delete.headers["allow"] == "GET, HEAD")
        let post = try await server.client.post("/healthz", form: [])
        #expect(post.status == 405)
        #expect(try await server.client.send("PUT", "/nowhere", headers: [:], body: nil).status == 404)
        #expect(try await server.client.send("HEAD", "/nowhere", headers: [:], body: nil).status == 404)
    }

    @Test func fiveWrongAdminPasswordsLockTheAddressOutAndTheLogNamesItsHMACAndTheUser() async throws {
        let log = CapturedLog()
        let server = try await ServerHarness.start(log: log)
        defer { Task { await server.stop() } }
        // Asking without credentials is no wrong password.
        #expect(try await server.client.get("/admin").status == 401)
        var statuses: [Int] = []
        for attempt in 1...5 {
            let wrong = "Basic " + Data("admin\n:guess\(attempt)".utf8).base64EncodedString()
            statuses.append(try await server.client.get("/admin", headers: ["Authorization": wrong]).status)
        }
        #expect(statuses == [401, 401, 401, 401, 429])
        // Locked: the right password is refused too, for 15 minutes.
        let locked = try await server.client.get("/admin/mini/export.csv", headers: ["Authorization": server.basicAuth])
        #expect(locked.status == 429)
        let retry = try #require(locked.headers["retry-after"].flatMap(Int.init))
        #expect(retry > 14 * 60 && retry <= 15 * 60)
        #expect(locked.text.contains("管理员密码错误次数过多"))
        let hmac = ServerHarness.secret.ipHMAC("127.0.0.1")
        let warnings = log.lines.filter { $0.hasPrefix("warning admin:") }
        #expect(warnings.count == 6)
        #expect(
            warnings[0]
                == "warning admin: wrong password for user \"admin\\u{A}\" from address hmac \(hmac) (1 of 5 in 15 min)"
        )
        #expect(
            warnings[5] == "warning admin: address hmac \(hmac) locked out for 15 min (last user tried \"admin\\u{A}\")"
        )
        // The handlers' lines never hold the address (Hummingbird's own start-up line names where it listens).
        #expect(!log.lines.filter { !$0.contains("listening on") }.joined().contains("127.0.0.1"))
        // The forms are not locked.
        #expect(try await server.submit().status == 200)
    }

    @Test func aFormOverTheRateLimitComesBackWithEveryAnswerAndIsTakenWhenSentAgain() async throws {
        let ledger = ResettableLedger()
        let server = try await ServerHarness.start(rateLimit: 2, ledger: ledger)
        defer { Task { await server.stop() } }
        #expect(try await server.submit().status == 200)
        #expect(try await server.submit().status == 200)
        let (token, cookie, _) = try await server.open()
        let form = [("_token", token)] + ServerHarness.answers()
        let third = try await server.client.post("/s/mini", form: form, headers: ["Cookie": cookie])
        #expect(third.status == 429)
        #expect(third.headers["retry-after"] == "60")
        #expect(third.text.contains("您的回答还没有保存，但都保留在下面"))
        #expect(third.text.contains("<input type=\"radio\" name=\"staff.food\" value=\"满意\" required checked>"))
        #expect(third.text.contains("value=\"\(token)\""))
        #expect(try server.store.countNow(survey: "mini") == 2)
        // A minute later: the same form, sent again, is stored.
        await ledger.reset()
        let again = try await server.client.post("/s/mini", form: form, headers: ["Cookie": cookie])
        #expect(again.status == 200 && again.text.contains("您的回答已保存"))
        #expect(try server.store.countNow(survey: "mini") == 3)
    }

    @Test func twoBrowsersBehindOneAddressWithTheSameAnswersAreBothCounted() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        // Two browsers (two session cookies), one address, the same answers.
        #expect(try await server.submit().text.contains("您的回答已保存"))
        #expect(try await server.submit().text.contains("您的回答已保存"))
        let responses = try server.store.responsesNow(survey: "mini")
        #expect(responses.count == 2 && responses[0].ipHMAC == responses[1].ipHMAC)
        #expect(responses[0].answers == responses[1].answers)
        let settings = SatisfactionSettings(survey: server.survey, minSeconds: .some(nil))
        let fromStore = try CollectedSatisfaction.run(
            responses: responses, survey: server.survey, settings: settings, file: "store")
        #expect(fromStore.used == 2 && fromStore.excluded == 0)
        let export = try await server.client.get("/admin/mini/export.csv", headers: ["Authorization": server.basicAuth])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("two-\(UUID().uuidString).csv").path
        try export.body.write(to: URL(fileURLWithPath: path))
        let fromExport = try SatisfactionAnalysis.run(
            exports: [path], survey: server.survey, by: [], settings: settings)
        #expect(fromExport.used == 2 && fromExport.excluded == 0)
        // The same export read twice with the store: one copy of each is kept.
        let both = try CollectedSatisfaction.run(
            exports: [path], responses: responses, survey: server.survey, settings: settings, responsesFile: "store")
        #expect(both.used == 2 && both.excluded == 2)
    }

    @Test func aPortInUseIsSaidInTheLanguageOfTheRun() async throws {
        let first = try await ServerHarness.start()
        defer { Task { await first.stop() } }
        do {
            let second = try await ServerHarness.start(port: first.client.port)
            await second.stop()
            Issue.record("a second server started on a port in use")
        } catch let error as ServerStartError {
            #expect(error.message.zh.contains("端口 \(first.client.port) 已被其他程序占用。请换一个 --port"))
            #expect(error.message.en.contains("port \(first.client.port) is in use by another program"))
        }
    }

    @Test func aWildcardHostListsTheMachinesAddressesLoopbackLast() {
        let urls = ListeningAddresses.baseURLs(host: "0.0.0.0", port: 8080)
        #expect(urls.last == "http://127.0.0.1:8080")
        #expect(!urls.contains { $0.contains("0.0.0.0") })
        #expect(ListeningAddresses.baseURLs(host: "127.0.0.1", port: 1) == ["http://127.0.0.1:1"])
        #expect(ListeningAddresses.isOpenToNetwork("0.0.0.0") && !ListeningAddresses.isOpenToNetwork("127.0.0.1"))
    }
}

/// A ledger whose minute can be made to pass.
actor ResettableLedger: LimitLedger {
    private var inner = MemoryLimitLedger()

    func reset() { inner = MemoryLimitLedger() }

    func countSubmission(sender: String, minute: Int64) async throws(CollectionStoreError) -> Int {
        try await inner.countSubmission(sender: sender, minute: minute)
    }

    func adminLockedUntil(sender: String, now: Date) async throws(CollectionStoreError) -> Date? {
        try await inner.adminLockedUntil(sender: sender, now: now)
    }

    func recordAdminFailure(sender: String, now: Date, policy: LockoutPolicy) async throws(CollectionStoreError)
        -> (failures: Int, lockedUntil: Date?)
    {
        try await inner.recordAdminFailure(sender: sender, now: now, policy: policy)
    }
}
