import CollectionFixtures
import Foundation
import JunhengCollection
import JunhengLinks
import JunhengQuestionnaire
import JunhengServer
import Testing

/// What a survey office needs (issue 26): closing and reopening, deleting test answers with a record, the
/// progress against targets and by day, the Excel download.
@Suite(.serialized) struct OfficeToolsTests {
    /// The admin form token of the page at `path`.
    func adminToken(_ server: ServerHarness, _ path: String = "/admin") async throws -> String {
        let page = try await server.client.get(path, headers: ["Authorization": server.basicAuth]).text
        let range = try #require(page.range(of: "name=\"_admin\" value=\""))
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func closingFromAdminStopsTheFormPolitelyAndReopeningTakesAnswersAgain() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let (token, cookie, _) = try await server.open()
        let token2 = try await adminToken(server)
        let close = try await server.client.post(
            "/admin/mini/close", form: [("_admin", token2), ("action", "close")],
            headers: ["Authorization": server.basicAuth])
        #expect(close.status == 303)
        try await Task.sleep(for: .milliseconds(2_100))  // the closing cache's two seconds (another process's view)
        let form = try await server.client.get("/s/mini")
        #expect(form.status == 200 && form.text.contains("本问卷已于") && form.text.contains("截止，不再接收答卷"))
        #expect(!form.text.contains("<form"))
        // A form opened before the close, sent after it: politely refused, nothing stored.
        let late = try await server.client.post(
            "/s/mini", form: [("_token", token)] + ServerHarness.answers(), headers: ["Cookie": cookie])
        #expect(late.status == 410 && late.text.contains("此次提交未被保存"))
        #expect(try server.store.countNow(survey: "mini") == 0)
        let admin = try await server.client.get("/admin", headers: ["Authorization": server.basicAuth]).text
        #expect(admin.contains("data-closed") && admin.contains("重新开放"))
        // Without the form's token (another site's page posting with the browser's saved password): refused.
        let forged = try await server.client.post(
            "/admin/mini/close", form: [("action", "reopen")], headers: ["Authorization": server.basicAuth])
        #expect(forged.status == 403)
        _ = try await server.client.post(
            "/admin/mini/close", form: [("_admin", token2), ("action", "reopen")],
            headers: ["Authorization": server.basicAuth])
        let again = try await server.client.post(
            "/s/mini", form: [("_token", token)] + ServerHarness.answers(), headers: ["Cookie": cookie])
        #expect(again.status == 200)
        #expect(try server.store.countNow(survey: "mini") == 1)
    }

    @Test func closeAtInThePastClosesFromTheStart() async throws {
        let server = try await ServerHarness.start(configure: {
            $0.closeAt = Date(timeIntervalSince1970: 1_718_013_600)  // 2024-06-10 18:00 China time
        })
        defer { Task { await server.stop() } }
        let form = try await server.client.get("/s/mini?lang=en")
        #expect(form.text.contains("This questionnaire closed at 2024/6/10 18:00:00 (China time)"))
        let closing = try #require(try await server.store.closing(survey: "mini"))
        #expect(closing.changedBy == "--close-at")
    }

    @Test func deletingTestAnswersKeepsARecordThatTheExportsAndThePageShow() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        for _ in 0..<3 { _ = try await server.submit() }
        let token = try await adminToken(server)
        let reply = try await server.client.post(
            "/admin/mini/delete", form: [("_admin", token), ("ids", "1，3 99")],
            headers: ["Authorization": server.basicAuth])
        #expect(reply.status == 303)
        #expect(try await server.store.allResponses(survey: "mini").map(\.id) == [2])
        let records = try await server.store.deletions(survey: "mini", county: nil)
        #expect(records.map(\.ids) == [[1, 3]] && records.map(\.deletedBy) == ["admin"])
        let page = try await server.client.get("/admin", headers: ["Authorization": server.basicAuth]).text
        #expect(page.contains("<p data-deleted=\"2\">已删除测试答卷 2 份"))
        #expect(page.contains("<td class=\"n\">2</td><td>1, 3</td>"))
        let csv = try await server.client.get("/admin/mini/export.csv", headers: ["Authorization": server.basicAuth])
        #expect(csv.headers["x-junheng-deleted-responses"] == "2")
        // The one left keeps its number as 序号, the number deletion takes.
        #expect(csv.text.split(separator: "\r\n")[1].hasPrefix("2,"))
        let xlsx = try await server.client.get("/admin/mini/export.xlsx", headers: ["Authorization": server.basicAuth])
        #expect(xlsx.status == 200 && Array(xlsx.body.prefix(2)) == Array("PK".utf8))
        #expect(xlsx.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(xlsx.headers["x-junheng-deleted-responses"] == "2")
    }

    @Test func progressBySchoolAndTownshipAgainstTargetsAndByDay() async throws {
        let server = try await ServerHarness.start(configure: {
            $0.targets = ProgressTargets(targets: ["城关镇\u{1F}城关一小": 4, "城关镇\u{1F}城关二小": 2, "河西乡\u{1F}": 5])
        })
        defer { Task { await server.stop() } }
        for (township, school) in [("城关镇", "城关一小"), ("城关镇", "城关一小"), ("城关镇", "城关二小"), ("河西乡", nil)] {
            let path = SignedLink(survey: "mini", answers: LinkAnswers(township: township, school: school))
                .path(ServerHarness.secret)
            #expect(try await server.submit(path).status == 200)
        }
        let page = try await server.client.get("/admin", headers: ["Authorization": server.basicAuth]).text
        // By hand: 城关镇 3 of 4 + 2 = 6 (50.0 %), 城关一小 2 of 4, 城关二小 1 of 2, 河西乡 1 of 5.
        #expect(
            page.contains(
                "<tr><td>城关镇</td><td>（全乡镇）</td><td class=\"n\">3</td><td class=\"n\">6</td><td class=\"n fail\">50.0%</td></tr>"
            ))
        #expect(
            page.contains(
                "<tr><td>城关镇</td><td>城关一小</td><td class=\"n\">2</td><td class=\"n\">4</td><td class=\"n fail\">50.0%</td></tr>"
            ))
        #expect(page.contains("<tr><td>城关镇</td><td>城关二小</td><td class=\"n\">1</td><td class=\"n\">2</td>"))
        #expect(
            page.contains(
                "<tr><td>河西乡</td><td>（全乡镇）</td><td class=\"n\">1</td><td class=\"n\">5</td><td class=\"n fail\">20.0%</td></tr>"
            ))
        // Today's four responses: one bar of 4 in the daily chart, drawn without script.
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 180\""))
        #expect(page.contains(" 4</title></rect>"))
        #expect(!page.contains("<script"))
    }
}
