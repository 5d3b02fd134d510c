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
    // MARK: - Who is asking

    /// The admin asking, or the refusal: a sender locked out gets 429 (the password is not even looked at); a
    /// wrong password is counted, logged with the HMAC of the address and the user tried, and the fifth within
    /// the window locks the sender out (``LockoutPolicy``). `admin` with `--admin-password-file`'s password
    /// sees every county; a county's name with its password (``PasswordHash``) sees that county's.
    func authorize(_ request: Request, context: CollectionRequestContext) async -> Result<AdminUser, Refusal> {
        let language = language(request)
        let counties = (try? await store.counties()) ?? []
        guard configuration.adminPassword != nil || !counties.isEmpty else {
            return .failure(Refusal(response: refused(.forbidden, ServerText.adminDisabled, language: language)))
        }
        let senderHMAC = configuration.secret.ipHMAC(sender(request, context: context))
        let now = Date()
        if let until = try? await ledger.adminLockedUntil(sender: senderHMAC, now: now) {
            return .failure(Refusal(response: lockedOut(until: until, now: now, language: language)))
        }
        let credentials = BasicCredentials(request.headers[.authorization])
        if let credentials {
            if credentials.user == County.provinceUser, let password = configuration.adminPassword,
                constantTimeEqual(credentials.password, password)
            {
                return .success(AdminUser(name: County.provinceUser, county: nil))
            }
            if let county = counties.first(where: { $0.name == credentials.user }) {
                let key = verified.key(user: county.name, password: credentials.password, hash: county.passwordHash)
                if verified.isVerified(key) || county.passwordHash.verifies(credentials.password) {
                    verified.remember(key)
                    return .success(AdminUser(name: county.name, county: county.name))
                }
            }
        }
        let challenge = refused(
            .unauthorized, ServerText.adminLogin, language: language,
            headers: [.wwwAuthenticate: "Basic realm=\"junheng\", charset=\"UTF-8\""])
        // No credentials yet: the browser asks for them; that is no wrong password.
        guard let credentials else { return .failure(Refusal(response: challenge)) }
        let policy = configuration.lockout
        let recorded: (failures: Int, lockedUntil: Date?)
        do {
            recorded = try await ledger.recordAdminFailure(sender: senderHMAC, now: now, policy: policy)
        } catch {
            context.logger.error("recording a wrong admin password failed: \(error.rendered(in: .en))")
            return .failure(Refusal(response: challenge))
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
            return .failure(Refusal(response: lockedOut(until: until, now: now, language: language)))
        }
        return .failure(Refusal(response: challenge))
    }

    func lockedOut(until: Date, now: Date, language: Language) -> Response {
        let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
        return refused(
            .tooManyRequests, ServerText.adminLocked(minutes: (seconds + 59) / 60), language: language,
            headers: [.retryAfter: String(seconds)])
    }

    /// The county a request's path names (`/admin/c/{county}/…`), checked against the admin: another county's
    /// pages are 403 for a county's admin. `.success(nil)`: no county in the path (the admin's own scope).
    func pathCounty(_ context: CollectionRequestContext, user: AdminUser, language: Language) -> Result<
        String?, Refusal
    > {
        // The router hands the path component as sent: percent-encoded.
        guard let raw = context.parameters.get("county") else { return .success(user.county) }
        guard let county = raw.removingPercentEncoding else { return .failure(Refusal(response: notFound(language))) }
        guard user.may(see: county) else {
            return .failure(Refusal(response: refused(.forbidden, ServerText.otherCounty, language: language)))
        }
        return .success(county)
    }

    /// The token of the admin's forms (close, delete): an HMAC of the user and questionnaire.
    func adminFormToken(user: AdminUser, survey: String) -> String {
        configuration.secret.tag("admin-form", user.name + "\u{1F}" + survey)
    }

    // MARK: - Pages

    func admin(_ request: Request, context: CollectionRequestContext) async throws -> Response {
        let language = language(request)
        let user: AdminUser
        switch await authorize(request, context: context) {
        case .success(let found): user = found
        case .failure(let refusal): return refusal.response
        }
        let county: String?
        switch pathCounty(context, user: user, language: language) {
        case .success(let found): county = found
        case .failure(let refusal): return refusal.response
        }
        let counties = try await store.counties()
        if let county, !counties.contains(where: { $0.name == county }) { return notFound(language) }
        let population = county.flatMap { name in counties.first { $0.name == name }?.population }
        var sections: [AdminPage.Section] = []
        let now = Date()
        for id in order {
            guard let survey = served[id]?.survey else { continue }
            let responses = try await store.allResponses(survey: id, county: county)
            let result = try rate(
                responses, survey: survey, population: county == nil ? configuration.population : population)
            var rows: [AdminPage.CountyRow] = []
            if county == nil {
                for each in counties {
                    let own = responses.filter { $0.county == each.name }
                    let rated = try rate(own, survey: survey, population: each.population, by: [])
                    rows.append(
                        AdminPage.CountyRow(
                            name: each.name, stored: own.count, used: rated.used,
                            target: each.population.map { Int((Double($0) * rated.settings.sampleShare).rounded(.up)) },
                            rate: rated.overall.rate, interval: rated.overall.ci95))
                }
            }
            sections.append(
                AdminPage.Section(
                    survey: survey, stored: responses.count, result: result,
                    closing: try await store.closing(survey: id),
                    deletions: try await store.deletions(survey: id, county: county),
                    progress: progress(responses, survey: survey), daily: DailyProgressChart(responses),
                    counties: rows, formToken: adminFormToken(user: user, survey: id)))
        }
        let base = county.map { "/admin/c/" + SignedLink.percentEncoded($0) } ?? "/admin"
        return AdminPage(
            sections: sections, language: language, user: user, base: base, county: county,
            mayClose: user.county == nil, now: now
        ).page.response(.ok)
    }

    func rate(_ responses: [CollectedResponse], survey: Questionnaire, population: Int?, by: [GroupingKey]? = nil)
        throws -> SatisfactionResult
    {
        let by = by ?? (survey.question(role: .township) != nil ? [.township, .group] : [.group])
        let settings = SatisfactionSettings(survey: survey, population: population)
        return try CollectedSatisfaction.run(
            responses: responses, survey: survey, settings: settings, by: by, file: "responses:\(survey.id)")
    }

    /// Received responses by township and school (the link's, or else the answers'), with their targets.
    func progress(_ responses: [CollectedResponse], survey: Questionnaire) -> [AdminPage.ProgressRow] {
        let townshipID = survey.question(role: .township)?.id
        let schoolID = survey.question(role: .school)?.id
        var counts: [String: Int] = [:]
        var order: [(String, String?)] = []
        for response in responses {
            let township =
                response.link.township ?? townshipID.flatMap { response.answers[$0].first } ?? "—"
            let school = response.link.school ?? schoolID.flatMap { response.answers[$0].first }
            for (township, school) in [(township, nil)] + (school.map { [(township, $0)] } ?? []) {
                let text = ProgressTargetsKey.make(township, school)
                if counts[text] == nil { order.append((township, school)) }
                counts[text, default: 0] += 1
            }
        }
        if let targets = configuration.targets {
            for (text, _) in targets.targets where counts[text] == nil {
                let (township, school) = ProgressTargetsKey.split(text)
                counts[text] = 0
                order.append((township, school))
            }
        }
        return order.sorted { ($0.0, $0.1 ?? "") < ($1.0, $1.1 ?? "") }.map { township, school in
            AdminPage.ProgressRow(
                township: township, school: school, received: counts[ProgressTargetsKey.make(township, school)] ?? 0,
                target: configuration.targets?.target(township: township, school: school))
        }
    }
}

/// How ``ProgressTargets`` keys a township or school.
enum ProgressTargetsKey {
    static func make(_ township: String, _ school: String?) -> String { township + "\u{1F}" + (school ?? "") }

    static func split(_ text: String) -> (String, String?) {
        let parts = text.split(separator: "\u{1F}", omittingEmptySubsequences: false)
        let school = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
        return (String(parts[0]), school)
    }
}
