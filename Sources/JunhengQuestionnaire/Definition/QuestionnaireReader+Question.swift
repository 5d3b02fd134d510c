import JunhengCore
import Yams

/// One question and its options, with the rules each type and role must follow (`surveys/README.md`).
extension QuestionnaireReader {
    /// The largest `score` an option may have (问卷星's scores are small whole numbers).
    static let largestScore = 1_000_000.0

    /// An option as read, with the nodes later checks point at.
    struct ParsedOption {
        var option: QuestionOption
        var node: Node
        /// The `positive:` or `excluded:` key, when the option has either set.
        var flagKey: Node?
        /// The `number:` value, when given.
        var numberNode: Node?
    }

    /// The largest `number:` an option may have.
    static let largestOptionNumber = 1_000

    func options(_ node: Node, _ what: LocalizedText) throws(QuestionnaireError) -> [ParsedOption] {
        var result: [ParsedOption] = []
        // The texts seen: a duplicate is found by a lookup (a walk over the options before made 20,000
        // options take 19 s).
        var texts: Set<String> = []
        let optionWhat = LocalizedText(zh: "选项", en: "an option")
        for element in try sequence(node, LocalizedText(zh: "\(what.zh)的选项", en: "the options of \(what.en)")) {
            var option: QuestionOption
            var flagKey: Node?
            var numberNode: Node?
            if element.scalar != nil {
                option = QuestionOption(text: try string(element, optionWhat))
            } else {
                let map = try mapping(
                    element, LocalizedText(zh: "\(what.zh)的选项", en: "an option of \(what.en)"),
                    allowed: [
                        "text", "text_en", "positive", "excluded", "score", "group", "outside", "aliases", "number",
                    ])
                option = QuestionOption(
                    text: try string(
                        try required(map, "text", in: optionWhat, at: element),
                        LocalizedText(zh: "选项的 `text` ", en: "an option `text`")))
                if let english = map["text_en"] { option.textEn = try string(english, Self.key("text_en")) }
                option.positive = try bool(map["positive"], Self.key("positive"))
                option.excluded = try bool(map["excluded"], Self.key("excluded"))
                option.outside = try bool(map["outside"], Self.key("outside"))
                if let score = map["score"] {
                    option.score = try double(score, Self.key("score"), in: -Self.largestScore...Self.largestScore)
                }
                if let group = map["group"] { option.group = try string(group, Self.key("group")) }
                option.aliases = try strings(map["aliases"], Self.key("aliases"))
                if let number = map["number"] {
                    option.number = try int(number, Self.key("number"), in: 1...Self.largestOptionNumber)
                    numberNode = number
                }
                if option.positive || option.excluded {
                    let flag = option.positive ? "positive" : "excluded"
                    flagKey = element.mapping?.first { $0.key.scalar?.string == flag }?.key
                }
                if option.positive, option.excluded {
                    throw fail(
                        element, zh: "选项“\(option.text)”不能同时是 `positive` 和 `excluded`。",
                        en: "option \(option.text) cannot be both `positive` and `excluded`.")
                }
            }
            guard texts.insert(option.text).inserted else {
                throw fail(
                    element, zh: "选项“\(option.text)”在\(what.zh)中出现了两次。",
                    en: "the option \(option.text) appears twice in \(what.en).")
            }
            result.append(ParsedOption(option: option, node: element, flagKey: flagKey, numberNode: numberNode))
        }
        guard !result.isEmpty else {
            throw fail(node, zh: "\(what.zh)至少需要一个选项。", en: "\(what.en) needs at least one option.")
        }
        // Each option's number in an 按选项序号 download must be its own.
        let numbers = Question(id: "", number: 1, text: "", type: .single, options: result.map(\.option)).optionNumbers
        var firstWithNumber: [Int: Int] = [:]
        for index in result.indices {
            if let earlier = firstWithNumber[numbers[index]] {
                throw fail(
                    result[index].numberNode ?? result[index].node,
                    zh: "选项“\(result[index].option.text)”的序号 \(numbers[index]) 与“\(result[earlier].option.text)”相同；"
                        + "按选项序号下载时每个选项的序号必须不同。",
                    en:
                        "option \(result[index].option.text) has number \(numbers[index]), as \(result[earlier].option.text) "
                        + "does; in an option-number download every option needs its own number.")
            }
            firstWithNumber[numbers[index]] = index
        }
        return result
    }

    // MARK: - Question

    func question(
        _ node: Node, scales: [String: [ParsedOption]], groups: [String], dimensions: [SurveyDimension]
    ) throws(QuestionnaireError) -> Question {
        let questionWhat = LocalizedText(zh: "题目", en: "a question")
        let map = try mapping(
            node, questionWhat,
            allowed: ["id", "number", "text", "text_en", "type", "role", "options", "scale", "rows", "dimension"])
        let id = try string(
            try required(map, "id", in: questionWhat, at: node), LocalizedText(zh: "题目的 `id` ", en: "a question `id`"))
        guard !id.contains("."), !id.contains("="), !id.contains(",") else {
            throw fail(
                map["id"], zh: "题目编号不能含 `.`、`=` 或 `,`。", en: "a question id must not contain `.`, `=` or `,`.")
        }
        let what = LocalizedText(zh: "题目 `\(id)` ", en: "question `\(id)`")
        let number = try int(
            try required(map, "number", in: what, at: node), Self.key("number"), in: 1...WjxHeader.largestQuestionNumber
        )
        let text = try string(try required(map, "text", in: what, at: node), Self.key("text"))
        let typeNode = try required(map, "type", in: what, at: node)
        let types = QuestionType.allCases.map(\.rawValue).joined(separator: ", ")
        guard let type = QuestionType(rawValue: try string(typeNode, Self.key("type"))) else {
            throw fail(typeNode, zh: "`type` 应为以下之一：\(types)。", en: "`type` must be one of: \(types).")
        }
        var role: QuestionRole = (type == .scale || type == .matrix) ? .scored : .info
        if let roleNode = map["role"] {
            let roles = QuestionRole.allCases.map(\.rawValue).joined(separator: ", ")
            guard let value = QuestionRole(rawValue: try string(roleNode, Self.key("role"))) else {
                throw fail(roleNode, zh: "`role` 应为以下之一：\(roles)。", en: "`role` must be one of: \(roles).")
            }
            role = value
        }
        var parsed: [ParsedOption] = []
        if let scaleNode = map["scale"] {
            guard map["options"] == nil else {
                throw fail(
                    scaleNode, zh: "`scale:` 与 `options:` 只能写一个。", en: "give either `scale:` or `options:`, not both.")
            }
            let name = try string(scaleNode, Self.key("scale"))
            guard let scale = scales[name] else {
                throw fail(
                    scaleNode, zh: "`scales:` 下没有名为 \(name) 的量表。", en: "no scale named \(name) under `scales:`.")
            }
            parsed = scale
        } else if let optionNode = map["options"] {
            parsed = try self.options(optionNode, what)
        }
        let options = parsed.map(\.option)
        var rows: [MatrixRow] = []
        var dimension: String?
        if let dimNode = map["dimension"] {
            let name = try string(dimNode, Self.key("dimension"))
            guard dimensions.contains(where: { $0.id == name }) else {
                throw fail(
                    dimNode, zh: "`dimensions:` 下没有维度 `\(name)`。", en: "no dimension `\(name)` under `dimensions:`.")
            }
            dimension = name
        }
        if let rowsNode = map["rows"] {
            guard type == .matrix else {
                throw fail(rowsNode, zh: "只有 `matrix` 题有 `rows`。", en: "only a `matrix` question has `rows`.")
            }
            rows = try matrixRows(rowsNode, what: what, dimensions: dimensions)
        }
        let line = node.mark?.line ?? 0
        try checkType(type, role: role, options: options, rows: rows, node: node, map: map)
        try checkRole(role, type: type, options: options, groups: groups, what: what, node: node, map: map)
        if role != .scored { try checkUnscored(parsed, role: role, what: what, map: map) }
        var question = Question(
            id: id, number: number, text: text, type: type, role: role, options: options, rows: rows,
            dimension: dimension, line: line)
        if let english = map["text_en"] { question.textEn = try string(english, Self.key("text_en")) }
        return question
    }

    func matrixRows(_ node: Node, what: LocalizedText, dimensions: [SurveyDimension]) throws(QuestionnaireError)
        -> [MatrixRow]
    {
        var rows: [MatrixRow] = []
        var rowIDs: Set<String> = []
        let rowWhat = LocalizedText(zh: "矩阵行", en: "a matrix row")
        for element in try sequence(node, Self.key("rows")) {
            let rowMap = try mapping(element, rowWhat, allowed: ["id", "text", "text_en", "dimension"])
            let rowID = try string(
                try required(rowMap, "id", in: rowWhat, at: element), LocalizedText(zh: "行的 `id` ", en: "a row `id`"))
            let rowText = try string(
                try required(rowMap, "text", in: rowWhat, at: element),
                LocalizedText(zh: "行的 `text` ", en: "a row `text`"))
            var rowDimension: String?
            if let dimNode = rowMap["dimension"] {
                let name = try string(dimNode, Self.key("dimension"))
                guard dimensions.contains(where: { $0.id == name }) else {
                    throw fail(
                        dimNode, zh: "`dimensions:` 下没有维度 `\(name)`。", en: "no dimension `\(name)` under `dimensions:`."
                    )
                }
                rowDimension = name
            }
            guard rowIDs.insert(rowID).inserted else {
                throw fail(
                    element, zh: "行编号 `\(rowID)` 在\(what.zh)中用了两次。",
                    en: "the row id `\(rowID)` is used twice in \(what.en).")
            }
            let rowEN = try rowMap["text_en"].map { node throws(QuestionnaireError) in
                try string(node, Self.key("text_en"))
            }
            rows.append(MatrixRow(id: rowID, text: rowText, textEn: rowEN, dimension: rowDimension))
        }
        return rows
    }

    /// What each type needs.
    func checkType(
        _ type: QuestionType, role: QuestionRole, options: [QuestionOption], rows: [MatrixRow], node: Node,
        map: [String: Node]
    ) throws(QuestionnaireError) {
        switch type {
        case .text:
            guard options.isEmpty else {
                throw fail(node, zh: "`text`（填空）题没有选项。", en: "a `text` question has no options.")
            }
            guard role == .info || role == .township || role == .school else {
                throw fail(
                    map["role"], zh: "填空题的 role 只能是 township、school 或 info。",
                    en: "a free-text question can only have role township, school or info.")
            }
        case .matrix:
            guard !rows.isEmpty else {
                throw fail(node, zh: "`matrix` 题需要 `rows:`。", en: "a `matrix` question needs `rows:`.")
            }
            guard !options.isEmpty else {
                throw fail(
                    node, zh: "`matrix` 题需要 `options:` 或 `scale:`。",
                    en: "a `matrix` question needs `options:` or `scale:`.")
            }
        case .single, .scale, .multiple:
            guard !options.isEmpty else {
                throw fail(
                    node, zh: "`\(type.rawValue)` 题需要 `options:` 或 `scale:`。",
                    en: "a `\(type.rawValue)` question needs `options:` or `scale:`.")
            }
        }
    }

    /// `positive:` or `excluded:` on a question that is not scored would silently count for nothing: an
    /// error at the option's key (options written in the question), or at `scale:` when the question takes
    /// a scale and does not say its role (a `single` question with `scale: 满意度` defaults to `info`). A
    /// question that says `role: info` (or another role) and takes a shared scale is asked and not rated,
    /// as written.
    func checkUnscored(_ parsed: [ParsedOption], role: QuestionRole, what: LocalizedText, map: [String: Node])
        throws(QuestionnaireError)
    {
        let roleText = map["role"] == nil ? "未写 role，默认为 \(role.rawValue)" : "role: \(role.rawValue)"
        let roleTextEN = map["role"] == nil ? "\(role.rawValue) by default" : role.rawValue
        if let scaleNode = map["scale"] {
            guard map["role"] == nil, let option = parsed.first(where: { $0.option.positive || $0.option.excluded })
            else { return }
            throw fail(
                scaleNode,
                zh: "\(what.zh)用了量表，其选项“\(option.option.text)”标为 positive/excluded，但该题不计分（\(roleText)），"
                    + "这些标记不会计入满意度。若要计入，请在该题加上 `role: scored`；若只问不计，请写明 `role: info`。",
                en: "\(what.en) takes a scale whose option \(option.option.text) is marked positive/excluded, but the "
                    + "question is not scored (role: \(roleTextEN)), so the marks would count for nothing. To rate it, "
                    + "add `role: scored` to the question; to ask it without rating it, write `role: info`.")
        }
        guard let option = parsed.first(where: { $0.flagKey != nil }) else { return }
        let flag = option.option.positive ? "positive" : "excluded"
        throw fail(
            option.flagKey,
            zh: "选项“\(option.option.text)”标为 `\(flag)`，但\(what.zh)不计分（\(roleText)），这个标记不会计入满意度。"
                + "若要计入，请在该题加上 `role: scored`；否则删去 `\(flag)`。",
            en: "option \(option.option.text) is marked `\(flag)`, but \(what.en) is not scored (role: \(roleTextEN)), "
                + "so the mark would count for nothing. To rate the question, add `role: scored` to it; otherwise "
                + "remove `\(flag)`.")
    }

    /// What each role needs.
    func checkRole(
        _ role: QuestionRole, type: QuestionType, options: [QuestionOption], groups: [String], what: LocalizedText,
        node: Node, map: [String: Node]
    ) throws(QuestionnaireError) {
        switch role {
        case .scored:
            guard type == .single || type == .scale || type == .matrix else {
                throw fail(
                    map["role"] ?? node, zh: "只有 single、scale 和 matrix 题可以计分。",
                    en: "only single, scale and matrix questions can be scored.")
            }
            guard options.contains(where: \.positive) else {
                throw fail(
                    node, zh: "计分的\(what.zh)没有 `positive: true` 的选项，请说明哪些回答算满意。",
                    en: "scored \(what.en) has no option with `positive: true`; say which answers count as satisfied.")
            }
            let scores = options.compactMap(\.score)
            guard Set(scores).count == scores.count else {
                throw fail(
                    node, zh: "\(what.zh)有两个选项的 `score` 相同；各选项的分数必须不同。",
                    en: "two options of \(what.en) have the same `score`; scores must tell options apart.")
            }
        case .group:
            guard type == .single else {
                throw fail(
                    map["role"], zh: "身份题（role group）必须是 `single`。",
                    en: "the identity question (role group) must be `single`.")
            }
            let known = Set(groups)
            for option in options {
                if let group = option.group {
                    guard known.contains(group) else {
                        throw fail(
                            node, zh: "选项“\(option.text)”的调查对象 \(group) 不在 `groups` 中。",
                            en: "option \(option.text) names group \(group), which is not in `groups`.")
                    }
                } else if !option.outside {
                    throw fail(
                        node, zh: "身份题的选项“\(option.text)”需要 `group:`（或 `outside: true`）。",
                        en: "option \(option.text) of the identity question needs `group:` (or `outside: true`).")
                }
            }
        case .township, .school:
            guard type == .single || type == .text else {
                throw fail(
                    map["role"], zh: "\(role.rawValue) 题必须是 `single` 或 `text`。",
                    en: "a \(role.rawValue) question must be `single` or `text`.")
            }
        case .grade:
            guard type == .single else {
                throw fail(map["role"], zh: "年级题必须是 `single`。", en: "the grade question must be `single`.")
            }
        case .info:
            break
        }
        if role != .group, let option = options.first(where: { $0.group != nil }) {
            throw fail(
                node, zh: "选项“\(option.text)”写了 `group:`，但只有身份题（role group）可以写。",
                en: "option \(option.text) has `group:`, but only the identity question (role group) may.")
        }
    }
}
