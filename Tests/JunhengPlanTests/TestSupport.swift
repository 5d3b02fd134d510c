import Foundation
import JunhengIngest
import Testing

@testable import JunhengPlan

/// The path of a file under this test target's `Fixtures/`.
func fixture(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

/// The repository's top folder (for the shipped plan), from this file's place.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

func repositoryPath(_ relative: String) -> String { (repositoryRoot as NSString).appendingPathComponent(relative) }

/// A sheet from rows of cells under the template's header, the first row on line 2.
func sheet(_ rows: [[String]], file: String = "sheet.csv") throws -> IndicatorSheet {
    let header = IndicatorSheet.Column.allCases.map(\.rawValue)
    let records = rows.enumerated().map { index, cells in
        CSVRecord(line: index + 2, fields: cells + Array(repeating: "", count: max(0, header.count - cells.count)))
    }
    return try IndicatorSheet(table: CSVTable(file: file, header: header, records: records))
}

/// One sheet row: code, 分子, 分母, 数值, 结论, 佐证材料, 说明.
func row(
    _ code: String, numerator: String = "", denominator: String = "", value: String = "", conclusion: String = "",
    evidence: String = "", note: String = ""
) -> [String] {
    [code, numerator, denominator, value, conclusion, evidence, note]
}

enum SmallPlan {
    static func load() throws -> CountyPlan { try PlanLoader.load(path: fixture("small-plan.yaml")) }
    static let evidence = EvidenceCheck(root: fixture("folder"))

    static func part(_ code: String) throws -> RequirementPart {
        try #require(try load().parts.first { $0.code == code })
    }
}
