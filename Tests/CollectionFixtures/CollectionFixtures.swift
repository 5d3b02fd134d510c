public import Foundation
public import JunhengCollection
public import JunhengQuestionnaire

/// A small questionnaire with every question type a form has (single, scale, multiple with an "other"
/// fill-in, matrix, text; the group, township and school questions), written to a temporary file so it
/// has a source to fingerprint, and builders of collected responses to it.
public enum CollectionFixtures {
    public static let yaml = """
        id: mini
        title: 小问卷
        title_en: Mini questionnaire
        introduction: 测试用问卷。
        groups: [家长, 其他群众]
        settings:
          min_seconds: 30
          min_n: 2
        scales:
          满意度:
            - {text: 非常满意, positive: true, score: 5}
            - {text: 满意, positive: true, score: 4}
            - {text: 不满意, score: 1}
            - {text: 不了解, excluded: true, score: 0}
        questions:
          - id: identity
            number: 1
            text: 您的身份是
            type: single
            role: group
            options:
              - {text: 学生家长, group: 家长}
              - {text: 其他社会人士, group: 其他群众}
              - {text: 本县学校教职工, outside: true}
          - {id: township, number: 2, text: 您所在的乡镇（街道）, type: text, role: township}
          - {id: school, number: 3, text: 孩子就读的学校, type: text, role: school}
          - {id: q1, number: 4, type: scale, scale: 满意度, text: 您对学校教学质量的满意程度}
          - id: staff
            number: 5
            text: 您对以下方面的满意程度
            type: matrix
            scale: 满意度
            rows:
              - {id: food, text: 食堂}
              - {id: safety, text: 校园安全}
          - id: wants
            number: 6
            text: 您希望加强的方面
            type: multiple
            options: [课后服务, 体育活动, 其他【请注明】]
          - id: residence
            number: 7
            text: 您的居住地
            type: single
            options: [城区, 农村]
          - {id: notes, number: 8, text: 意见和建议, type: text}
        """

    /// The questionnaire, loaded from a fresh temporary file (its `source`).
    public static func survey() throws -> Questionnaire {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "junheng-fixtures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("mini.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return try QuestionnaireLoader.load(path: path)
    }

    /// A complete, valid set of answers: a parent in 城关镇 who is satisfied with everything.
    public static func answers(
        identity: String = "学生家长", township: String = "城关镇", q1: String = "满意", food: String = "满意",
        safety: String = "非常满意", wants: [String] = ["课后服务"], other: String? = nil, notes: String? = nil
    ) -> CollectedAnswers {
        var answers = CollectedAnswers([
            "identity": [identity], "township": [township], "q1": [q1], "staff.food": [food],
            "staff.safety": [safety], "wants": wants, "residence": ["城区"],
        ])
        if let other { answers["wants.other"] = [other] }
        if let notes { answers["notes"] = [notes] }
        return answers
    }

    /// A response to `mini` with these answers, submitted `seconds` after it was started.
    public static func response(
        _ answers: CollectedAnswers, token: String = UUID().uuidString, seconds: Double = 120, ip: String = "ip-1",
        link: LinkAnswers = .none, submitted: Date = Date(timeIntervalSince1970: 1_716_186_175)
    ) -> CollectedResponse {
        CollectedResponse(
            survey: "mini", surveySHA256: String(repeating: "a", count: 64), token: token,
            startedAt: submitted.addingTimeInterval(-seconds), submittedAt: submitted, link: link, ipHMAC: ip,
            answers: answers)
    }

    /// A temporary folder holding `surveys/mini.yaml`, `responses.sqlite` with three collected responses
    /// (in 城关镇 and 河西乡, and a 5-second speeder in 城关镇) and `export.csv`, their download from the admin
    /// page: for comparing what a command prints from the store with what it prints from the export.
    public static func storeAndExportFolder(prefix: String) async throws -> String {
        let folder = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/surveys", withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: folder + "/surveys/mini.yaml"))
        let store = try SQLiteResponseStore(path: folder + "/responses.sqlite")
        _ = try await store.submit(response(answers(), ip: "a"))
        _ = try await store.submit(response(answers(township: "河西乡", q1: "不满意"), ip: "b"))
        _ = try await store.submit(response(answers(), seconds: 5, ip: "c"))
        try CollectedExport.csv(survey: try survey(), responses: try store.responsesNow(survey: "mini"))
            .write(to: URL(fileURLWithPath: folder + "/export.csv"))
        return folder
    }

    /// A fresh temporary path for an SQLite file.
    public static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("junheng-\(UUID().uuidString).sqlite").path
    }
}
