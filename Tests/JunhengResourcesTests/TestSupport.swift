import JunhengIngest

@testable import JunhengResources

/// Builds in-memory rosters for tests: the required header, and one row per school given as
/// column → cell, every missing required number written as 0.
enum TestRoster {
    static let header = RosterColumn.required.map(\.rawValue)

    static func table(
        _ schools: [[RosterColumn: String]], extraHeader: [RosterColumn] = [], file: String = "roster.csv"
    ) -> CSVTable {
        let columns = RosterColumn.required + extraHeader
        let records = schools.enumerated().map { index, cells in
            CSVRecord(
                line: index + 2,
                fields: columns.map { column in
                    cells[column]
                        ?? (column.kind == .text || column.kind == .schoolType || !column.isRequired ? "" : "0")
                })
        }
        return CSVTable(file: file, header: columns.map(\.rawValue), records: records)
    }

    static func roster(_ schools: [[RosterColumn: String]], extraHeader: [RosterColumn] = []) throws -> SchoolRoster {
        try SchoolRoster(table: table(schools, extraHeader: extraHeader))
    }

    /// A 100-student primary school that meets every primary standard, three of them exactly on the line:
    /// 5 qualified teachers (5.0 ≥ 4.2), 1 backbone (1.0 = 1.0), 1 PE/arts (1.0 ≥ 0.9), 450 m² (4.5 = 4.5),
    /// 800 m² sports (8.0 ≥ 7.5), 200 000 元 (2000 = 2000), 3 rooms (3.0 ≥ 2.3).
    static func goodPrimary(_ name: String, township: String = "青云镇") -> [RosterColumn: String] {
        [
            .name: name, .township: township, .type: "小学", .primaryStudents: "100",
            .primaryQualifiedTeachers: "5", .primaryBackboneTeachers: "1", .primarySportsArtTeachers: "1",
            .teachingSpace: "450", .sportsGround: "800", .equipmentValue: "200000", .multimediaRooms: "3",
        ]
    }
}

extension [RosterColumn: String] {
    func with(_ column: RosterColumn, _ value: String) -> Self {
        var copy = self
        copy[column] = value
        return copy
    }
}
