import Foundation
import HTTPTypes
import Hummingbird
import JunhengCollection
import JunhengCore
import JunhengLinks
import JunhengQuestionnaire
import Logging
import NIOCore

extension CollectionServer {
    // MARK: - POST /s/{id}

    /// A submission: refused (cross-site, too large, not a form, a forged link or token) before anything is
    /// read into a response; sent back with every answer kept when it needs changing, when the sender is over
    /// the rate limit (429: submit again in a minute) or when the store fails (503); stored once per form
    /// token, and thanked only once it is durable.
    func submit(_ request: Request, context: CollectionRequestContext) async throws -> Response {
        let language = language(request)
        guard let id = context.parameters.get("survey"), let entry = served[id] else { return notFound(language) }
        let reopen = selfURL(request)
        if let closed = await closedPage(id, language: language, status: .gone, posted: true) { return closed }

        // Cross-site posts: the browser says so (Sec-Fetch-Site), or the Origin is not this host.
        if request.headers[.secFetchSite] == "cross-site" || !sameOrigin(request) {
            return refused(.forbidden, ServerText.crossSite, language: language, reopen: reopen)
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
        let senderHMAC = configuration.secret.ipHMAC(sender(request, context: context))
        if configuration.rateLimit > 0 {
            // Counted only for a valid form, and never at the cost of its answers: the form comes back filled
            // in, and the same token may be submitted again in a minute.
            let minute = Int64((Date().timeIntervalSince1970 / 60).rounded(.down))
            let count: Int
            do {
                count = try await ledger.countSubmission(sender: senderHMAC, minute: minute)
            } catch {
                context.logger.error("counting a submission failed: \(error.rendered(in: .en))")
                count = 0
            }
            if count > configuration.rateLimit {
                return formAgain(
                    request, entry: entry, language: language, token: token.text, link: link, kept: fields,
                    problems: [:], notice: ServerText.tooManyKept, status: .tooManyRequests,
                    headers: [.retryAfter: "60"])
            }
        }
        let response = CollectedResponse(
            survey: id, surveySHA256: entry.sha256, token: token.text, startedAt: token.startedAt, submittedAt: Date(),
            link: link, county: link.county, ipHMAC: senderHMAC, answers: check.answers)
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
        problems: [String: LocalizedText], notice: LocalizedText?, status: HTTPResponse.Status,
        headers: HTTPFields = [:]
    ) -> Response {
        FormPage(
            survey: entry.survey, language: language, action: selfURL(request),
            otherLanguage: otherLanguageURL(request, current: language), token: token, link: link, kept: kept,
            problems: problems, notice: notice
        ).page.response(status, headers: headers)
    }

    /// Whether the request's `Origin`, when it names one, is this server's own (`Host`). An absent or
    /// `null` origin (a privacy setting, an old browser) is left to the token and its cookie.
    func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin], origin != "null" else { return true }
        guard let host = request.head.authority else { return false }
        guard let scheme = origin.range(of: "://") else { return false }
        return origin[scheme.upperBound...] == host[...]
    }
}
