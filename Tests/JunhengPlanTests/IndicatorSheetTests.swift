import JunhengCore
import JunhengIngest
import Testing

@testable import JunhengPlan

@Suite struct IndicatorSheetTests {
    @Test func recognisesItsHeader() {
        #expect(IndicatorSheet.recognises(header: ["指标代码", "分子", "分母", "数值", "结论", "佐证材料", "说明"]))
        #expect(IndicatorSheet.recognises(header: [" 指标代码 ", "结论"]))
        #expect(!IndicatorSheet.recognises(header: ["学校名称", "学校类型", "小学在校生数"]))
    }

    @Test func aHeaderWithoutAColumnIsAnError() {
        let table = CSVTable(file: "s.csv", header: ["指标代码", "数值", "结论"], records: [])
        #expect {
            try IndicatorSheet(table: table)
        } throws: { error in
            let error = error as? IndicatorSheetError
            return error?.location == SourceLocation(file: "s.csv", line: 1)
                && error?.message.zh == "指标填报表缺少列：分子、分母、佐证材料、说明。请按模板加上这些列（可以留空）。"
        }
    }

    /// Codes typed in full width, with a long dash or in lower case are read as the plan writes them; a row
    /// with content but no code is reported; cells are kept as typed (evidence names keep full-width text).
    @Test func cleansCodesAndKeepsCells() throws {
        let read = try sheet([
            row("Ｃ３１－１", numerator: "3"), row("c31—2", value: "20%"), row("", conclusion: "达标"),
            row("C2", evidence: " evidence/C2-规划（2023）.txt "),
        ])
        #expect(read.rows.map(\.code) == ["C31-1", "C31-2", "C2"])
        #expect(read.rows[2][.evidence] == "evidence/C2-规划（2023）.txt")
        #expect(read.issues.count == 1)
        #expect(read.issues[0].location == SourceLocation(file: "sheet.csv", line: 4, column: 1))
    }

    @Test func unknownColumnsAreReportedAndIgnored() throws {
        let table = CSVTable(
            file: "s.csv", header: IndicatorSheet.Column.allCases.map(\.rawValue) + ["指标名称"],
            records: [CSVRecord(line: 2, fields: ["C4", "", "", "96%", "", "", "", "巩固率"])])
        let read = try IndicatorSheet(table: table)
        #expect(read.rows.first?[.value] == "96%")
        #expect(read.issues.map(\.message.en) == ["Unknown column 指标名称, ignored."])
    }
}
