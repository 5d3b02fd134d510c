import JunhengIngest
import JunhengResources

/// Builds small rosters in memory: the required header plus the optional columns asked for, one row per
/// school given as column → cell, every missing required number written as 0.
enum TestRoster {
    static func make(_ schools: [[RosterColumn: String]], optional: [RosterColumn] = []) throws -> SchoolRoster {
        let columns = RosterColumn.required + optional
        let records = schools.enumerated().map { index, cells in
            CSVRecord(
                line: index + 2,
                fields: columns.map { column in
                    cells[column]
                        ?? (column.kind == .text || column.kind == .schoolType || !column.isRequired ? "" : "0")
                })
        }
        return try SchoolRoster(table: CSVTable(file: "roster.csv", header: columns.map(\.rawValue), records: records))
    }

    /// A primary school meeting every primary standard comfortably except what `cells` changes:
    /// per 100 students 5 qualified, 1.5 backbone, 1 PE/arts teachers and 3 rooms; 5 m², 8 m², 2500 元 a student.
    static func primary(_ name: String, students: Int, _ cells: [RosterColumn: String] = [:]) -> [RosterColumn: String]
    {
        let per = Double(students) / 100
        var school: [RosterColumn: String] = [
            .name: name, .township: "青云镇", .type: "小学", .primaryStudents: "\(students)",
            .primaryQualifiedTeachers: "\(5 * per)", .primaryBackboneTeachers: "\(1.5 * per)",
            .primarySportsArtTeachers: "\(1 * per)", .teachingSpace: "\(5 * Double(students))",
            .sportsGround: "\(8 * Double(students))", .equipmentValue: "\(2500 * students)",
            .multimediaRooms: "\(Int(3 * per))",
        ]
        school.merge(cells) { $1 }
        return school
    }
}
