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
/// ``ResponseStore``.
///
/// Routes: `GET /s/{id}` the form, `POST /s/{id}` a submission, `GET /admin` the progress,
/// `GET /admin/{id}/export.csv` the responses in 问卷星's layout, `GET /` the list of questionnaires,
/// `GET /healthz` a liveness check.
public struct CollectionServer: Sendable {
    /// A served questionnaire and the SHA-256 of its file.
    struct Served: Sendable {
        var survey: Questionnaire
        var sha256: String
    }

    let configuration: CollectionServerConfiguration
    let store: any ResponseStore
    let served: [String: Served]
    let order: [String]
    let limiter: RateLimiter

    /// A server for `configuration`, storing into `store`.
    ///
    /// - Throws: ``CollectionStoreError`` when a questionnaire file cannot be read for its fingerprint.
    public init(configuration: CollectionServerConfiguration, store: any ResponseStore) throws(CollectionStoreError) {
        self.configuration = configuration
        self.store = store
        var served: [String: Served] = [:]
        for survey in configuration.surveys {
            served[survey.id] = Served(survey: survey, sha256: try QuestionnaireFingerprint.of(survey))
        }
        self.served = served
        self.order = configuration.surveys.map(\.id)
        self.limiter = RateLimiter(limit: configuration.rateLimit)
    }

    /// Runs until SIGINT or SIGTERM (or the task is cancelled); `onRunning` is told the port once the
    /// server listens.
    public func run(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let router = Router(context: CollectionRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.get("/") { request, _ in self.index(request) }
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/s/:survey") { request, context in self.form(request, context: context) }
        router.post("/s/:survey") { request, context in try await self.submit(request, context: context) }
        router.get("/admin") { request, _ in try await self.admin(request) }
        router.get("/admin/:survey/export.csv") { request, context in try await self.export(request, context: context) }
        let port = configuration.port
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: port), serverName: "junheng"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService()
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

    // MARK: - GET /s/{id}

    func form(_ request: Request, context: CollectionRequestContext) -> Response {
        let language = language(request)
        guard let id = context.parameters.get("survey"), let entry = served[id] else { return notFound(language) }
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

    // MARK: - POST /s/{id}

    func submit(_ request: Request, context: CollectionRequestContext) async throws -> Response {
        let language = language(request)
        guard let id = context.parameters.get("survey"), let entry = served[id] else { return notFound(language) }
        let reopen = selfURL(request)

        // Cross-site posts: the browser says so (Sec-Fetch-Site), or the Origin is not this host.
        if request.headers[.secFetchSite] == "cross-site" || !sameOrigin(request) {
            return refused(.forbidden, ServerText.crossSite, language: language, reopen: reopen)
        }
        let senderHMAC = configuration.secret.ipHMAC(sender(request, context: context))
        guard limiter.allow(senderHMAC) else {
            return refused(.tooManyRequests, ServerText.tooMany, language: language, headers: [.retryAfter: "60"])
        }
        let limit = CollectionServerConfiguration.bodyLimit
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return refused(.contentTooLarge, ServerText.tooLarge, language: language, reopen: reopen)
        }
        guard (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            return refused(.unsupportedMediaType, ServerText.badBody, language: language, reopen: reopen)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            return refused(.contentTooLarge, ServerText.tooLarge, language: language, reopen: reopen)
        }
        let fields: FormFields
        do {
            fields = try FormFields(urlEncoded: body.readableBytesView)
        } catch {
            return refused(.badRequest, ServerText.badBody, language: language, reopen: reopen)
        }
        guard let query = query(request) else { return refused(.badRequest, ServerText.badBody, language: language) }
        let link: LinkAnswers
        do {
            link = try SignedLink.verify(survey: id, query: query, secret: configuration.secret)
        } catch {
            return refused(.forbidden, error.message, language: language)
        }
        let session = request.cookies[FormToken.sessionCookie]?.value
        let token: FormToken
        do {
            token = try FormToken.verify(
                fields.first("_token"), survey: id, session: session, link: link, secret: configuration.secret)
        } catch .expired {
            let fresh = FormToken.make(survey: id, session: session ?? "", link: link, secret: configuration.secret)
            return formAgain(
                request, entry: entry, language: language, token: fresh.text, link: link, kept: fields, problems: [:],
                notice: ServerText.expired, status: .badRequest)
        } catch {
            return refused(.forbidden, ServerText.badToken, language: language, reopen: reopen)
        }

        let check = FormValidator.check(fields, survey: entry.survey, link: link)
        guard check.isValid else {
            return formAgain(
                request, entry: entry, language: language, token: token.text, link: link, kept: fields,
                problems: check.problems, notice: nil, status: .badRequest)
        }
        let response = CollectedResponse(
            survey: id, surveySHA256: entry.sha256, token: token.text, startedAt: token.startedAt, submittedAt: Date(),
            link: link, ipHMAC: senderHMAC, answers: check.answers)
        let outcome: SubmitOutcome
        do {
            outcome = try await store.submit(response)
        } catch {
            context.logger.error("storing a response failed: \(error.rendered(in: .en))")
            return formAgain(
                request, entry: entry, language: language, token: token.text, link: link, kept: fields, problems: [:],
                notice: ServerText.storeFailed, status: .serviceUnavailable)
        }
        let message: LocalizedText
        switch outcome {
        case .stored: message = ServerText.thanks
        case .alreadyStored: message = ServerText.alreadyStored
        }
        return HTMLPage.message(.ok, title: ServerText.thanksTitle, message: message, language: language)
    }

    func formAgain(
        _ request: Request, entry: Served, language: Language, token: String, link: LinkAnswers, kept: FormFields,
        problems: [String: LocalizedText], notice: LocalizedText?, status: HTTPResponse.Status
    ) -> Response {
        FormPage(
            survey: entry.survey, language: language, action: selfURL(request),
            otherLanguage: otherLanguageURL(request, current: language), token: token, link: link, kept: kept,
            problems: problems, notice: notice
        ).page.response(status)
    }

    /// Whether the request's `Origin`, when it names one, is this server's own (`Host`). An absent or
    /// `null` origin (a privacy setting, an old browser) is left to the token and its cookie.
    func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin], origin != "null" else { return true }
        guard let host = request.head.authority else { return false }
        guard let scheme = origin.range(of: "://") else { return false }
        return origin[scheme.upperBound...] == host[...]
    }

    // MARK: - Admin

    /// `nil` when the request carries the admin password, else the refusal.
    func adminRefusal(_ request: Request) -> Response? {
        let language = language(request)
        guard let password = configuration.adminPassword else {
            return refused(.forbidden, ServerText.adminDisabled, language: language)
        }
        if let header = request.headers[.authorization], header.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst("Basic ".count))),
            constantTimeEqual(String(decoding: decoded, as: UTF8.self), "admin:" + password)
        {
            return nil
        }
        return refused(
            .unauthorized, ServerText.adminLogin, language: language,
            headers: [.wwwAuthenticate: "Basic realm=\"junheng\", charset=\"UTF-8\""])
    }

    func admin(_ request: Request) async throws -> Response {
        if let refusal = adminRefusal(request) { return refusal }
        var sections: [AdminPage.Section] = []
        for id in order {
            guard let survey = served[id]?.survey else { continue }
            let responses = try await store.allResponses(survey: id)
            let by: [GroupingKey] = survey.question(role: .township) != nil ? [.township, .group] : [.group]
            let settings = SatisfactionSettings(survey: survey, population: configuration.population)
            let result = try CollectedSatisfaction.run(
                responses: responses, survey: survey, settings: settings, by: by, file: "responses:\(id)")
            sections.append(AdminPage.Section(survey: survey, stored: responses.count, result: result))
        }
        return AdminPage(sections: sections, language: language(request)).page.response(.ok)
    }

    func export(_ request: Request, context: CollectionRequestContext) async throws -> Response {
        if let refusal = adminRefusal(request) { return refusal }
        guard let id = context.parameters.get("survey"), let entry = served[id] else {
            return notFound(language(request))
        }
        let responses = try await store.allResponses(survey: id)
        let data = CollectedExport.csv(survey: entry.survey, responses: responses)
        var headers = HTMLPage.securityHeaders
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(id)-responses.csv\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
