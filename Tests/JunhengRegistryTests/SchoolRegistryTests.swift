import JunhengCore
import JunhengIngest
import Testing

@testable import JunhengRegistry

/// The registry file: its columns, its rows, and every mistake at its place.
@Suite struct SchoolRegistryTests {
    static let header = ["学校代码", "学校名称", "乡镇", "学段", "类型"]

    static func table(_ rows: [[String]], header: [String] = header) -> CSVTable {
        CSVTable(
            file: "学校名录.csv", header: header,
            records: rows.enumerated().map { CSVRecord(line: $0.offset + 2, fields: $0.element) })
    }

    /// Four schools in two townships; two share the name 中心小学.
    static let sample: SchoolRegistry = try! SchoolRegistry(
        table: table([
            ["3416200001", "城关镇第一小学", "城关镇", "小学", "小学"],
            ["3416200002", "城关镇第一初级中学", "城关镇", "初中", "初中"],
            ["3416200003", "中心小学", "青云镇", "小学", "小学"],
            ["3416200004", "中心小学", "柳河镇", "小学", "小学"],
            ["3416200005", "石桥镇九年一贯制学校", "石桥镇", "小学、初中", "九年一贯制"],
        ]))

    @Test func readsEverySchoolKeyedByCode() throws {
        let registry = Self.sample
        #expect(registry.entries.count == 5)
        #expect(registry.townships == ["城关镇", "青云镇", "柳河镇", "石桥镇"])
        #expect(registry.entry(code: "3416200005")?.stages == [.primary, .junior])
        #expect(registry.entry(code: "3416200005")?.location == SourceLocation(file: "学校名录.csv", line: 6))
        // Two schools share a name in different townships: the township tells them apart.
        #expect(registry.entries(named: "中心小学").map(\.code) == ["3416200003", "3416200004"])
        #expect(registry.school(named: "中心小学", township: "柳河镇")?.code == "3416200004")
        #expect(registry.school(named: "中心小学", township: nil) == nil)
        // Spaces and full-width forms do not make a name differ.
        #expect(registry.school(named: " 城关镇第一小学\u{3000}", township: "城关镇")?.code == "3416200001")
    }

    @Test func everyBadCellIsNamedAtItsPlace() {
        #expect {
            _ = try SchoolRegistry(
                table: Self.table([
                    ["1", "甲小学", "城关镇", "小学", "小学"],
                    ["1", "乙小学", "城关镇", "小学", "完小"],
                    ["3", "甲小学", "城关镇", "初中", "小学"],
                    ["", "丙小学", "城关镇", "高中", "初中"],
                ]))
        } throws: { error in
            guard let error = error as? RegistryError else { return false }
            let lines = error.lines(in: .zh)
            return lines == [
                "学校名录.csv:3:1: 学校代码 1 已在第 2 行用过：每所学校一个代码。",
                "学校名录.csv:3:5: 类型“完小”不可用；应为 小学、初中、九年一贯制、十二年一贯制、教学点、特殊教育学校 之一。",
                "学校名录.csv:4:2: 城关镇的甲小学已在第 2 行列出：同一乡镇的学校只列一次。",
                "学校名录.csv:4:4: 小学的学段应为“小学”，此处为“初中”。",
                "学校名录.csv:5:1: 学校代码为空，请填写。",
                "学校名录.csv:5:4: 学段“高中”不可用；写 小学、初中，或“小学、初中”。",
            ]
        }
    }

    @Test func aMissingColumnIsNamed() {
        #expect {
            _ = try SchoolRegistry(table: Self.table([], header: ["学校代码", "学校名称", "乡镇"]))
        } throws: { error in
            (error as? RegistryError)?.lines(in: .en)
                == ["学校名录.csv:1: The registry lacks the column(s) 学段, 类型: its header is 学校代码,学校名称,乡镇,学段,类型."]
        }
    }

    @Test func isRecognisedByItsHeader() {
        #expect(SchoolRegistry.recognises(header: Self.header))
        #expect(SchoolRegistry.recognises(header: ["学校代码", "学校名称", "乡镇", "学段", "类型", "备注"]))
        #expect(!SchoolRegistry.recognises(header: ["学校代码", "学校名称", "乡镇", "学校类型", "小学在校生数"]))
    }
}
