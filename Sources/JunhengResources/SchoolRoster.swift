import Foundation
public import JunhengCore
public import JunhengIngest

/// 学校基础数据: the county's school roster, one row a school (columns: ``RosterColumn``).
///
/// Read from a ``CSVTable`` (any encoding the ingest layer reads). Unknown headers and rows the ingest layer
/// skipped are kept as ``warnings``; a missing required column, an empty required cell, a non-number, a
/// negative number or a fractional count is an error with its line and column, and all of them are
/// reported together in one ``SchoolRosterError``.
public struct SchoolRoster: Sendable, Hashable {
    public var file: String
    public var schools: [SchoolRecord]
    /// The optional columns the roster has (the guarantee checks need them).
    public var optionalColumns: Set<RosterColumn>
    public var warnings: [RosterIssue]

    public init(
        file: String, schools: [SchoolRecord], optionalColumns: Set<RosterColumn> = [], warnings: [RosterIssue] = []
    ) {
        self.file = file
        self.schools = schools
        self.optionalColumns = optionalColumns
        self.warnings = warnings
    }

    /// Reads a roster file through the ingest layer.
    public static func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws -> SchoolRoster {
        try SchoolRoster(table: CSVTable.read(path: path, options: options))
    }

    /// Reads the roster from a CSV table already in memory.
    public init(table: CSVTable) throws(SchoolRosterError) {
        var errors: [RosterIssue] = []
        var warnings: [RosterIssue] = table.problems.map {
            RosterIssue(location: $0.location, message: $0.message)
        }
        let headerLocation = { (column: Int?) in
            SourceLocation(file: table.file, line: table.headerLine, column: column)
        }

        // MARK: header
        var index: [RosterColumn: Int] = [:]
        for (position, rawName) in table.header.enumerated() {
            let name = HandTypedText.cell(rawName)
            if let column = RosterColumn(rawValue: name) {
                if index[column] == nil {
                    index[column] = position
                } else {
                    warnings.append(
                        RosterIssue(
                            location: headerLocation(position + 1),
                            message: LocalizedText(
                                zh: "列名“\(name)”重复，只读取第一列",
                                en: "the header \(name) appears twice; the first one is used")))
                }
            } else if !name.isEmpty {
                warnings.append(
                    RosterIssue(
                        location: headerLocation(position + 1),
                        message: LocalizedText(
                            zh: "未知列“\(name)”，已忽略；可用列名见 junheng resources --help",
                            en: "unknown column \(name), ignored; see junheng resources --help for the column names")))
            }
        }
        for column in RosterColumn.required where index[column] == nil {
            errors.append(
                RosterIssue(
                    location: headerLocation(nil),
                    message: LocalizedText(
                        zh: "缺少必需的列“\(column.rawValue)”；请在表头中加上这一列",
                        en: "the required column \(column.rawValue) is missing; add it to the header")))
        }
        if !errors.isEmpty { throw SchoolRosterError(issues: errors) }

        // MARK: rows
        var schools: [SchoolRecord] = []
        for record in table.records {
            var reader = CellReader(file: table.file, record: record, index: index)
            let name = reader.text(.name)
            let township = reader.text(.township)
            let type = reader.schoolType()
            if name?.isEmpty ?? true {
                reader.fail(.name, LocalizedText(zh: "学校名称为空", en: "学校名称 (school name) is empty"))
            }
            var school = SchoolRecord(
                line: record.line, name: name ?? "", township: township ?? "", type: type ?? .primary,
                code: reader.text(.code).flatMap { $0.isEmpty ? nil : $0 },
                ownership: reader.text(.ownership).flatMap { $0.isEmpty ? nil : $0 })
            school.primaryStudents = reader.count(.primaryStudents) ?? 0
            school.juniorStudents = reader.count(.juniorStudents) ?? 0
            school.seniorStudents = reader.count(.seniorStudents) ?? 0
            school.primaryQualifiedTeachers = reader.amount(.primaryQualifiedTeachers) ?? 0
            school.juniorQualifiedTeachers = reader.amount(.juniorQualifiedTeachers) ?? 0
            school.primaryBackboneTeachers = reader.amount(.primaryBackboneTeachers) ?? 0
            school.juniorBackboneTeachers = reader.amount(.juniorBackboneTeachers) ?? 0
            school.primarySportsArtTeachers = reader.amount(.primarySportsArtTeachers) ?? 0
            school.juniorSportsArtTeachers = reader.amount(.juniorSportsArtTeachers) ?? 0
            school.teachingSpace = reader.amount(.teachingSpace) ?? 0
            school.sportsGround = reader.amount(.sportsGround) ?? 0
            school.equipmentValue = reader.amount(.equipmentValue) ?? 0
            school.multimediaRooms = reader.count(.multimediaRooms).map(Double.init) ?? 0
            school.primaryClasses = reader.count(.primaryClasses)
            school.juniorClasses = reader.count(.juniorClasses)
            school.maxClassSize = reader.count(.maxClassSize)
            school.musicRooms = reader.count(.musicRooms)
            school.artRooms = reader.count(.artRooms)
            school.minMusicRoomArea = reader.amount(.minMusicRoomArea)
            school.minArtRoomArea = reader.amount(.minArtRoomArea)
            school.approvedPublicFunds = reader.amount(.approvedPublicFunds)
            school.publicFundsBudget = reader.amount(.publicFundsBudget)
            school.trainingFunds = reader.amount(.trainingFunds)
            errors += reader.errors
            if reader.errors.isEmpty, let type {
                warnings += Self.enrolmentWarnings(school, type: type, file: table.file, index: index)
            }
            schools.append(school)
        }
        if !errors.isEmpty { throw SchoolRosterError(issues: errors) }
        self.init(
            file: table.file, schools: schools,
            optionalColumns: Set(index.keys.filter { !$0.isRequired }), warnings: warnings)
    }

    /// Students in a stage the school type does not have are not counted: say so.
    static func enrolmentWarnings(
        _ school: SchoolRecord, type: SchoolType, file: String, index: [RosterColumn: Int]
    ) -> [RosterIssue] {
        var issues: [RosterIssue] = []
        let checks: [(RosterColumn, Int, Bool)] = [
            (.primaryStudents, school.primaryStudents, type.stages.contains(.primary)),
            (.juniorStudents, school.juniorStudents, type.stages.contains(.junior)),
            (.seniorStudents, school.seniorStudents, type.hasSenior),
        ]
        for (column, students, belongs) in checks where students > 0 && !belongs && type != .specialEducation {
            issues.append(
                RosterIssue(
                    location: SourceLocation(file: file, line: school.line, column: index[column].map { $0 + 1 }),
                    message: LocalizedText(
                        zh: "“\(school.name)”为\(type.rawValue)，但\(column.rawValue)为 \(students)；这些学生不计入，请核对学校类型",
                        en: "\(school.name) is a \(type.label.en), but \(column.rawValue) is \(students); "
                            + "students in a stage this school type does not have are not counted: check the school type"
                    )))
        }
        return issues
    }
}

/// A problem in the roster, with its place: an error (the roster cannot be used) or a warning.
public struct RosterIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: LocalizedText

    public init(location: SourceLocation, message: LocalizedText) {
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message` in `language`.
    public func line(in language: Language) -> String { "\(location): \(message.text(language))" }

    public var description: String { line(in: .zh) }
}

/// The roster cannot be used: every error found, each with its line and column.
public struct SchoolRosterError: UserFacingError, Hashable {
    public var issues: [RosterIssue]

    public init(issues: [RosterIssue]) {
        precondition(!issues.isEmpty, "an error needs at least one issue")
        self.issues = issues
    }

    public var location: SourceLocation? { issues.first?.location }

    public var message: LocalizedText {
        let first = issues[0].message
        guard issues.count > 1 else { return first }
        return first + LocalizedText(zh: "（另有 \(issues.count - 1) 处错误）", en: " (and \(issues.count - 1) more)")
    }

    /// Every issue on its own line, `FILE:LINE:COLUMN: message`.
    public func lines(in language: Language) -> [String] {
        issues.map { $0.line(in: language) }
    }
}

// MARK: - Cells

/// Reads the cells of one record and collects what is wrong with them.
private struct CellReader {
    let file: String
    let record: CSVRecord
    let index: [RosterColumn: Int]
    var errors: [RosterIssue] = []

    init(file: String, record: CSVRecord, index: [RosterColumn: Int]) {
        self.file = file
        self.record = record
        self.index = index
    }

    mutating func fail(_ column: RosterColumn, _ message: LocalizedText) {
        errors.append(
            RosterIssue(
                location: SourceLocation(file: file, line: record.line, column: index[column].map { $0 + 1 }),
                message: message))
    }

    /// The trimmed cell, or `nil` when the column is absent.
    func text(_ column: RosterColumn) -> String? {
        guard let position = index[column] else { return nil }
        return HandTypedText.cell(record[column: position] ?? "")
    }

    mutating func schoolType() -> SchoolType? {
        guard let cell = text(.type) else { return nil }
        if let type = SchoolType(rosterText: cell) { return type }
        fail(
            .type,
            LocalizedText(
                zh: "学校类型“\(cell)”无法识别；应为：\(SchoolType.allNames)",
                en: "the school type \(cell) is unknown; it must be one of \(SchoolType.allNames)"))
        return nil
    }

    /// The most a roster cell may hold: far above any school's m², 元 or teachers, far below overflow.
    static let largest = 1e12
    /// The most students, classes or rooms a count may be.
    static let largestCount = 10_000_000

    /// A number ≥ 0 (read by ``NumberCell``); `nil` for an empty optional cell (an empty required cell is an
    /// error).
    mutating func amount(_ column: RosterColumn) -> Double? {
        guard let cell = text(column) else { return nil }
        if cell.isEmpty {
            if column.isRequired {
                fail(
                    column,
                    LocalizedText(
                        zh: "“\(column.rawValue)”为空；没有请填 0",
                        en: "\(column.rawValue) is empty; write 0 if there are none"))
            }
            return nil
        }
        switch NumberCell.decimal(cell, in: -Self.largest...Self.largest) {
        case .failure(let failure):
            fail(
                column,
                LocalizedText(zh: "“\(column.rawValue)”的值", en: "the value of \(column.rawValue) ") + failure.message)
            return nil
        case .success(let value) where value < 0:
            fail(
                column,
                LocalizedText(
                    zh: "“\(column.rawValue)”的值 \(cell) 为负数；请填 0 或正数",
                    en: "\(column.rawValue) is negative (\(cell)); write 0 or a positive number"))
            return nil
        case .success(let value):
            return value
        }
    }

    /// A whole number ≥ 0 (read by ``NumberCell``, so the conversion to `Int` is checked).
    mutating func count(_ column: RosterColumn) -> Int? {
        guard let cell = text(column), let value = amount(column) else { return nil }
        guard let whole = NumberCell.wholeNumber(value), whole <= Self.largestCount else {
            fail(
                column,
                LocalizedText(
                    zh: "“\(column.rawValue)”的值“\(cell)”应为不超过 \(Self.largestCount) 的整数",
                    en: "\(column.rawValue) must be a whole number up to \(Self.largestCount), not \"\(cell)\""))
            return nil
        }
        return whole
    }
}

extension SchoolType {
    /// The type as written in a roster: the exact names, plus a few common variants
    /// (九年一贯制学校, 完中, 特教学校, …).
    public init?(rosterText text: String) {
        let trimmed = HandTypedText.cell(text)
        if let exact = SchoolType(rawValue: trimmed) {
            self = exact
            return
        }
        switch trimmed {
        case "小学校", "完全小学", "中心小学", "村小": self = .primary
        case "初级中学", "初中学校": self = .junior
        case "九年一贯制学校", "九年制", "九年制学校": self = .nineYear
        case "十二年一贯制学校", "十二年制", "十二年制学校": self = .twelveYear
        case "完中": self = .completeMiddle
        case "特教学校", "特殊教育", "特殊学校": self = .specialEducation
        default: return nil
        }
    }
}
