import Foundation
import HTTPTypes
import Hummingbird
public import JunhengCollection
import JunhengCore
import JunhengLinks
import JunhengQuestionnaire
import JunhengReports
public import Logging
import NIOCore

/// `junheng serve`: the questionnaires as web forms on Hummingbird 2, the answers into a
/// ``ResponseStore``, the limits into a ``LimitLedger``.
///
/// Routes (``routes``): `GET /s/{id}` the form, `POST /s/{id}` a submission, `GET /admin` the progress,
/// `GET /admin/{id}/export.csv` the responses in 问卷星's layout, `GET /` the list of questionnaires,
/// `GET /healthz` a liveness check. `HEAD` is answered wherever `GET` is; another method on a known path
/// gets 405 with `Allow` (``MethodResponder``).
public struct CollectionServer: Sendable {
    /// A served questionnaire and the SHA-256 of its file.
    struct Served: Sendable {
        var survey: Questionnaire
        var sha256: String
    }

    let configuration: CollectionServerConfiguration
    let store: any ResponseStore
    let ledger: any LimitLedger
    let served: [String: Served]
    let order: [String]
    let closings = ClosingCache()
    let verified = VerifiedPasswords()

    /// A server for `configuration`, storing into `store` and counting its limits in `ledger` (by default in
    /// this process's memory; a PostgreSQL store shares them between processes).
    ///
    /// - Throws: ``CollectionStoreError`` when a questionnaire file cannot be read for its fingerprint.
    public init(
        configuration: CollectionServerConfiguration, store: any ResponseStore,
        ledger: (any LimitLedger)? = nil
    ) throws(CollectionStoreError) {
        self.configuration = configuration
        self.store = store
        self.ledger = ledger ?? (store as? any LimitLedger) ?? MemoryLimitLedger()
        var served: [String: Served] = [:]
        for survey in configuration.surveys {
            served[survey.id] = Served(survey: survey, sha256: try QuestionnaireFingerprint.of(survey))
        }
        self.served = served
        self.order = configuration.surveys.map(\.id)
    }

    /// The paths and the methods each answers (`HEAD` wherever `GET`); `*` is one path component.
    static let routes: [(pattern: [String], methods: [HTTPRequest.Method])] = [
        ([], [.get]), (["healthz"], [.get]), (["s", "*"], [.get, .post]), (["admin"], [.get]),
        (["admin", "*", "export.csv"], [.get]), (["admin", "*", "export.xlsx"], [.get]),
        (["admin", "*", "close"], [.post]), (["admin", "*", "delete"], [.post]), (["admin", "c", "*"], [.get]),
        (["admin", "c", "*", "*", "export.csv"], [.get]), (["admin", "c", "*", "*", "export.xlsx"], [.get]),
        (["admin", "c", "*", "*", "delete"], [.post]), (["k", "*"], [.get]),
    ]

    /// Runs until SIGINT or SIGTERM (or the task is cancelled); `onRunning` is told the port once the
    /// server listens.
    ///
    /// - Throws: ``ServerStartError`` when it cannot listen (the port is taken, the host is not an address
    ///   of this machine).
    public func run(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let router = Router(context: CollectionRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.get("/") { request, _ in self.index(request) }
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/k/:code") { request, context in await self.shortCode(request, context: context) }
        router.get("/s/:survey") { request, context in await self.form(request, context: context) }
        router.post("/s/:survey") { request, context in try await self.submit(request, context: context) }
        router.get("/admin") { request, context in try await self.admin(request, context: context) }
        router.get("/admin/c/:county") { request, context in try await self.admin(request, context: context) }
        for prefix in ["/admin", "/admin/c/:county"] {
            router.get("\(prefix)/:survey/export.csv") { request, context in
                try await self.export(request, context: context, excel: false)
            }
            router.get("\(prefix)/:survey/export.xlsx") { request, context in
                try await self.export(request, context: context, excel: true)
            }
            router.post("\(prefix)/:survey/delete") { request, context in
                try await self.deleteResponses(request, context: context)
            }
        }
        router.post("/admin/:survey/close") { request, context in try await self.close(request, context: context) }
        if let closeAt = configuration.closeAt {
            for id in order {
                try await store.setClosing(
                    SurveyClosing(survey: id, closesAt: closeAt, changedBy: "--close-at", changedAt: Date()))
            }
        }
        let port = configuration.port
        let counter = ConnectionCounter(maximum: configuration.connections.maximumConnections)
        let app = Application(
            responder: MethodResponder(inner: router.buildResponder(), routes: Self.routes),
            server: GuardedHTTP1Channel.builder(limits: configuration.connections, counter: counter),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: port), serverName: "junheng"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        do {
            try await app.runService()
        } catch {
            throw ServerStartError(error, host: configuration.host, port: port) ?? error
        }
    }

    // MARK: - Pages

    func language(_ request: Request) -> Language {
        query(request)?.first("lang") == "en" ? .en : .zh
    }

    func query(_ request: Request) -> FormFields? {
        try? FormFields(urlEncoded: Array((request.uri.query ?? "").utf8))
    }

    func index(_ request: Request) -> Response {
        let language = language(request)
        var html = "<h1>\(language == .zh ? "问卷" : "Questionnaires")</h1>\n<ul>\n"
        for id in order {
            guard let survey = served[id]?.survey else { continue }
            html += "<li><a href=\"/s/\(HTMLEscaping.escape(id))\(language == .en ? "?lang=en" : "")\">"
            html += "\(HTMLEscaping.escape(survey.title.text(language)))</a></li>\n"
        }
        html += "</ul>"
        return HTMLPage(language: language, title: language == .zh ? "问卷" : "Questionnaires", body: html)
            .response(.ok)
    }

    func notFound(_ language: Language) -> Response {
        HTMLPage.message(.notFound, title: ServerText.notFoundTitle, message: ServerText.notFound, language: language)
    }

    func refused(
        _ status: HTTPResponse.Status, _ message: LocalizedText, language: Language, reopen: String? = nil,
        headers: HTTPFields = [:]
    ) -> Response {
        HTMLPage.message(
            status, title: ServerText.refusedTitle, message: message, language: language,
            link: reopen.map { (href: $0, text: ServerText.reopen) }, headers: headers)
    }

    /// The page's path with its query (the signed link's parameters and `lang` kept).
    func selfURL(_ request: Request) -> String {
        request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
    }

    /// The page's path with the other language.
    func otherLanguageURL(_ request: Request, current: Language) -> String {
        var pairs = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }.map(String.init)
        if current == .zh { pairs.append("lang=en") }
        return request.uri.path + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&"))
    }

    /// The sender's address: the peer's, or, when the peer is this machine (the reverse proxy), the
    /// address the proxy names in `X-Real-IP`.
    func sender(_ request: Request, context: CollectionRequestContext) -> String {
        let peer = context.peer?.ipAddress
        if let peer, peer == "127.0.0.1" || peer == "::1" || peer.hasPrefix("::ffff:127."),
            let forwarded = request.headers[.xRealIP], !forwarded.isEmpty
        {
            return forwarded
        }
        return peer ?? "unknown"
    }

    /// The polite page of a closed questionnaire, or `nil` while it is open (or the store cannot say: a form is
    /// never refused for a failed read; the submission is checked again).
    func closedPage(_ survey: String, language: Language, status: HTTPResponse.Status, posted: Bool) async -> Response?
    {
        guard let closing = try? await closings.closing(survey, store: store), let closesAt = closing.closesAt,
            closing.isClosed(at: Date())
        else { return nil }
        let time = WjxTextLayout.timestamp(closesAt)
        return HTMLPage.message(
            status, title: ServerText.closedTitle,
            message: posted ? ServerText.closedNotStored(at: time) : ServerText.closed(at: time), language: language)
    }

    /// `GET /k/{code}`: a printed short code, typed; on to its signed link.
    func shortCode(_ request: Request, context: CollectionRequestContext) async -> Response {
        let language = language(request)
        guard let typed = context.parameters.get("code")?.removingPercentEncoding,
            let code = ShortLink.normalized(typed), let link = try? await store.shortLink(code: code)
        else {
            return HTMLPage.message(
                .notFound, title: ServerText.notFoundTitle, message: ServerText.noSuchCode, language: language)
        }
        return Response(status: .found, headers: [.location: link.path, .cacheControl: "no-store"])
    }

    // MARK: - GET /s/{id}

    func form(_ request: Request, context: CollectionRequestContext) async -> Response {
        let language = language(request)
        guard let id = context.parameters.get("survey"), let entry = served[id] else { return notFound(language) }
        if let closed = await closedPage(id, language: language, status: .ok, posted: false) { return closed }
        guard let query = query(request) else { return refused(.badRequest, ServerText.badBody, language: language) }
        let link: LinkAnswers
        do {
            link = try SignedLink.verify(survey: id, query: query, secret: configuration.secret)
        } catch {
            return refused(.forbidden, error.message, language: language)
        }
        var headers: HTTPFields = [:]
        let session: String
        if let existing = request.cookies[FormToken.sessionCookie]?.value, FormToken.isSession(existing) {
            session = existing
        } else {
            session = FormToken.newSession()
            let secure = request.headers[.xForwardedProto] == "https" ? "; Secure" : ""
            headers[.setCookie] =
                "\(FormToken.sessionCookie)=\(session); Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax\(secure)"
        }
        let token = FormToken.make(survey: id, session: session, link: link, secret: configuration.secret)
        let page = FormPage(
            survey: entry.survey, language: language, action: selfURL(request),
            otherLanguage: otherLanguageURL(request, current: language), token: token.text, link: link,
            kept: FormFields(), problems: [:], notice: nil)
        return page.page.response(.ok, headers: headers)
    }
}
