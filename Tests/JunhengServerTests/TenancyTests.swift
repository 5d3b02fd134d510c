import CollectionFixtures
import Foundation
import JunhengCollection
import JunhengLinks
import JunhengQuestionnaire
import JunhengServer
import Testing

/// Counties as tenants of one store (issue 26): links carry the county, a county's admin sees and exports only
/// its own, the province's admin sees every county.
@Suite(.serialized) struct TenancyTests {
    static let jia = "甲县"
    static let yi = "乙县"
    static let jiaPassword = "甲县的管理员密码"
    static let yiPassword = "乙县的管理员密码"

    /// A server whose store has 甲县 (population 1,000) and 乙县, with three responses from 甲县's links and
    /// one from 乙县's.
    static func start() async throws -> ServerHarness {
        let server = try await ServerHarness.start(prepare: { store in
            try await store.addCounty(
                County(name: jia, passwordHash: PasswordHash(password: jiaPassword), population: 1_000))
            try await store.addCounty(County(name: yi, passwordHash: PasswordHash(password: yiPassword)))
        })
        for (county, township) in [(jia, "城关镇"), (jia, "城关镇"), (jia, "河西乡"), (yi, "东关镇")] {
            let path = SignedLink(survey: "mini", answers: LinkAnswers(township: township, county: county))
                .path(ServerHarness.secret)
            let reply = try await server.submit(path)
            #expect(reply.status == 200)
        }
        return server
    }

    @Test func aResponseIsStoredUnderItsLinksCountyAndTheCountyIsSigned() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        let stored = try await server.store.allResponses(survey: "mini")
        #expect(stored.map(\.county) == [Self.jia, Self.jia, Self.jia, Self.yi])
        // A link whose county was changed after signing is refused.
        let path = SignedLink(survey: "mini", answers: LinkAnswers(township: "城关镇", county: Self.jia))
            .path(ServerHarness.secret)
        let moved = path.replacingOccurrences(
            of: "county=" + SignedLink.percentEncoded(Self.jia), with: "county=" + SignedLink.percentEncoded(Self.yi))
        #expect(moved != path)
        #expect(try await server.client.get(moved).status == 403)
    }

    @Test func aCountysAdminSeesAndExportsOnlyItsOwn() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        let jia = ["Authorization": ServerHarness.basic(Self.jia, Self.jiaPassword)]
        let page = try await server.client.get("/admin", headers: jia)
        #expect(page.status == 200)
        #expect(page.text.contains("<b data-stored>3</b>"))
        #expect(!page.text.contains("data-county="))
        let export = try await server.client.get("/admin/mini/export.csv", headers: jia)
        #expect(export.status == 200)
        let lines = export.text.split(separator: "\r\n")
        #expect(lines.count == 4)
        #expect(!lines[0].contains("所属县"))
        #expect(!export.text.contains("东关镇"))
        // Another county's pages and downloads, by their URLs: 403, nothing sent.
        let yi = "/admin/c/" + SignedLink.percentEncoded(Self.yi)
        for path in [yi, yi + "/mini/export.csv", yi + "/mini/export.xlsx"] {
            let reply = try await server.client.get(path, headers: jia)
            #expect(reply.status == 403, "\(path)")
            #expect(!reply.text.contains("东关镇"), "\(path)")
        }
        // Its own, by the same kind of URL: allowed.
        let own = "/admin/c/" + SignedLink.percentEncoded(Self.jia) + "/mini/export.csv"
        #expect(try await server.client.get(own, headers: jia).status == 200)
        // Another county's password for this county's name, or the province's password: refused.
        let wrong = ["Authorization": ServerHarness.basic(Self.jia, Self.yiPassword)]
        #expect(try await server.client.get("/admin", headers: wrong).status == 401)
        let asProvince = ["Authorization": ServerHarness.basic(Self.jia, ServerHarness.password)]
        #expect(try await server.client.get("/admin", headers: asProvince).status == 401)
    }

    @Test func theProvincesAdminSeesEveryCountyAndExportsThemWithACountyColumn() async throws {
        let server = try await Self.start()
        defer { Task { await server.stop() } }
        let admin = ["Authorization": server.basicAuth]
        let page = try await server.client.get("/admin", headers: admin).text
        #expect(page.contains("<b data-stored>4</b>"))
        // The table of counties: 甲县 received 3 (all speeders: counted 0), target ⌈1,000 × 1.5 ‰⌉ = 2.
        #expect(
            page.contains(
                "<tr data-county=\"甲县\"><td><a href=\"/admin/c/\(SignedLink.percentEncoded(Self.jia))\">甲县</a></td>"
                    + "<td class=\"n\">3</td><td class=\"n\">0</td><td class=\"n\">2</td>"))
        #expect(
            page.contains("<tr data-county=\"乙县\">")
                && page.contains("<td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">—</td>"))
        let jiaPage = try await server.client.get("/admin/c/" + SignedLink.percentEncoded(Self.jia), headers: admin)
        #expect(jiaPage.status == 200 && jiaPage.text.contains("<b data-stored>3</b>"))
        let export = try await server.client.get("/admin/mini/export.csv", headers: admin).text
        let rows = export.dropFirst().split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows[0].last == "所属县（市、区）")
        #expect(rows.dropFirst().map { String($0.last!) } == [Self.jia, Self.jia, Self.jia, Self.yi])
        // The export with its county column still reads as a 问卷星 export: four rows, every one rated.
        let path = NSTemporaryDirectory() + "all-\(UUID().uuidString).csv"
        try Data(export.utf8).write(to: URL(fileURLWithPath: path))
        let settings = SatisfactionSettings(survey: server.survey, minSeconds: .some(nil))
        let rated = try SatisfactionAnalysis.run(exports: [path], survey: server.survey, by: [], settings: settings)
        #expect(rated.rows == 4 && rated.used == 4)
    }
}
