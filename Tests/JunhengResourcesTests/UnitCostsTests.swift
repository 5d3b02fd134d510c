import Foundation
import JunhengCore
import JunhengIngest
import Testing

@testable import JunhengResources

private func table(_ rows: [[String]], header: [String] = ["项目", "单价"]) -> CSVTable {
    CSVTable(
        file: "costs.csv", header: header,
        records: rows.enumerated().map { CSVRecord(line: $0.offset + 2, fields: $0.element) })
}

@Test func noItemsPricesOnlyEquipment() throws {
    let costs = try UnitCosts(table: table([]))
    #expect(costs.price(.teachingSpace) == nil)
    #expect(costs.price(.qualifiedTeachers) == nil)
    #expect(costs.price(.equipmentValue) == 1)
}

@Test func itemsPriceTheirIndicators() throws {
    let costs = try UnitCosts(
        table: table([["教学及辅助用房", "3000"], ["教师", "100000"], ["骨干教师", "5000"], ["网络多媒体教室", "50000"]]))
    #expect(costs.price(.teachingSpace) == 3000)
    #expect(costs.price(.sportsGround) == nil)
    #expect(costs.price(.qualifiedTeachers) == 100000)
    #expect(costs.price(.sportsArtTeachers) == 100000)
    #expect(costs.price(.backboneTeachers) == 5000)
    #expect(costs.price(.multimediaRooms) == 50000)
}

@Test func unknownItemIsAnErrorWithItsPlace() {
    #expect {
        try UnitCosts(table: table([["教学及辅助用房", "3000"], ["图书", "30"]]))
    } throws: { error in
        let error = error as! UnitCostError
        return error.location == SourceLocation(file: "costs.csv", line: 3, column: 1)
            && error.message.zh.contains("未知项目“图书”")
    }
}

@Test func negativePriceIsAnError() {
    #expect {
        try UnitCosts(table: table([["教师", "-5"]]))
    } throws: { error in
        (error as! UnitCostError).location == SourceLocation(file: "costs.csv", line: 2, column: 2)
    }
}

@Test func missingHeadersAreAnError() {
    #expect(throws: UnitCostError.self) {
        try UnitCosts(table: table([["教师", "5"]], header: ["名称", "价格"]))
    }
}

@Test func readsTheFixtureFile() throws {
    let path = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/unit-costs.csv").path
    let costs = try UnitCosts.read(path: path)
    #expect(
        costs
            == UnitCosts(
                teachingSpacePerSquareMetre: 3000, sportsGroundPerSquareMetre: 600, multimediaRoom: 50000,
                teacherYear: 100000))
}
