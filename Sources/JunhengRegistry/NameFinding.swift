public import JunhengCore

/// A name that does not agree with the registry (or, without one, with another file): where, what, the
/// nearest right names, and the message a data officer acts on.
public struct NameFinding: Sendable, Hashable {
    public enum Problem: String, Sendable, Hashable, Codable {
        /// A township the registry does not have.
        case unknownTownship = "unknown-township"
        /// A school the registry does not have.
        case unknownSchool = "unknown-school"
        /// A school the registry has in another township.
        case otherTownship = "other-township"
        /// A school name several townships have, given without a township.
        case ambiguous
        /// A 学校代码 the registry does not have.
        case unknownCode = "unknown-code"
        /// A 学校代码 the registry gives to another school.
        case codeMismatch = "code-mismatch"
        /// A school whose type disagrees with the registry's.
        case typeMismatch = "type-mismatch"
        /// Without a registry: a name another file writes differently.
        case disagreement
    }

    public var problem: Problem
    public var kind: NameOccurrence.Kind
    public var name: String
    public var location: SourceLocation
    /// Rows of the file that give the name.
    public var rows: Int
    /// The nearest right names (none when nothing is near).
    public var suggestions: [String]
    public var message: LocalizedText

    public init(
        problem: Problem, kind: NameOccurrence.Kind, name: String, location: SourceLocation, rows: Int,
        suggestions: [String], message: LocalizedText
    ) {
        self.problem = problem
        self.kind = kind
        self.name = name
        self.location = location
        self.rows = rows
        self.suggestions = suggestions
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`.
    public func line(_ language: Language) -> String {
        "\(location): " + message.text(language)
    }

    /// " 是否为“城关镇第一小学”？" / " Did you mean 城关镇第一小学?", or nothing.
    static func suggestion(_ names: [String]) -> LocalizedText {
        guard !names.isEmpty else {
            return LocalizedText(zh: "名录中没有相近的名称。", en: "The registry has no name close to it.")
        }
        return LocalizedText(
            zh: "是否为“" + names.joined(separator: "”或“") + "”？",
            en: "Did you mean " + names.map(ProperName.mark).joined(separator: " or ") + "?")
    }

    static func rowsText(_ rows: Int) -> LocalizedText {
        rows > 1 ? LocalizedText(zh: "（共 \(rows) 行）", en: " (\(rows) rows)") : LocalizedText(verbatim: "")
    }
}
