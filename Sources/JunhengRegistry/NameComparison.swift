public import JunhengCore

/// Without a registry: the names the files give, compared with each other, every disagreement listed.
///
/// - A file that lists every school (the roster) is the reference: a township or school another file
///   names that it lacks is a disagreement, with the roster's nearest names as suggestions.
/// - Without such a list, any two files that write near names differently (one character off, an
///   abbreviation, the same township stem: ``NameSuggestion``), neither file having the other's spelling,
///   disagree; the later file's name is listed, naming the earlier one.
/// - Two files that put one school name in different townships disagree.
public enum NameComparison {
    /// The disagreements of each source, in the order of `sources`.
    public static func compare(_ sources: [NameSource]) -> [[NameFinding]] {
        var findings = sources.map { _ in [NameFinding]() }
        let reference = sources.firstIndex(where: \.listsEverySchool)
        var reported: Set<String> = []
        // The complete list first: the others are compared with it, never it with them.
        let order = reference.map { [$0] + sources.indices.filter { $0 != reference } } ?? Array(sources.indices)
        for (position, index) in order.enumerated() {
            let source = sources[index]
            let earlierSources = order[..<position].map { sources[$0] }
            for occurrence in source.occurrences {
                let key = NameSuggestion.key(occurrence.name)
                // Against the complete list.
                if let reference, reference != index {
                    let listed = sources[reference].occurrences.filter { $0.kind == occurrence.kind }
                    if !listed.contains(where: { NameSuggestion.key($0.name) == key }) {
                        let near = NameSuggestion.nearest(
                            to: occurrence.name, among: listed.map(\.name), townships: occurrence.kind == .township)
                        reported.insert(key)
                        findings[index].append(
                            finding(
                                occurrence,
                                LocalizedText(
                                    zh:
                                        "“\(occurrence.name)”不在\(sources[reference].label.zh)（\(sources[reference].file)）中。",
                                    en:
                                        "\(ProperName.mark(occurrence.name)) is not in the \(lowercased(sources[reference].label.en)) (\(ProperName.mark(sources[reference].file))). "
                                ) + suggestion(near), near))
                        continue
                    }
                }
                // Against every earlier file: near spellings, and a school in another township.
                for other in earlierSources {
                    for earlier in other.occurrences where earlier.kind == occurrence.kind {
                        let earlierKey = NameSuggestion.key(earlier.name)
                        if earlierKey == key {
                            // (A township already reported in this file is its own finding: one typo, one.)
                            if occurrence.kind == .school, let here = occurrence.township, let there = earlier.township,
                                NameSuggestion.key(here) != NameSuggestion.key(there),
                                !findings[index].contains(where: {
                                    $0.kind == .township && NameSuggestion.key($0.name) == NameSuggestion.key(here)
                                }),
                                reported.insert("t\u{1F}" + key + "\u{1F}" + NameSuggestion.key(here)).inserted
                            {
                                findings[index].append(
                                    finding(
                                        occurrence,
                                        LocalizedText(
                                            zh:
                                                "“\(occurrence.name)”此处属于\(here)，\(other.label.zh)（\(earlier.location)）中属于\(there)。",
                                            en:
                                                "\(ProperName.mark(occurrence.name)) is in \(ProperName.mark(here)) here but in \(ProperName.mark(there)) in the \(lowercased(other.label.en)) (\(ProperName.mark(earlier.location.description)))."
                                        ), [there]))
                            }
                            continue
                        }
                        // Near spellings are compared only without a complete list (with one, a name it lacks
                        // is reported above), and only when neither file has the other's spelling too: two
                        // files that both name 第一小学 and 第二小学 name two schools.
                        guard reference == nil,
                            !source.occurrences.contains(where: {
                                $0.kind == occurrence.kind && NameSuggestion.key($0.name) == earlierKey
                            }),
                            !other.occurrences.contains(where: {
                                $0.kind == occurrence.kind && NameSuggestion.key($0.name) == key
                            }),
                            NameSuggestion.rank(
                                Array(key), Array(earlierKey), local: false, townships: occurrence.kind == .township)
                                != nil,
                            reported.insert(key + "\u{1F}" + earlierKey).inserted
                        else { continue }
                        findings[index].append(
                            finding(
                                occurrence,
                                LocalizedText(
                                    zh:
                                        "“\(occurrence.name)”与\(other.label.zh)中的“\(earlier.name)”（\(earlier.location)）写法不同，请统一。",
                                    en:
                                        "\(ProperName.mark(occurrence.name)) is written \(ProperName.mark(earlier.name)) in the \(lowercased(other.label.en)) (\(ProperName.mark(earlier.location.description))): make them one spelling."
                                ), [earlier.name]))
                    }
                }
            }
        }
        return findings
    }

    /// A file's label inside a sentence: `School roster` → `school roster`.
    static func lowercased(_ label: String) -> String {
        guard let first = label.first, first.isUppercase, label.dropFirst().first?.isLowercase == true else {
            return label
        }
        return first.lowercased() + label.dropFirst()
    }

    static func finding(_ occurrence: NameOccurrence, _ message: LocalizedText, _ near: [String]) -> NameFinding {
        NameFinding(
            problem: .disagreement, kind: occurrence.kind, name: occurrence.name, location: occurrence.location,
            rows: occurrence.rows, suggestions: near, message: message + NameFinding.rowsText(occurrence.rows))
    }

    static func suggestion(_ names: [String]) -> LocalizedText {
        guard !names.isEmpty else { return LocalizedText(verbatim: "") }
        return LocalizedText(
            zh: "是否为“" + names.joined(separator: "”或“") + "”？",
            en: "Did you mean " + names.map(ProperName.mark).joined(separator: " or ") + "?")
    }
}
