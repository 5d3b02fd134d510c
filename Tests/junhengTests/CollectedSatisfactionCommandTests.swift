import CollectionFixtures
import Foundation
import Testing

/// `junheng satisfaction --db STORE --survey ID` (no export) prints the figures `junheng satisfaction EXPORT`
/// prints for the same responses downloaded from the admin page.
@Suite struct CollectedSatisfactionCommandTests {
    @Test func theStoreGivesTheFiguresOfItsExport() async throws {
        let folder = try await CollectionFixtures.storeAndExportFolder(prefix: "junheng-cli")

        let common = ["--survey", "mini", "--surveys-dir", "surveys", "--format", "json", "--by", "township"]
        let fromStore = try JunhengBinary.run(["satisfaction", "--db", "responses.sqlite"] + common, in: folder)
        let fromExport = try JunhengBinary.run(["satisfaction", "export.csv"] + common, in: folder)
        #expect(fromStore.status == 0 && fromExport.status == 0, "\(fromStore.stderr)\(fromExport.stderr)")
        let storeJSON = try #require(JSONSerialization.jsonObject(with: Data(fromStore.stdout.utf8)) as? [String: Any])
        let export = try #require(JSONSerialization.jsonObject(with: Data(fromExport.stdout.utf8)) as? [String: Any])
        for key in ["overall", "groups", "respondents"] {
            #expect(
                (storeJSON[key] as? NSObject) == (export[key] as? NSObject),
                "\(key): \(storeJSON[key]!) ≠ \(export[key]!)")
        }
        let overall = try #require(storeJSON["overall"] as? [String: Any])
        // The speeder (5 s) is screened out; by hand: 3/3 and 2/3 → 5 / 6.
        #expect(overall["positive"] as? Int == 5 && overall["answered"] as? Int == 6)

        let missing = try JunhengBinary.run(
            ["satisfaction", "--survey", "mini", "--surveys-dir", "surveys"], in: folder)
        #expect(missing.status == 1)
        #expect(
            missing.stderr
                == "junheng: junheng.sqlite: 找不到答卷库文件；请给出问卷星导出文件，或用 --db 指定 junheng serve 的答卷库（默认 responses.sqlite）。\n")
    }
}
