public import JunhengCore
import JunhengIngest

/// How many responses each township and school is expected to give (`junheng serve --targets FILE`): a CSV
/// file with `乡镇`, optionally `学校`, and `目标` (a whole number), one row a township or school. A
/// township's target is its own row's, or else the sum of its schools'.
public struct ProgressTargets: Sendable, Hashable {
    /// (township, school or nil) → target.
    public var targets: [String: Int]

    public init(targets: [String: Int] = [:]) {
        self.targets = targets
    }

    static func key(_ township: String, _ school: String?) -> String {
        township + "\u{1F}" + (school ?? "")
    }

    public func target(township: String, school: String?) -> Int? {
        if let own = targets[Self.key(township, school)] { return own }
        guard school == nil else { return nil }
        let prefix = township + "\u{1F}"
        let schools = targets.filter { $0.key.hasPrefix(prefix) && $0.key != prefix }.map(\.value)
        return schools.isEmpty ? nil : schools.reduce(0, +)
    }

    /// Reads the file at `path`.
    ///
    /// - Throws: ``IngestError`` for a file that cannot be read; ``UserFacingError`` (``TargetsError``) at the
    ///   line and column of a missing column or a target that is not a whole number.
    public static func load(path: String) throws -> ProgressTargets {
        var township: Int?
        var school: Int?
        var target: Int?
        var result: [String: Int] = [:]
        _ = try CSVFile(path: path).read(
            header: { names, line in
                for (index, name) in names.enumerated() {
                    switch HandTypedText.compact(name).lowercased() {
                    case "乡镇", "乡镇(街道)", "township": township = index
                    case "学校", "学校名称", "school": school = index
                    case "目标", "目标份数", "target": target = index
                    default: break
                    }
                }
                guard township != nil, target != nil else {
                    throw TargetsError(
                        location: SourceLocation(file: path, line: line),
                        message: LocalizedText(
                            zh: "第一行应有“乡镇”和“目标”列（可再加“学校”列）。",
                            en: "the first row needs 乡镇 (township) and 目标 (target) columns, and may have 学校 (school)."))
                }
            },
            row: { record in
                guard let townshipColumn = township, let targetColumn = target else { return }
                let name = record[column: townshipColumn].map(HandTypedText.cell) ?? ""
                if name.isEmpty { return }
                let schoolName = school.flatMap { record[column: $0] }.map(HandTypedText.cell).flatMap {
                    $0.isEmpty ? nil : $0
                }
                let text = record[column: targetColumn].map(HandTypedText.cell) ?? ""
                guard let value = Int(text), value >= 0 else {
                    throw TargetsError(
                        location: SourceLocation(file: path, line: record.line, column: targetColumn + 1),
                        message: LocalizedText(
                            zh: "目标“\(text.prefix(40))”不是非负整数。",
                            en: "the target “\(text.prefix(40))” is not a whole number."))
                }
                result[key(name, schoolName)] = value
            })
        return ProgressTargets(targets: result)
    }
}

/// A targets file that cannot be used.
public struct TargetsError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText
}
