import CollectionFixtures
import Foundation
import JunhengCollection
import JunhengLinks
import JunhengQuestionnaire
import Testing

/// The real server on a loopback port with a real SQLite file, driven over HTTP.
@Suite(.serialized) struct CollectionServerTests {
    @Test func theFormHasEveryQuestionTypeNamedByQuestionIDs() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let reply = try await server.client.get("/s/mini")
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
        let cookie = try #require(reply.headers["set-cookie"])
        #expect(cookie.hasPrefix("jh_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
        #expect(reply.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
        let html = reply.text
        for fragment in [
            "<input type=\"radio\" name=\"identity\" value=\"学生家长\" required>",
            "<input type=\"text\" name=\"township\" required maxlength=\"100\" value=\"\">",
            "<input type=\"text\" name=\"school\" maxlength=\"100\" value=\"\">",
            "<input type=\"radio\" name=\"q1\" value=\"不了解\" required>",
            "<input type=\"radio\" name=\"staff.food\" value=\"满意\" required>",
            "<input type=\"radio\" name=\"staff.safety\" value=\"非常满意\" required>",
            "<input type=\"checkbox\" name=\"wants\" value=\"其他【请注明】\">",
            "name=\"wants.other\" maxlength=\"200\"",
            "<textarea name=\"notes\" rows=\"3\" maxlength=\"1000\"></textarea>",
            "<input type=\"hidden\" name=\"_token\" value=\"",
            "<form method=\"post\" action=\"/s/mini\" accept-charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        ] {
            #expect(html.contains(fragment), "\(fragment)")
        }
        #expect(!html.contains("<script"))
        let english = try await server.client.get("/s/mini?lang=en").text
        #expect(english.contains("<h1>Mini questionnaire</h1>") && english.contains(">Submit</button>"))
        #expect(english.contains("action=\"/s/mini?lang=en\""))
    }

    @Test func aValidSubmissionIsStoredOnceAndThanked() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let (token, cookie, _) = try await server.open()
        let form = [("_token", token)] + ServerHarness.answers()
        let first = try await server.client.post("/s/mini", form: form, headers: ["Cookie": cookie])
        #expect(first.status == 200)
        #expect(first.text.contains("您的回答已保存"))
        // A double tap: the same form again.
        let second = try await server.client.post("/s/mini", form: form, headers: ["Cookie": cookie])
        #expect(second.status == 200)
        #expect(second.text.contains("已经提交过"))
        let stored = try server.store.responsesNow(survey: "mini")
        #expect(stored.count == 1)
        let response = try #require(stored.first)
        #expect(response.token == token)
        #expect(response.ipHMAC == ServerHarness.secret.ipHMAC("127.0.0.1"))
        #expect(response.surveySHA256 == (try QuestionnaireFingerprint.of(server.survey)))
        #expect(response.startedAt <= response.submittedAt)
        #expect(response.link == .none)
        #expect(
            response.answers.values == [
                "identity": ["学生家长"], "township": ["城关镇"], "q1": ["满意"], "staff.food": ["满意"],
                "staff.safety": ["非常满意"], "wants": ["课后服务", "其他【请注明】"], "wants.other": ["心理辅导"],
                "residence": ["城区"], "notes": ["无"],
            ])
    }

    @Test func anInvalidSubmissionComesBackWithMessagesAndEveryAnswerKept() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let reply = try await server.submit(
            "/s/mini",
            ServerHarness.answers([("q1", nil), ("staff.safety", "好"), ("notes", "<script>alert(1)</script>")]))
        #expect(reply.status == 400)
        let html = reply.text
        #expect(html.contains("<p class=\"error\" id=\"e-q1\">请选择一项。</p>"))
        #expect(html.contains("<p class=\"error\" id=\"e-staff\">“好”不是此题的选项，请重新选择。</p>"))
        #expect(html.contains("<input type=\"radio\" name=\"staff.food\" value=\"满意\" required checked>"))
        #expect(html.contains("<input type=\"checkbox\" name=\"wants\" value=\"课后服务\" checked>"))
        #expect(html.contains("value=\"心理辅导\">"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"))
        #expect(!html.contains("<script>"))
        #expect(try server.store.countNow(survey: "mini") == 0)
    }

    @Test func crossSitePostsAreRefused() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let (token, cookie, _) = try await server.open()
        let form = [("_token", token)] + ServerHarness.answers()
        let (_, otherCookie, _) = try await server.open()
        let attempts: [(String, [(String, String)], [String: String])] = [
            ("another site's Origin", form, ["Cookie": cookie, "Origin": "http://evil.example"]),
            ("the browser says cross-site", form, ["Cookie": cookie, "Sec-Fetch-Site": "cross-site"]),
            ("no session cookie", form, [:]),
            ("another session's cookie", form, ["Cookie": otherCookie]),
            ("no token", ServerHarness.answers(), ["Cookie": cookie]),
            ("a forged token", [("_token", token.dropLast(2) + "AA")] + ServerHarness.answers(), ["Cookie": cookie]),
        ]
        for (what, form, headers) in attempts {
            let reply = try await server.client.post("/s/mini", form: form, headers: headers)
            #expect(reply.status == 403, "\(what)")
        }
        #expect(try server.store.countNow(survey: "mini") == 0)
        // The same post from the form's own origin is taken.
        let own = try await server.client.post(
            "/s/mini", form: form, headers: ["Cookie": cookie, "Origin": "http://127.0.0.1:\(server.client.port)"])
        #expect(own.status == 200)
    }

    @Test func oversizeAndUnreadableBodiesAreRefused() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let big = ServerHarness.answers([("notes", String(repeating: "x", count: 70 * 1024))])
        #expect(try await server.submit("/s/mini", big).status == 413)
        let (token, cookie, _) = try await server.open()
        let json = try await server.client.send(
            "POST", "/s/mini", headers: ["Cookie": cookie, "Content-Type": "application/json"],
            body: Data("{\"_token\":\"\(token)\"}".utf8))
        #expect(json.status == 415)
        let broken = try await server.client.send(
            "POST", "/s/mini", headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"],
            body: Data("_token=\(token)&q1=%FF".utf8))
        #expect(broken.status == 400)
        #expect(try server.store.countNow(survey: "mini") == 0)
    }

    @Test func aSignedLinkFixesTheTownshipAndAForgedOneIsRefused() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let link = SignedLink(survey: "mini", answers: LinkAnswers(township: "河西乡", school: "<b>河西小学</b>"))
        let path = link.path(ServerHarness.secret)
        let (_, _, html) = try await server.open(path)
        #expect(html.contains("<p class=\"fixed\">河西乡 <span>（由链接确定）</span></p>"))
        #expect(html.contains("<p class=\"fixed\">&lt;b&gt;河西小学&lt;/b&gt; <span>"))
        #expect(!html.contains("name=\"township\""))
        // The respondent posts another township: the link's is stored.
        #expect(try await server.submit(path, ServerHarness.answers([("township", "城关镇")])).status == 200)
        let stored = try #require(try server.store.responsesNow(survey: "mini").first)
        #expect(stored.link == link.answers)
        #expect(stored.answers["township"] == ["河西乡"])
        #expect(stored.answers["school"] == ["<b>河西小学</b>"])

        let forged = path.replacingOccurrences(of: "township=%E6%B2%B3%E8%A5%BF%E4%B9%A1", with: "township=X")
        #expect(try await server.client.get(forged).status == 403)
        // A form opened from the link, posted to the open address: the token binds the link.
        let (token, cookie, _) = try await server.open(path)
        let moved = try await server.client.post(
            "/s/mini", form: [("_token", token)] + ServerHarness.answers(), headers: ["Cookie": cookie])
        #expect(moved.status == 403)
        #expect(try await server.client.post(forged, form: ServerHarness.answers(), headers: [:]).status == 403)
        #expect(try server.store.countNow(survey: "mini") == 1)
    }

    @Test func adminPagesNeedThePassword() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        for path in ["/admin", "/admin/mini/export.csv"] {
            let none = try await server.client.get(path)
            #expect(none.status == 401)
            #expect(none.headers["www-authenticate"] == "Basic realm=\"junheng\", charset=\"UTF-8\"")
            let wrong = "Basic " + Data("admin:guess".utf8).base64EncodedString()
            #expect(try await server.client.get(path, headers: ["Authorization": wrong]).status == 401)
            let otherUser = "Basic " + Data("root:\(ServerHarness.password)".utf8).base64EncodedString()
            #expect(try await server.client.get(path, headers: ["Authorization": otherUser]).status == 401)
            #expect(try await server.client.get(path, headers: ["Authorization": server.basicAuth]).status == 200)
        }
        let off = try await ServerHarness.start(adminPassword: nil)
        defer { Task { await off.stop() } }
        #expect(try await off.client.get("/admin", headers: ["Authorization": server.basicAuth]).status == 403)
    }

    @Test func adminShowsCountsByTownshipAndGroupAndTheExportReadsBackTheSame() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        _ = try await server.submit()
        _ = try await server.submit("/s/mini", ServerHarness.answers([("q1", "不满意"), ("township", "河西乡")]))
        _ = try await server.submit(
            "/s/mini", ServerHarness.answers([("identity", "其他社会人士"), ("notes", "好\n\"很好\", <b>")]))
        let admin = try await server.client.get("/admin", headers: ["Authorization": server.basicAuth]).text
        #expect(admin.contains("<b data-stored>3</b>"))
        // Answered in under 30 seconds: all three are speeders, screened out as 问卷星 exports are.
        #expect(admin.contains("<b data-used>0</b>"))
        #expect(admin.contains("答题用时过短 3"))
        #expect(admin.contains("样本量 0 / 3"))

        let export = try await server.client.get(
            "/admin/mini/export.csv", headers: ["Authorization": server.basicAuth])
        #expect(export.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(Array(export.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mini-\(UUID().uuidString).csv").path
        try export.body.write(to: URL(fileURLWithPath: path))
        // Without the speeder rule, so every response counts.
        let settings = SatisfactionSettings(survey: server.survey, minSeconds: .some(nil))
        let fromExport = try SatisfactionAnalysis.run(
            exports: [path], survey: server.survey, by: [.township, .group], settings: settings)
        let fromStore = try CollectedSatisfaction.run(
            responses: try server.store.responsesNow(survey: "mini"), survey: server.survey, settings: settings,
            by: [.township, .group], file: path)
        #expect(fromExport.used == 3)
        #expect(fromExport.overall == fromStore.overall)
        #expect(fromExport.groups == fromStore.groups)
        #expect(fromExport.breakdowns == fromStore.breakdowns)
        // By hand: q1, food, safety per response: 3/3, 2/3, 3/3 → 8 / 9.
        #expect(fromExport.overall.positive == 8 && fromExport.overall.answered == 9)
        #expect(fromExport.groups.map(\.key) == [["城关镇", "家长"], ["城关镇", "其他群众"], ["河西乡", "家长"]])
    }

    @Test func unknownPagesAndTheLivenessCheck() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        #expect(try await server.client.get("/s/nothing").status == 404)
        #expect(try await server.client.get("/healthz").text == "ok\n")
        #expect(try await server.client.get("/").text.contains("<a href=\"/s/mini\">小问卷</a>"))
    }
}
