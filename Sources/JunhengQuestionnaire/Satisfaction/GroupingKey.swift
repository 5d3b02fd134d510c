public import JunhengCore

/// What satisfaction cells are grouped by (`--by`); two keys nest (e.g. township then group).
public enum GroupingKey: String, Sendable, Hashable, Codable, CaseIterable {
    /// 调查对象: the respondent group (家长, 教师, …).
    case group
    case township
    case school
    case grade
    /// One scored item (a question, or a row of a matrix).
    case item
    case dimension

    public var label: LocalizedText {
        switch self {
        case .group: LocalizedText(zh: "调查对象", en: "Respondent group")
        case .township: LocalizedText(zh: "乡镇（街道）", en: "Township")
        case .school: LocalizedText(zh: "学校", en: "School")
        case .grade: LocalizedText(zh: "年级", en: "Grade")
        case .item: LocalizedText(zh: "题目", en: "Item")
        case .dimension: LocalizedText(zh: "维度", en: "Dimension")
        }
    }

    /// What `--by` means when it is not given: township if the questionnaire asks for it, else group.
    public static func defaultKeys(for survey: Questionnaire) -> [GroupingKey] {
        survey.question(role: .township) != nil ? [.township] : [.group]
    }

    /// Parses `township`, `township,group` or `township/group`.
    public static func parseList(_ text: String) -> [GroupingKey]? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == "+" }).map { String($0) }
        let keys = parts.compactMap { GroupingKey(rawValue: HandTypedText.cell($0).lowercased()) }
        guard keys.count == parts.count, !keys.isEmpty, keys.count <= 2, Set(keys).count == keys.count else {
            return nil
        }
        return keys
    }

    /// The value shown for a respondent who did not answer the grouping question.
    static let missing = "(未填)"
    /// The group of a respondent outside the questionnaire's groups (only with `--keep-all`).
    static let outside = "(组外)"
    /// The dimension of an item that declares none.
    static let noDimension = "(无)"

    /// How a table shows the key values above (they stay as they are in keys, JSON `key` and the history
    /// store); nil for any other value.
    static func sentinelLabel(_ value: String) -> LocalizedText? {
        switch value {
        case missing: LocalizedText(zh: missing, en: "(not given)")
        case outside: LocalizedText(zh: outside, en: "(outside the groups)")
        case noDimension: LocalizedText(zh: noDimension, en: "(none)")
        default: nil
        }
    }
}
