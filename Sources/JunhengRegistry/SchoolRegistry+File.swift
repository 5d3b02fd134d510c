public import JunhengCore
public import JunhengIngest

extension SchoolRegistry {
    /// The registry's columns, as its header names them.
    public enum Column: String, Sendable, CaseIterable {
        case code = "学校代码"
        case name = "学校名称"
        case township = "乡镇"
        case stages = "学段"
        case type = "类型"
    }

    /// Whether a header is a registry's: it has the five columns (and no roster figures).
    public static func recognises(header: [String]) -> Bool {
        let names = Set(header.map { HandTypedText.compact($0) })
        return Column.allCases.allSatisfy { names.contains($0.rawValue) } && !names.contains("小学在校生数")
    }

    /// Reads a registry file (CSV in any encoding the reader detects, or a workbook's sheet).
    /// - Throws: the reader's `IngestError`, or a ``RegistryError`` naming every bad cell.
    public static func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws -> SchoolRegistry {
        try SchoolRegistry(table: CSVTable.read(path: path, options: options))
    }

    /// Reads the registry from a table: every column present, every row a school with a code used once, a
    /// name, a township, its 学段 (小学, 初中, or both joined by 、) and a 类型 of the six, and no school
    /// listed twice in one township.
    public init(table: CSVTable) throws(RegistryError) {
        var issues: [RegistryError.Issue] = []
        var index: [Column: Int] = [:]
        for (position, name) in table.header.enumerated() {
            if let column = Column(rawValue: HandTypedText.compact(name)), index[column] == nil {
                index[column] = position
            }
        }
        let missing = Column.allCases.filter { index[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map(\.rawValue).joined(separator: "、")
            throw RegistryError(issues: [
                .init(
                    location: SourceLocation(file: table.file, line: table.headerLine),
                    message: LocalizedText(
                        zh: "学校名录缺少列：\(names)。表头应为 学校代码,学校名称,乡镇,学段,类型。",
                        en:
                            "The registry lacks the column(s) \(missing.map { ProperName.mark($0.rawValue) }.joined(separator: ", ")): its header is \(ProperName.mark("学校代码,学校名称,乡镇,学段,类型"))."
                    ))
            ])
        }
        var entries: [RegistryEntry] = []
        var codes: [String: Int] = [:]
        var places: [String: Int] = [:]
        for record in table.records {
            func place(_ column: Column) -> SourceLocation {
                SourceLocation(file: table.file, line: record.line, column: index[column]! + 1)
            }
            func cell(_ column: Column) -> String {
                let position = index[column]!
                return position < record.fields.count ? HandTypedText.cell(record.fields[position]) : ""
            }
            func fail(_ column: Column, zh: String, en: String) {
                issues.append(.init(location: place(column), message: LocalizedText(zh: zh, en: en)))
            }
            let code = cell(.code)
            let name = cell(.name)
            let township = cell(.township)
            if code.isEmpty {
                fail(.code, zh: "学校代码为空，请填写。", en: "\(ProperName.mark("学校代码")) (school code) is empty: fill it in.")
            }
            if name.isEmpty {
                fail(
                    .name, zh: "学校名称为空，请填写全称。",
                    en: "\(ProperName.mark("学校名称")) (school name) is empty: write the school's full name.")
            }
            if township.isEmpty {
                fail(.township, zh: "乡镇为空，请填写。", en: "\(ProperName.mark("乡镇")) (township) is empty: fill it in.")
            }
            if !code.isEmpty {
                let key = NameSuggestion.key(code)
                if let line = codes[key] {
                    fail(
                        .code, zh: "学校代码 \(code) 已在第 \(line) 行用过：每所学校一个代码。",
                        en: "The code \(ProperName.mark(code)) is already used on line \(line): one code a school.")
                } else {
                    codes[key] = record.line
                }
            }
            if !name.isEmpty && !township.isEmpty {
                let key = NameSuggestion.key(township) + "\u{1F}" + NameSuggestion.key(name)
                if let line = places[key] {
                    fail(
                        .name, zh: "\(township)的\(name)已在第 \(line) 行列出：同一乡镇的学校只列一次。",
                        en:
                            "\(ProperName.mark(name)) in \(ProperName.mark(township)) is already listed on line \(line): list a school once."
                    )
                } else {
                    places[key] = record.line
                }
            }
            let typeText = cell(.type)
            let type = RegistrySchoolType(rawValue: typeText)
            if type == nil {
                fail(
                    .type, zh: "类型“\(typeText)”不可用；应为 \(RegistrySchoolType.allNames) 之一。",
                    en:
                        "\(ProperName.mark("类型")) (type) \"\(ProperName.mark(typeText))\" is not one of \(RegistrySchoolType.allNamesMarked)."
                )
            }
            let stagesText = cell(.stages)
            let stages = Self.stages(stagesText)
            if stages == nil {
                fail(
                    .stages, zh: "学段“\(stagesText)”不可用；写 小学、初中，或“小学、初中”。",
                    en:
                        "\(ProperName.mark("学段")) (stage) \"\(ProperName.mark(stagesText))\" is not \(ProperName.mark("小学")), \(ProperName.mark("初中")) or \(ProperName.mark("小学、初中"))."
                )
            } else if let type, let stages, let expected = type.stages, expected != stages {
                let written = expected.sorted().map(\.rawValue).joined(separator: "、")
                fail(
                    .stages, zh: "\(type.rawValue)的学段应为“\(written)”，此处为“\(stagesText)”。",
                    en: "A \(type.label.en) teaches \(ProperName.mark(written)), not \(ProperName.mark(stagesText)).")
            }
            if let type, let stages, !code.isEmpty, !name.isEmpty, !township.isEmpty {
                entries.append(
                    RegistryEntry(
                        code: code, name: name, township: township, stages: stages, type: type,
                        location: SourceLocation(file: table.file, line: record.line)))
            }
        }
        if entries.isEmpty && issues.isEmpty {
            issues.append(
                .init(
                    location: SourceLocation(file: table.file, line: table.headerLine),
                    message: LocalizedText(
                        zh: "学校名录中没有学校：每行一所学校。", en: "The registry lists no school: one school a row.")))
        }
        guard issues.isEmpty else { throw RegistryError(issues: issues) }
        self.init(file: table.file, entries: entries)
    }

    /// 学段 as written: 小学, 初中, or both joined by 、 , ， / + or 和; `nil` when something else is written.
    static func stages(_ text: String) -> Set<RegistryStage>? {
        let separators: Set<Character> = ["、", ",", "，", "/", "／", "+", "＋", "和", " "]
        let pieces = text.split(whereSeparator: { separators.contains($0) })
        guard !pieces.isEmpty else { return nil }
        var stages: Set<RegistryStage> = []
        for piece in pieces {
            guard let stage = RegistryStage(rawValue: String(piece)) else { return nil }
            stages.insert(stage)
        }
        return stages
    }
}
