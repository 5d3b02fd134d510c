public import JunhengCore

/// Checks the names a file gives against the county's registry: every township must be one of the
/// registry's, every school one of its schools in that township (by 学校代码 when the file gives one),
/// and a school's type must agree. Each name that does not is a ``NameFinding`` at its first place,
/// with the nearest registry names as suggestions.
public struct NameCheck: Sendable, Hashable {
    public var registry: SchoolRegistry

    public init(registry: SchoolRegistry) {
        self.registry = registry
    }

    /// The findings of one file, in the order its names first appear.
    public func check(_ source: NameSource) -> [NameFinding] {
        source.occurrences.compactMap { occurrence in
            switch occurrence.kind {
            case .township: township(occurrence)
            case .school: school(occurrence)
            }
        }
    }

    func township(_ occurrence: NameOccurrence) -> NameFinding? {
        guard registry.township(occurrence.name) == nil else { return nil }
        let near = registry.suggestions(township: occurrence.name)
        return NameFinding(
            problem: .unknownTownship, kind: .township, name: occurrence.name, location: occurrence.location,
            rows: occurrence.rows, suggestions: near,
            message: LocalizedText(
                zh: "乡镇“\(occurrence.name)”不在学校名录中。",
                en: "The township \(ProperName.mark(occurrence.name)) is not in the registry. ")
                + NameFinding.suggestion(near) + NameFinding.rowsText(occurrence.rows))
    }

    func school(_ occurrence: NameOccurrence) -> NameFinding? {
        var occurrence = occurrence
        // A township the registry lacks is reported on its own: the school is looked up by its name alone,
        // so one typo is one finding.
        if let township = occurrence.township, registry.township(township) == nil { occurrence.township = nil }
        let name = occurrence.name
        func finding(_ problem: NameFinding.Problem, _ near: [String], _ message: LocalizedText) -> NameFinding {
            NameFinding(
                problem: problem, kind: .school, name: name, location: occurrence.location, rows: occurrence.rows,
                suggestions: near, message: message + NameFinding.rowsText(occurrence.rows))
        }
        if let code = occurrence.code {
            guard let entry = registry.entry(code: code) else {
                let near = registry.suggestions(school: name, township: occurrence.township)
                let named = registry.school(named: name, township: occurrence.township)
                return finding(
                    .unknownCode, named.map { [$0.name] } ?? near,
                    LocalizedText(
                        zh: "学校代码 \(code)（\(name)）不在学校名录中。",
                        en:
                            "The school code \(ProperName.mark(code)) (\(ProperName.mark(name))) is not in the registry. "
                    )
                        + (named.map {
                            LocalizedText(
                                zh: "名录中\(name)的代码是 \($0.code)。",
                                en: "The registry gives \(ProperName.mark(name)) the code \($0.code).")
                        } ?? NameFinding.suggestion(near)))
            }
            if NameSuggestion.key(entry.name) != NameSuggestion.key(name) {
                return finding(
                    .codeMismatch, [entry.name],
                    LocalizedText(
                        zh: "学校代码 \(code) 在学校名录中是“\(entry.name)”，此处写作“\(name)”。",
                        en:
                            "The registry's school \(ProperName.mark(code)) is \(ProperName.mark(entry.name)), written \(ProperName.mark(name)) here."
                    ))
            }
            if let township = occurrence.township,
                NameSuggestion.key(township) != NameSuggestion.key(entry.township)
            {
                return finding(
                    .otherTownship, [entry.township],
                    LocalizedText(
                        zh: "学校名录中\(entry.name)属于\(entry.township)，此处写作\(township)。",
                        en:
                            "The registry puts \(ProperName.mark(entry.name)) in \(ProperName.mark(entry.township)), not \(ProperName.mark(township))."
                    ))
            }
            return typeFinding(occurrence, entry)
        }
        if let entry = registry.school(named: name, township: occurrence.township) {
            return typeFinding(occurrence, entry)
        }
        let named = registry.entries(named: name)
        if let township = occurrence.township, !named.isEmpty {
            let places = named.map(\.township)
            return finding(
                .otherTownship, places,
                LocalizedText(
                    zh: "学校名录中\(name)属于\(places.joined(separator: "、"))，不属于\(township)。",
                    en:
                        "The registry has \(ProperName.mark(name)) in \(places.map(ProperName.mark).joined(separator: ", ")), not in \(ProperName.mark(township))."
                ))
        }
        if named.count > 1 {
            let places = named.map(\.township)
            return finding(
                .ambiguous, named.map { "\($0.township) \($0.name)" },
                LocalizedText(
                    zh: "学校名录中有 \(named.count) 所“\(name)”（\(places.joined(separator: "、"))），此处没有乡镇或学校代码，无法区分。",
                    en:
                        "The registry has \(named.count) schools named \(ProperName.mark(name)) (\(places.map(ProperName.mark).joined(separator: ", "))); with no township or code here they cannot be told apart."
                ))
        }
        let near = registry.suggestions(school: name, township: occurrence.township)
        return finding(
            .unknownSchool, near,
            LocalizedText(zh: "学校“\(name)”不在学校名录中。", en: "The school \(ProperName.mark(name)) is not in the registry. ")
                + NameFinding.suggestion(near))
    }

    /// A school whose file gives a type (a roster's 学校类型) that the registry's 类型 does not allow: the
    /// same type, or 完全中学 for a registry 初中 (its compulsory stage).
    func typeFinding(_ occurrence: NameOccurrence, _ entry: RegistryEntry) -> NameFinding? {
        guard let type = occurrence.type, !type.isEmpty else { return nil }
        if type == entry.type.rawValue || (type == "完全中学" && entry.type == .junior) { return nil }
        return NameFinding(
            problem: .typeMismatch, kind: .school, name: occurrence.name, location: occurrence.location,
            rows: occurrence.rows, suggestions: [entry.type.rawValue],
            message: LocalizedText(
                zh: "学校名录中\(entry.name)的类型是\(entry.type.rawValue)，此处为\(type)。",
                en:
                    "The registry's type of \(ProperName.mark(entry.name)) is \(entry.type.label.en), not \(ProperName.mark(type))."
            ))
    }
}
