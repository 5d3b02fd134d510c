import Foundation
import JunhengCore
import Yams

/// Reads a questionnaire's YAML node tree into a ``Questionnaire``, checking every rule of
/// `surveys/README.md`; each mistake is a ``QuestionnaireError`` at the node's `FILE:LINE:COLUMN`, in both
/// languages. The questions themselves are read in `QuestionnaireReader+Question.swift`.
struct QuestionnaireReader {
    let file: String

    /// The error at `node`'s place.
    func fail(_ node: Node?, zh: String, en: String) -> QuestionnaireError {
        QuestionnaireError(
            file: file, line: node?.mark?.line, column: node?.mark?.column, LocalizedText(zh: zh, en: en))
    }

    // MARK: - Values

    func mapping(_ node: Node, _ what: LocalizedText, allowed: Set<String>) throws(QuestionnaireError) -> [String: Node]
    {
        guard let mapping = node.mapping else {
            throw fail(node, zh: "\(what.zh)应写成“键: 值”的映射。", en: "\(what.en) must be a mapping of `key: value` lines.")
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw fail(key, zh: "\(what.zh)中的键应为简单的词。", en: "keys in \(what.en) must be plain words.")
            }
            guard allowed.contains(name) else {
                let expected = allowed.sorted().joined(separator: ", ")
                throw fail(
                    key, zh: "\(what.zh)中有未知的键 `\(name)`；可用的键：\(expected)。",
                    en: "unknown key `\(name)` in \(what.en); expected one of: \(expected).")
            }
            result[name] = value
        }
        return result
    }

    func string(_ node: Node?, _ what: LocalizedText) throws(QuestionnaireError) -> String {
        guard let node, let scalar = node.scalar else {
            throw fail(node, zh: "\(what.zh)应为单个值。", en: "\(what.en) must be a single value.")
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw fail(node, zh: "\(what.zh)不能为空。", en: "\(what.en) must not be empty.") }
        return text
    }

    func required(_ map: [String: Node], _ key: String, in what: LocalizedText, at node: Node)
        throws(QuestionnaireError) -> Node
    {
        guard let value = map[key] else {
            throw fail(node, zh: "\(what.zh)缺少 `\(key):`。", en: "\(what.en) needs `\(key):`.")
        }
        return value
    }

    func bool(_ node: Node?, _ what: LocalizedText) throws(QuestionnaireError) -> Bool {
        guard let node else { return false }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "是": return true
        case "false", "no", "否": return false
        default: throw fail(node, zh: "\(what.zh)应为 true 或 false。", en: "\(what.en) must be true or false.")
        }
    }

    /// A whole number in `range`, read by the checked reader (``NumberCell``).
    func int(_ node: Node, _ what: LocalizedText, in range: ClosedRange<Int>) throws(QuestionnaireError) -> Int {
        switch NumberCell.integer(node.scalar?.string ?? "", in: range) {
        case .success(let value): return value
        case .failure(let failure):
            throw fail(
                node, zh: "\(what.zh)应为 \(range.lowerBound)～\(range.upperBound) 的整数：\(failure.message.zh)。",
                en: "\(what.en) must be a whole number from \(range.lowerBound) to \(range.upperBound): "
                    + "\(failure.message.en).")
        }
    }

    /// A finite number in `range`, read by the checked reader (``NumberCell``).
    func double(_ node: Node, _ what: LocalizedText, in range: ClosedRange<Double>? = nil) throws(QuestionnaireError)
        -> Double
    {
        switch NumberCell.decimal(node.scalar?.string ?? "", in: range) {
        case .success(let value): return value
        case .failure(let failure):
            throw fail(
                node, zh: "\(what.zh)应为数字：\(failure.message.zh)。",
                en: "\(what.en) must be a number: \(failure.message.en).")
        }
    }

    func strings(_ node: Node?, _ what: LocalizedText) throws(QuestionnaireError) -> [String] {
        guard let node else { return [] }
        if node.scalar != nil { return [try string(node, what)] }
        guard let sequence = node.sequence else {
            throw fail(node, zh: "\(what.zh)应为列表。", en: "\(what.en) must be a list.")
        }
        try checkSize(sequence.count, of: node, what)
        var result: [String] = []
        for element in sequence { result.append(try string(element, what)) }
        return result
    }

    func sequence(_ node: Node, _ what: LocalizedText) throws(QuestionnaireError) -> [Node] {
        guard let sequence = node.sequence else {
            throw fail(
                node, zh: "\(what.zh)应为列表（每行以 `- ` 开头）。", en: "\(what.en) must be a list (lines starting with `- `).")
        }
        try checkSize(sequence.count, of: node, what)
        return Array(sequence)
    }

    /// The most entries a list of a questionnaire may have (questions, options, rows, groups, aliases…):
    /// a real questionnaire has a few hundred questions at most, and a question a few dozen options.
    static let largestList = 2_000

    /// Refuses a list over ``largestList`` at its place, before any of it is checked (the checks are
    /// linear, but a file this large is a mistake, not a questionnaire).
    func checkSize(_ count: Int, of node: Node, _ what: LocalizedText) throws(QuestionnaireError) {
        guard count <= Self.largestList else {
            throw fail(
                node,
                zh: "\(what.zh)有 \(count) 项，超过 \(Self.largestList) 项：这不像一份问卷（可能把答卷或名单粘贴进来了）。请检查这个列表。",
                en:
                    "\(count) entries in \(what.en), more than \(Self.largestList): this is not a questionnaire (answers or a "
                    + "list may have been pasted in). Check this list.")
        }
    }

    /// `` `key` `` in both languages, for messages about one key.
    static func key(_ name: String) -> LocalizedText { LocalizedText(zh: "`\(name)` ", en: "`\(name)`") }

    // MARK: - Questionnaire

    static let questionnaireWhat = LocalizedText(zh: "问卷", en: "the questionnaire")

    mutating func questionnaire(_ root: Node) throws(QuestionnaireError) -> Questionnaire {
        let what = Self.questionnaireWhat
        let map = try mapping(
            root, what,
            allowed: [
                "id", "title", "title_en", "introduction", "introduction_en", "groups", "groups_en", "default_group",
                "settings", "scales", "dimensions", "questions",
            ])
        let id = try string(try required(map, "id", in: what, at: root), Self.key("id"))
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw fail(
                map["id"], zh: "`id` 只能用字母、数字、`-` 和 `_`（它写在 --survey 之后）。",
                en: "`id` must use only letters, digits, `-` and `_` (it is typed after --survey).")
        }
        let title = try string(try required(map, "title", in: what, at: root), Self.key("title"))
        let titleEN = try map["title_en"].map { node throws(QuestionnaireError) in
            try string(node, Self.key("title_en"))
        }
        let introduction = try map["introduction"].map { node throws(QuestionnaireError) in
            try string(node, Self.key("introduction"))
        }
        let introductionEN = try map["introduction_en"].map { node throws(QuestionnaireError) in
            try string(node, Self.key("introduction_en"))
        }
        let groups = try strings(try required(map, "groups", in: what, at: root), Self.key("groups"))
        guard !groups.isEmpty else {
            throw fail(
                map["groups"], zh: "`groups` 至少要列出一类调查对象。", en: "`groups` must list at least one respondent group.")
        }
        guard Set(groups).count == groups.count else {
            throw fail(map["groups"], zh: "`groups` 中有重复的调查对象。", en: "`groups` lists a group twice.")
        }
        var groupsEN: [String: String] = [:]
        if let node = map["groups_en"] {
            guard let pairs = node.mapping else {
                throw fail(
                    node, zh: "`groups_en` 应把每类调查对象映射到英文名，如 `家长: Parents`。",
                    en: "`groups_en` must map each group to its English name, e.g. `家长: Parents`.")
            }
            for (key, value) in pairs {
                let group = try string(key, Self.key("groups_en"))
                guard groups.contains(group) else {
                    throw fail(
                        key, zh: "`groups_en` 中的 \(group) 不在 `groups` 中。",
                        en: "\(group) under `groups_en` is not one of `groups`.")
                }
                groupsEN[group] = try string(value, Self.key("groups_en"))
            }
        }
        let defaultGroup = try map["default_group"].map { node throws(QuestionnaireError) in
            try string(node, Self.key("default_group"))
        }
        if let defaultGroup, !groups.contains(defaultGroup) {
            throw fail(
                map["default_group"], zh: "`default_group` 的 \(defaultGroup) 不在 `groups` 中。",
                en: "`default_group` \(defaultGroup) is not one of `groups`.")
        }
        let settings =
            try map["settings"].map { node throws(QuestionnaireError) in try self.settings(node) }
            ?? SurveySettings()

        var scales: [String: [ParsedOption]] = [:]
        if let node = map["scales"] {
            guard let scaleMap = node.mapping else {
                throw fail(node, zh: "`scales` 应把量表名映射到它的选项。", en: "`scales` must map a scale name to its options.")
            }
            for (key, value) in scaleMap {
                let name = try string(key, LocalizedText(zh: "量表名", en: "a scale name"))
                scales[name] = try options(value, LocalizedText(zh: "量表 \(name)", en: "scale \(name)"))
            }
        }

        var dimensions: [SurveyDimension] = []
        var dimensionIDs: Set<String> = []
        if let node = map["dimensions"] {
            let dimensionWhat = LocalizedText(zh: "维度", en: "a dimension")
            for element in try sequence(node, Self.key("dimensions")) {
                let dim = try mapping(element, dimensionWhat, allowed: ["id", "name", "name_en"])
                let dimID = try string(
                    try required(dim, "id", in: dimensionWhat, at: element), Self.key("id"))
                let name = try string(try required(dim, "name", in: dimensionWhat, at: element), Self.key("name"))
                let nameEN = try dim["name_en"].map { node throws(QuestionnaireError) in
                    try string(node, Self.key("name_en"))
                }
                guard dimensionIDs.insert(dimID).inserted else {
                    throw fail(
                        element, zh: "维度编号 `\(dimID)` 用了两次。", en: "the dimension id `\(dimID)` is used twice.")
                }
                dimensions.append(
                    SurveyDimension(id: dimID, name: LocalizedText(zh: name, en: nameEN ?? ProperName.mark(name))))
            }
        }

        var questions: [Question] = []
        // The questions seen, by id, number and (for the roles only one question may have) role: each check
        // is a lookup, not a walk over the questions before.
        var byID: [String: Question] = [:]
        var byNumber: [Int: Question] = [:]
        var byRole: [QuestionRole: Question] = [:]
        let questionNodes = try sequence(try required(map, "questions", in: what, at: root), Self.key("questions"))
        for node in questionNodes {
            let question = try self.question(node, scales: scales, groups: groups, dimensions: dimensions)
            if let other = byID[question.id] {
                throw fail(
                    node, zh: "题目编号 `\(question.id)` 已在第 \(other.line) 行用过。",
                    en: "the question id `\(question.id)` is already used on line \(other.line).")
            }
            if let other = byNumber[question.number] {
                throw fail(
                    node, zh: "题号 \(question.number) 已被第 \(other.line) 行的 `\(other.id)` 使用。",
                    en: "question number \(question.number) is already used by `\(other.id)` on line \(other.line).")
            }
            if question.role != .scored, question.role != .info, let other = byRole[question.role] {
                throw fail(
                    node, zh: "只能有一道题是 `role: \(question.role.rawValue)`；`\(other.id)` 已经是。",
                    en: "only one question may have `role: \(question.role.rawValue)`; `\(other.id)` already has it.")
            }
            byID[question.id] = question
            byNumber[question.number] = question
            if byRole[question.role] == nil { byRole[question.role] = question }
            questions.append(question)
        }
        // A questionnaire without scored questions is allowed: `junheng frequencies` counts its questions,
        // and `junheng satisfaction` refuses it (there is nothing to rate; SatisfactionRequest).
        var implicitGroup = defaultGroup
        if !questions.contains(where: { $0.role == .group }), defaultGroup == nil {
            guard groups.count == 1 else {
                throw fail(
                    root, zh: "没有 `role: group` 的身份题，也没有 `default_group`，请说明答卷人如何分组。",
                    en:
                        "no question has `role: group` and there is no `default_group`; say how respondents are grouped."
                )
            }
            implicitGroup = groups[0]
        }
        var questionnaire = Questionnaire(
            id: id, title: LocalizedText(zh: title, en: titleEN ?? ProperName.mark(title)), introduction: introduction,
            groups: groups, defaultGroup: implicitGroup, settings: settings, dimensions: dimensions,
            questions: questions, source: file)
        questionnaire.introductionEn = introductionEN
        questionnaire.groupsEn = groupsEN
        return questionnaire
    }

    // MARK: - Settings

    /// The longest `min_seconds` that makes sense: a day.
    static let longestMinimumSeconds = 86_400

    func settings(_ node: Node) throws(QuestionnaireError) -> SurveySettings {
        let map = try mapping(
            node, Self.key("settings"), allowed: ["min_seconds", "min_n", "threshold", "sample_share", "parent_share"])
        var settings = SurveySettings()
        if let value = map["min_seconds"] {
            if value.scalar?.string.lowercased() == "off" || value.scalar?.string == "null" {
                settings.minSeconds = nil
            } else {
                settings.minSeconds = try int(value, Self.key("min_seconds"), in: 0...Self.longestMinimumSeconds)
            }
        }
        if let value = map["min_n"] {
            settings.minN = try int(value, Self.key("min_n"), in: 0...1_000_000_000)
        }
        for (key, path) in [
            ("threshold", \SurveySettings.threshold), ("sample_share", \.sampleShare), ("parent_share", \.parentShare),
        ] {
            guard let value = map[key] else { continue }
            let number = try double(value, Self.key(key))
            guard number > 0, number <= 1 else {
                throw fail(
                    value, zh: "`\(key)` 应为 0 到 1 之间的比例（如 85% 写作 0.85）。",
                    en: "`\(key)` must be a share between 0 and 1 (e.g. 0.85 for 85 %).")
            }
            settings[keyPath: path] = number
        }
        return settings
    }
}
