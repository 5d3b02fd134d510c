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
    // MARK: - Downloads

    /// `/admin/{id}/export.csv|xlsx` (the admin's scope: a county's admin gets its own county's; the
    /// province's, every county's with a county column when the store has counties) and
    /// `/admin/c/{county}/{id}/export.csv|xlsx`.
    func export(_ request: Request, context: CollectionRequestContext, excel: Bool) async throws -> Response {
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
        guard let id = context.parameters.get("survey"), let entry = served[id] else { return notFound(language) }
        let responses = try await store.allResponses(survey: id, county: county)
        let deletions = try await store.deletions(survey: id, county: county)
        let hasCounties = !(try await store.counties()).isEmpty
        let countyColumn = county == nil && hasCounties
        let deleted = deletions.reduce(0) { $0 + $1.count }
        let stem = "\(id)-responses" + (county.map { "-" + $0 } ?? "")
        var headers = HTMLPage.securityHeaders
        // The export says how many test responses were deleted, whichever the format: a header here, a sheet of
        // the workbook, and the admin page.
        headers[.deletedResponses] = String(deleted)
        headers[.contentDisposition] =
            "attachment; filename=\"\(id)-responses.\(excel ? "xlsx" : "csv")\"; filename*=UTF-8''"
            + SignedLink.percentEncoded(stem) + (excel ? ".xlsx" : ".csv")
        let data: Data
        if excel {
            data = try CollectedWorkbook.xlsx(
                survey: entry.survey, responses: responses, countyColumn: countyColumn, deletions: deletions,
                language: language)
            headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        } else {
            data = CollectedExport.csv(survey: entry.survey, responses: responses, countyColumn: countyColumn)
            headers[.contentType] = "text/csv; charset=utf-8"
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: - Actions

    /// The admin and the fields of an admin form, checked: its origin, its token, the questionnaire.
    func adminForm(_ request: Request, context: CollectionRequestContext) async throws -> Result<
        (user: AdminUser, county: String?, survey: String, fields: FormFields), Refusal
    > {
        let language = language(request)
        let user: AdminUser
        switch await authorize(request, context: context) {
        case .success(let found): user = found
        case .failure(let refusal): return .failure(refusal)
        }
        let county: String?
        switch pathCounty(context, user: user, language: language) {
        case .success(let found): county = found
        case .failure(let refusal): return .failure(refusal)
        }
        guard let id = context.parameters.get("survey"), served[id] != nil else {
            return .failure(Refusal(response: notFound(language)))
        }
        guard request.headers[.secFetchSite] != "cross-site", sameOrigin(request) else {
            return .failure(Refusal(response: refused(.forbidden, ServerText.crossSite, language: language)))
        }
        let body = try await request.body.collect(upTo: CollectionServerConfiguration.bodyLimit)
        guard let fields = try? FormFields(urlEncoded: body.readableBytesView),
            constantTimeEqual(fields.first("_admin") ?? "", adminFormToken(user: user, survey: id))
        else { return .failure(Refusal(response: refused(.forbidden, ServerText.badToken, language: language))) }
        return .success((user, county, id, fields))
    }

    /// `POST /admin/{id}/close`: close now, or reopen (`action=reopen`). The province's admin only.
    func close(_ request: Request, context: CollectionRequestContext) async throws -> Response {
        let language = language(request)
        let form: (user: AdminUser, county: String?, survey: String, fields: FormFields)
        switch try await adminForm(request, context: context) {
        case .success(let found): form = found
        case .failure(let refusal): return refusal.response
        }
        guard form.user.county == nil else { return refused(.forbidden, ServerText.provinceOnly, language: language) }
        let now = Date()
        let reopen = form.fields.first("action") == "reopen"
        try await store.setClosing(
            SurveyClosing(survey: form.survey, closesAt: reopen ? nil : now, changedBy: form.user.name, changedAt: now))
        closings.forget(form.survey)
        context.logger.notice("admin: \(form.user.name) \(reopen ? "reopened" : "closed") \(form.survey)")
        return seeOther("/admin#survey-\(form.survey)")
    }

    /// `POST /admin[/c/{county}]/{id}/delete`: deletes test responses by number (a county's admin, only its
    /// own), keeping the record.
    func deleteResponses(_ request: Request, context: CollectionRequestContext) async throws -> Response {
        let form: (user: AdminUser, county: String?, survey: String, fields: FormFields)
        switch try await adminForm(request, context: context) {
        case .success(let found): form = found
        case .failure(let refusal): return refusal.response
        }
        let text = form.fields.first("ids") ?? ""
        let ids = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" || $0 == "、" || $0.isNewline })
            .compactMap { Int64($0) }
        guard !ids.isEmpty else {
            return refused(.badRequest, ServerText.noNumbers, language: language(request))
        }
        let record = try await store.delete(
            survey: form.survey, county: form.county, ids: ids, by: form.user.name, at: Date())
        context.logger.notice(
            "admin: \(form.user.name) deleted \(record.count) responses of \(form.survey): \(DeletionIDs.text(record.ids))"
        )
        let base = form.county.map { "/admin/c/" + SignedLink.percentEncoded($0) } ?? "/admin"
        return seeOther("\(base)#survey-\(form.survey)")
    }

    func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
