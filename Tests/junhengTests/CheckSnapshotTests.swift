import Foundation
import Testing

/// `junheng check`: every check of the folder, no report written; exit 0 only when nothing found could
/// change a figure.
@Suite struct CheckSnapshotTests {
    /// The samples' names all agree with their registry, but their indicator sheet and exports carry the
    /// problems they are made to show (a contradiction, a missing 分母, answers that are not options): 1.
    @Test func theSamplesAreChecked() throws {
        let output = try Snapshot.expect("check-sample", ["check", "--as-of", "2024-06-01"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("学校名录核对通过：7 个文件中的 327 个学校和乡镇名称均在学校名录（44 所学校、18 个乡镇）中。"))
        #expect(!FileManager.default.fileExists(atPath: JunhengBinary.root + "/out-check"))
    }

    /// A folder of the registry and the roster alone: every name is the registry's, nothing is wrong (the
    /// missing monitoring is a note, not a wrong figure), so 0.
    static func folder(monitoring: String? = nil, registry: Bool = true) throws -> String {
        let folder = NSTemporaryDirectory() + "junheng-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let samples = JunhengBinary.root + "/sample-responses/"
        try FileManager.default.copyItem(atPath: samples + "roster.csv", toPath: folder + "/roster.csv")
        if registry {
            try FileManager.default.copyItem(atPath: samples + "学校名录.csv", toPath: folder + "/学校名录.csv")
        }
        if let monitoring { try monitoring.write(toFile: folder + "/监测.csv", atomically: true, encoding: .utf8) }
        return folder
    }

    static func monitoring(_ first: String) -> String {
        var text = "年份,年级,学科,乡镇,学校名称,学生编号,得分\n"
        for (index, score) in [480, 500, 520].enumerated() {
            text += "2024,4,数学,城关镇,\(first),A\(index),\(score)\n"
            text += "2024,4,数学,城关镇,城关镇第二小学,B\(index),\(score + 10)\n"
        }
        return text
    }

    static func check(_ folder: String, _ extra: [String] = []) throws -> JunhengBinary.Output {
        try JunhengBinary.run(
            ["check", "--data", folder, "--plan", JunhengBinary.root + "/plan/plan.yaml", "--as-of", "2024-06-01"]
                + extra)
    }

    @Test func aCleanFolderPasses() throws {
        let output = try Self.check(try Self.folder(monitoring: Self.monitoring("城关镇第一小学")))
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.hasSuffix("结论：没有发现会改变报告数字的问题。\n"))
    }

    /// An unknown column in the roster's header changes no figure: a note (·), and 0.
    @Test func aHeaderNoteDoesNotFail() throws {
        let folder = try Self.folder()
        try FileManager.default.removeItem(atPath: folder + "/roster.csv")
        try FileManager.default.copyItem(
            atPath: JunhengBinary.root + "/Tests/junhengTests/Fixtures/roster-extra-column.csv",
            toPath: folder + "/roster.csv")
        let output = try Self.check(folder)
        #expect(output.status == 0, "\(output.stdout)")
        #expect(output.stdout.contains("  · \(folder)/roster.csv:1:"))
    }

    /// 城关一小 is not in the registry: exit 1, the place, the registry's name as the suggestion.
    @Test func aNameNotInTheRegistryFails() throws {
        let folder = try Self.folder(monitoring: Self.monitoring("城关一小"))
        let output = try Self.check(folder)
        #expect(output.status == 1)
        #expect(output.stdout.contains("✘ \(folder)/监测.csv:2:5: 学校“城关一小”不在学校名录中。是否为“城关镇第一小学”？（共 3 行）\n"))
        let english = try Self.check(folder, ["--lang", "en"])
        #expect(english.status == 1)
        #expect(
            english.stdout.contains(
                "✘ \(folder)/监测.csv:2:5: The school 城关一小 is not in the registry. Did you mean 城关镇第一小学? (3 rows)\n"))
        #expect(english.stdout.contains("Result: 1 problems could change figures of the report"))
    }

    /// Without a registry, the monitoring's 城关一小 is compared with the roster's names.
    @Test func withoutARegistryTheNamesAreComparedWithTheRoster() throws {
        let folder = try Self.folder(monitoring: Self.monitoring("城关一小"), registry: false)
        let output = try Self.check(folder)
        #expect(output.status == 1)
        #expect(
            output.stdout.contains(
                "✘ \(folder)/监测.csv:2:5: “城关一小”不在学校基础数据（\(folder)/roster.csv）中。是否为“城关镇第一小学”？（共 3 行）\n"))
        let clean = try Self.check(try Self.folder(monitoring: Self.monitoring("城关镇第一小学"), registry: false))
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("没有学校名录：2 个文件的学校和乡镇名称相互比对，写法一致。"))
    }

    /// `junheng links --registry`: a township the registry lacks signs no link (a link fixes its answer in
    /// every response); the sample list, written from the registry, signs all 18.
    @Test func linksAreCheckedAgainstTheRegistry() throws {
        let folder = NSTemporaryDirectory() + "junheng-links-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "乡镇\n城关镇\n城关\n".write(toFile: folder + "/乡镇.csv", atomically: true, encoding: .utf8)
        let registry = JunhengBinary.root + "/sample-responses/学校名录.csv"
        // The short codes go into a store of the test's own (not responses.sqlite in the package folder).
        let common = [
            "--survey", "public", "--registry", registry, "--secret-file", folder + "/secret", "--db",
            folder + "/responses.sqlite",
        ]
        let bad = try JunhengBinary.run(
            ["links", "--townships", folder + "/乡镇.csv", "--out", folder + "/qr.html"] + common)
        #expect(bad.status == 1)
        #expect(bad.stderr == "junheng: \(folder)/乡镇.csv:3:1: 乡镇“城关”不在学校名录中。是否为“城关镇”？\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/qr.html"))
        let good = try JunhengBinary.run(
            ["links", "--townships", "sample-responses/links-townships.csv", "--out", folder + "/qr.html"] + common)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.split(separator: "\n").count == 18)
    }
}
