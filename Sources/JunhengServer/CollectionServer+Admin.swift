import Foundation
import HTTPTypes
import Hummingbird
import JunhengCollection
import JunhengCore
import JunhengLinks
import JunhengQuestionnaire
import JunhengReports
import Logging
import NIOCore

extension CollectionServer {
    // MARK: - Admin

    /// The admin password checked, with the lockout of ``LockoutPolicy``: a sender locked out gets 429 (the
    /// password is not even looked at); a wrong password is counted, logged with the HMAC of the address and
    /// the user tried, and the fifth within the window locks the sender out. `nil` when the request may go on.
    func adminRefusal(_ request: Request, context: CollectionRequestContext) async -> Response? {
        let language = language(request)
        guard let password = configuration.adminPassword else {
            return refused(.forbidden, ServerText.adminDisabled, language: language)
        }
        let senderHMAC = configuration.secret.ipHMAC(sender(request, context: context))
        let now = Date()
        if let until = try? await ledger.adminLockedUntil(sender: senderHMAC, now: now) {
            return lockedOut(until: until, now: now, language: language)
        }
        let credentials = BasicCredentials(request.headers[.authorization])
        if let credentials, credentials.user == "admin", constantTimeEqual(credentials.password, password) {
            return nil
        }
        let challenge = refused(
            .unauthorized, ServerText.adminLogin, language: language,
            headers: [.wwwAuthenticate: "Basic realm=\"junheng\", charset=\"UTF-8\""])
        // No credentials yet: the browser asks for them; that is no wrong password.
        guard let credentials else { return challenge }
        let policy = configuration.lockout
        let recorded: (failures: Int, lockedUntil: Date?)
        do {
            recorded = try await ledger.recordAdminFailure(sender: senderHMAC, now: now, policy: policy)
        } catch {
            context.logger.error("recording a wrong admin password failed: \(error.rendered(in: .en))")
            return challenge
        }
        let user = credentials.loggable
        let line =
            "admin: wrong password for user \(user) from address hmac \(senderHMAC) "
            + "(\(recorded.failures) of \(policy.attempts) in \(Int(policy.window / 60)) min)"
        context.logger.warning("\(line)")
        if let until = recorded.lockedUntil {
            context.logger.warning(
                "admin: address hmac \(senderHMAC) locked out for \(Int(policy.lock / 60)) min (last user tried \(user))"
            )
            return lockedOut(until: until, now: now, language: language)
        }
        return challenge
    }

    func lockedOut(until: Date, now: Date, language: Language) -> Response {
        let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
        return refused(
            .tooManyRequests, ServerText.adminLocked(minutes: (seconds + 59) / 60), language: language,
            headers: [.retryAfter: String(seconds)])
    }

    func admin(_ request: Request, context: CollectionRequestContext) async throws -> Response {
        if let refusal = await adminRefusal(request, context: context) { return refusal }
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
        if let refusal = await adminRefusal(request, context: context) { return refusal }
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
