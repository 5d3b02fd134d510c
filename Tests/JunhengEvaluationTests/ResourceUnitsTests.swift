import Foundation
import JunhengCore
import JunhengPlan
import JunhengReports
import JunhengResources
import Testing

@testable import JunhengEvaluation

/// The 责任单位 of the resource tables come from the county plan: a county that edits them in plan.yaml sees
/// its own units next to every failing figure, with no code change (issue 15).
@Suite struct ResourceUnitsTests {
    /// The shipped plan with B1's, B3's (and B17's) and B11's units replaced.
    static func editedPlan() throws -> CountyPlan {
        let text = try String(contentsOfFile: repositoryPath("plan/plan.yaml"), encoding: .utf8)
        let b1 = "units: [县教育局, 县人力资源社会保障局, 县委编办]"
        let b11 = "units: [县发展改革委, 县财政局, 县自然资源和规划局, 县教育局, 各乡镇(街道)]"
        #expect(text.components(separatedBy: b1).count == 3 + 1, "B1, B3 and B17 list the same units")
        #expect(text.contains(b11))
        let edited = text.replacingOccurrences(of: b11, with: "units: [某县住建局]")
            .replacingOccurrences(of: b1, with: "units: [某县编办]")
        return try PlanLoader.parse(yaml: edited, file: "edited.yaml")
    }

    /// 甲小学 misses C1 below 85 % of its standard (3.0 < 0.85 × 4.2 = 3.57 per 100 students), so it fails
    /// the 6-of-7 rule, and has 3,000 students, over the 2,000 limit of C23.
    static func roster() throws -> SchoolRoster {
        try TestRoster.make([
            TestRoster.primary("甲小学", students: 3000, [.primaryQualifiedTeachers: "90"]),
            TestRoster.primary("乙小学", students: 200),
        ])
    }

    @Test func theShippedPlanNamesTheSeedsUnits() throws {
        let plan = try PlanLoader.load(path: repositoryPath("plan/plan.yaml"))
        let units = ResourceSettings().applying(plan).units
        #expect(units.units(for: .qualifiedTeachers) == ["县教育局", "县人力资源社会保障局", "县委编办"])
        #expect(units.schoolSize == ["县发展改革委", "县财政局", "县自然资源和规划局", "县教育局", "各乡镇(街道)"])
        // The plan writes the seed's “教育局” in full, as one unit has one name.
        #expect(units.rooms.first == "县教育局")
        #expect(units.units(for: .equipmentValue).first == "县教育局")
    }

    @Test func editedUnitsReachTheResourceTables() throws {
        let plan = try Self.editedPlan()
        let report = ResourceAnalysis.analyze(roster: try Self.roster(), settings: ResourceSettings().applying(plan))
        let c1 = try #require(report.indicators.first { $0.stage == .primary && $0.indicator == 1 })
        #expect(c1.responsibleUnits == ["某县编办"])
        let sportsArt = try #require(report.indicators.first { $0.stage == .primary && $0.indicator == 3 })
        #expect(sportsArt.responsibleUnits == ["某县编办"])
        let size = try #require(report.guarantees.first { $0.id == .schoolSize })
        #expect(size.passes == false)
        #expect(size.responsibleUnits == ["某县住建局"])
        // The bar of the schools meeting the standards names the units of the indicators they miss.
        let bar = try #require(report.reportSection().bars.first { $0.name.en.hasPrefix("primary schools meeting") })
        #expect(bar.passes == false)
        #expect(bar.responsibleUnits.map(\.zh).contains("某县编办"))
        #expect(!bar.responsibleUnits.map(\.zh).contains("县人力资源社会保障局"))
    }
}
