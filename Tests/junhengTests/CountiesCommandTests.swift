import Foundation
import Testing

/// `junheng counties add` and `list`: the password kept only as a hash, a second add refused, the table.
@Suite struct CountiesCommandTests {
    @Test func addListAndRefuseTheSameCountyTwice() throws {
        let folder = NSTemporaryDirectory() + "junheng-counties-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("甲县密码很长的一句\n".utf8).write(to: URL(fileURLWithPath: folder + "/pw.txt"))
        try Data("学校代码,学校名称,乡镇,学段,类型\n1,城关一小,城关镇,小学,公办\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/学校名录.csv"))
        let add = try JunhengBinary.run(
            ["counties", "add", "甲县", "--password-file", "pw.txt", "--population", "420000", "--registry", "学校名录.csv"],
            in: folder, environment: ["JUNHENG_STORE": ""])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stderr == "已向 responses.sqlite 添加“甲县”（常住人口 420000），学校名录 学校名录.csv（1 所学校）。\n")
        let again = try JunhengBinary.run(
            ["counties", "add", "甲县", "--password-file", "pw.txt", "--lang", "en"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr == "junheng: responses.sqlite: the store already has “甲县”; a county is added once.\n")
        let list = try JunhengBinary.run(["counties", "list"], in: folder)
        #expect(list.status == 0)
        #expect(list.stdout == "县\t常住人口\t学校名录\t学校数\n甲县\t420000\t学校名录.csv\t1\n")
        // The file holds the hash, never the password.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/responses.sqlite"))
        #expect(bytes.range(of: Data("甲县密码很长的一句".utf8)) == nil)
        #expect(bytes.range(of: Data("pbkdf2-sha256$600000$".utf8)) != nil)
    }
}
