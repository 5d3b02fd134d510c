import JunhengCore
import JunhengIngest
import Testing

@testable import JunhengRegistry

/// Names checked against the registry of ``SchoolRegistryTests/sample``.
@Suite struct NameCheckTests {
    let check = NameCheck(registry: SchoolRegistryTests.sample)

    func source(_ rows: [[String]], header: [String]) -> NameSource {
        NameSource.table(
            CSVTable(
                file: "监测.csv", header: header,
                records: rows.enumerated().map { CSVRecord(line: $0.offset + 2, fields: $0.element) }),
            label: LocalizedText(verbatim: "监测"), figures: LocalizedText(verbatim: "校际差异率"),
            school: ["学校名称"], township: ["乡镇"], code: ["学校代码"], type: ["学校类型"])
    }

    @Test func anAbbreviationIsReportedWithTheRegistryName() {
        let findings = check.check(
            source(
                [["城关镇", "城关一小"], ["城关镇", "城关一小"], ["城关镇", "城关镇第一小学"]], header: ["乡镇", "学校名称"]))
        #expect(findings.count == 1)
        let finding = findings[0]
        #expect(finding.problem == .unknownSchool)
        #expect(finding.suggestions == ["城关镇第一小学"])
        #expect(finding.rows == 2)
        #expect(finding.line(.zh) == "监测.csv:2:2: 学校“城关一小”不在学校名录中。是否为“城关镇第一小学”？（共 2 行）")
        #expect(
            finding.line(.en)
                == "监测.csv:2:2: The school 城关一小 is not in the registry. Did you mean 城关镇第一小学? (2 rows)")
    }

    @Test func aTownshipIsCheckedAndSuggested() {
        // One typo, one finding: the school is found by its name once its township is not the registry's.
        let findings = check.check(source([["城关", "城关镇第一小学"]], header: ["乡镇", "学校名称"]))
        #expect(findings.map(\.problem) == [.unknownTownship])
        #expect(findings[0].line(.zh) == "监测.csv:2:1: 乡镇“城关”不在学校名录中。是否为“城关镇”？")
        // A registry township, but not the school's.
        let other = check.check(source([["青云镇", "城关镇第一小学"]], header: ["乡镇", "学校名称"]))
        #expect(other.count == 1)
        #expect(other[0].line(.zh) == "监测.csv:2:2: 学校名录中城关镇第一小学属于城关镇，不属于青云镇。")
    }

    /// Two 中心小学: with a township each is found; without one, the name cannot be placed.
    @Test func aSharedNameNeedsItsTownship() {
        #expect(check.check(source([["青云镇", "中心小学"], ["柳河镇", "中心小学"]], header: ["乡镇", "学校名称"])).isEmpty)
        let findings = check.check(source([["中心小学"]], header: ["学校名称"]))
        #expect(findings.map(\.problem) == [.ambiguous])
        #expect(
            findings[0].line(.zh) == "监测.csv:2:1: 学校名录中有 2 所“中心小学”（青云镇、柳河镇），此处没有乡镇或学校代码，无法区分。")
    }

    @Test func codesAreTheKey() {
        let findings = check.check(
            source(
                [
                    ["3416200001", "城关镇第一小学", "城关镇"],  // right
                    ["3416200002", "城关镇第一小学", "城关镇"],  // the code of another school
                    ["3416209999", "城关镇第一小学", "城关镇"],  // a code the registry lacks
                    ["3416200004", "中心小学", "青云镇"],  // 中心小学 of 柳河镇
                ], header: ["学校代码", "学校名称", "乡镇"]))
        #expect(findings.map(\.problem) == [.codeMismatch, .unknownCode, .otherTownship])
        #expect(findings[0].line(.zh) == "监测.csv:3:2: 学校代码 3416200002 在学校名录中是“城关镇第一初级中学”，此处写作“城关镇第一小学”。")
        #expect(findings[1].line(.zh) == "监测.csv:4:2: 学校代码 3416209999（城关镇第一小学）不在学校名录中。名录中城关镇第一小学的代码是 3416200001。")
        #expect(findings[2].suggestions == ["柳河镇"])
    }

    @Test func aRosterTypeMustAgree() {
        let findings = check.check(
            source(
                [["城关镇", "城关镇第一初级中学", "完全中学"], ["城关镇", "城关镇第一小学", "教学点"]],
                header: ["乡镇", "学校名称", "学校类型"]))
        // 完全中学 is a registry 初中 (its compulsory stage); 教学点 is not a 小学.
        #expect(findings.map(\.problem) == [.typeMismatch])
        #expect(findings[0].line(.zh) == "监测.csv:3:2: 学校名录中城关镇第一小学的类型是小学，此处为教学点。")
    }
}
