public import JunhengCore

/// A school or township name as one file gives it: the name, the township given beside it, the code and
/// type when the file has them, where it is first written, and on how many rows.
public struct NameOccurrence: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case township
        case school
    }

    public var kind: Kind
    public var name: String
    /// For a school: the township the same row gives, if any.
    public var township: String?
    /// For a school: the 学校代码 the same row gives, if any.
    public var code: String?
    /// For a school: the type the row gives (a roster's 学校类型), if any.
    public var type: String?
    /// The first place the name is written (with this township and code).
    public var location: SourceLocation
    /// Rows that give it.
    public var rows: Int

    public init(
        kind: Kind, name: String, township: String? = nil, code: String? = nil, type: String? = nil,
        location: SourceLocation, rows: Int = 1
    ) {
        self.kind = kind
        self.name = name
        self.township = township
        self.code = code
        self.type = type
        self.location = location
        self.rows = rows
    }
}

/// Every name one file gives, and what the file is.
public struct NameSource: Sendable, Hashable {
    /// What the file is, as the report names it (学校基础数据, 质量监测学生成绩, …).
    public var label: LocalizedText
    public var file: String
    /// Whether the file lists every school of the county (a roster does; a sample or a survey does not):
    /// without a registry, the names of other files are compared with a complete list.
    public var listsEverySchool: Bool
    /// What figures depend on the names of this file (for the caveat beside them).
    public var figures: LocalizedText
    public var occurrences: [NameOccurrence]

    public init(
        label: LocalizedText, file: String, listsEverySchool: Bool = false, figures: LocalizedText,
        occurrences: [NameOccurrence]
    ) {
        self.label = label
        self.file = file
        self.listsEverySchool = listsEverySchool
        self.figures = figures
        self.occurrences = occurrences
    }
}

/// Gathers a file's names row by row: one ``NameOccurrence`` per distinct township and per distinct
/// (township, school, code), at its first place, with the rows counted.
public struct NameCollector: Sendable {
    private var order: [String] = []
    private var found: [String: NameOccurrence] = [:]

    public init() {}

    /// Adds what one row gives; empty names are skipped.
    public mutating func add(
        school: String?, township: String?, code: String? = nil, type: String? = nil, schoolPlace: SourceLocation?,
        townshipPlace: SourceLocation?
    ) {
        let township = township.map { HandTypedText.cell($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let code = code.map { HandTypedText.cell($0) }.flatMap { $0.isEmpty ? nil : $0 }
        if let township, let townshipPlace {
            note(
                NameOccurrence(kind: .township, name: township, location: townshipPlace), key: "t\u{1F}" + key(township)
            )
        }
        if let school = school.map({ HandTypedText.cell($0) }), !school.isEmpty, let schoolPlace {
            let occurrence = NameOccurrence(
                kind: .school, name: school, township: township, code: code, type: type, location: schoolPlace)
            note(
                occurrence,
                key: ["s", key(township ?? ""), key(school), key(code ?? "")].joined(separator: "\u{1F}"))
        }
    }

    private func key(_ text: String) -> String { NameSuggestion.key(text) }

    private mutating func note(_ occurrence: NameOccurrence, key: String) {
        if found[key] == nil {
            order.append(key)
            found[key] = occurrence
        } else {
            found[key]!.rows += 1
        }
    }

    /// Every name, in the order first seen.
    public var occurrences: [NameOccurrence] { order.map { found[$0]! } }
}
