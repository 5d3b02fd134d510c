/// The answers of one response, checked against its questionnaire: form field name → values.
///
/// Field names are those of the form (``FormRules``): the question id, `qid.rowid` for a matrix row,
/// `qid.other` for the typed "other" text. Values are option texts (one for a single choice, a scale or
/// a matrix row; the ticked ones in the questionnaire's order for a multiple choice) or the typed text.
/// A question left blank has no entry.
public struct CollectedAnswers: Sendable, Hashable, Codable {
    public var values: [String: [String]]

    public init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    public subscript(field: String) -> [String] {
        get { values[field] ?? [] }
        set { values[field] = newValue.isEmpty ? nil : newValue }
    }
}
