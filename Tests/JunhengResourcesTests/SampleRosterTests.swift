import Foundation
import Testing

@testable import JunhengResources

/// The committed sample (`sample-responses/roster.csv`, from scripts/generate_roster.py) reads cleanly and has
/// what the README promises: every school type, teaching points on both sides of the cut-off, 15+ townships.
@Test func sampleRosterReadsCleanly() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let path = root.appendingPathComponent("sample-responses/roster.csv").path
    let roster = try SchoolRoster.read(path: path)
    #expect(roster.warnings.isEmpty)
    #expect(roster.schools.count >= 40)
    #expect(Set(roster.schools.map(\.township)).count >= 15)
    #expect(Set(roster.schools.map(\.type)) == Set(SchoolType.allCases))
    #expect(roster.schools.filter { $0.type == .nineYear }.count >= 2)
    let points = roster.schools.filter { $0.type == .teachingPoint }.map(\.primaryStudents)
    #expect(points.contains { $0 < 50 } && points.contains { $0 >= 50 })

    let costs = try UnitCosts.read(path: root.appendingPathComponent("sample-responses/unit-costs.csv").path)
    let report = ResourceAnalysis.analyze(roster: roster, unitCosts: costs)
    #expect(report.schools.contains { !$0.passes })
    #expect(report.funding.unpricedGaps == 0)
    #expect(report.guarantees.filter { !$0.available }.isEmpty)
}
