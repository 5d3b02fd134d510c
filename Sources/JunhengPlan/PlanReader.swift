import JunhengCore
import Yams

/// Walks a plan's YAML node tree and builds the ``CountyPlan``, failing at the first mistake with the
/// node's line and column (see ``PlanLoader``).
///
/// Each level (plan, stage, area, indicator, requirement, part) is one method, in the order of
/// plan/README.md; requirements and their parts are read in `PlanReader+Requirement.swift`.
struct PlanReader {
    let file: String
    /// Which part computes what, to refuse a computation used twice.
    var computed: [PlanComputation: String] = [:]
    /// The threshold value of each shared setting and the part that set it.
    var shared: [String: (value: Double, code: String)] = [:]

    init(file: String) {
        self.file = file
    }

    // MARK: - Nodes

    func fail(_ node: Node?, zh: String, en: String) -> PlanError {
        PlanError(
            location: SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column),
            message: LocalizedText(zh: zh, en: en))
    }

    func mapping(_ node: Node, _ what: LocalizedText, allowed: [String]) throws(PlanError) -> [String: Node] {
        guard let mapping = node.mapping else {
            throw fail(node, zh: "\(what.zh)应为“键: 值”的映射。", en: "\(what.en) must be a mapping of `key: value` lines.")
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw fail(key, zh: "\(what.zh)的键应为普通文字。", en: "The keys of \(what.en) must be plain words.")
            }
            guard allowed.contains(name) else {
                let list = allowed.joined(separator: ", ")
                throw fail(
                    key, zh: "\(what.zh)中有未知的键 `\(name)`；可用的键：\(list)。",
                    en: "Unknown key `\(name)` in \(what.en); expected one of: \(list).")
            }
            result[name] = value
        }
        return result
    }

    func required(_ map: [String: Node], _ key: String, in what: LocalizedText, at node: Node) throws(PlanError) -> Node
    {
        guard let value = map[key] else {
            throw fail(node, zh: "\(what.zh)缺少 `\(key):`。", en: "\(what.en) needs `\(key):`.")
        }
        return value
    }

    func string(_ node: Node?, _ what: String) throws(PlanError) -> String {
        guard let node, let scalar = node.scalar else {
            throw fail(node, zh: "`\(what)` 应为一个值。", en: "`\(what)` must be a single value.")
        }
        let text = Self.trimmed(scalar.string)
        guard !text.isEmpty else {
            throw fail(node, zh: "`\(what)` 不能为空。", en: "`\(what)` must not be empty.")
        }
        return text
    }

    /// The text without spaces or line breaks at either end; nothing inside is changed (the plan's
    /// full-width punctuation stays as the county wrote it).
    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...text.lastIndex(where: { !isSpace($0) })!])
    }

    func optionalString(_ map: [String: Node], _ key: String) throws(PlanError) -> String? {
        guard let node = map[key] else { return nil }
        return try string(node, key)
    }

    func sequence(_ node: Node, _ what: String) throws(PlanError) -> [Node] {
        guard let sequence = node.sequence else {
            throw fail(
                node, zh: "`\(what)` 应为列表（以 `- ` 开头的行）。", en: "`\(what)` must be a list (lines starting with `- `).")
        }
        return Array(sequence)
    }

    /// A number as a person writes it (``PlanNumber``): no exponent, no infinity, no percentage.
    func number(_ node: Node, _ what: String) throws(PlanError) -> Double {
        guard let text = node.scalar?.string else {
            throw fail(node, zh: "`\(what)` 应为数字。", en: "`\(what)` must be a number.")
        }
        switch PlanNumber.read(whole: text) {
        case .success(let number) where !number.isPercent: return number.value
        case .success:
            throw fail(node, zh: "`\(what)` 应为数字，不是百分比。", en: "`\(what)` must be a number, not a percentage.")
        case .failure(.missing), .failure(.malformed):
            throw fail(node, zh: "`\(what)` 应为数字。", en: "`\(what)` must be a number.")
        case .failure(let problem):
            throw fail(node, at: problem.offset, trimmed: false, problem.message(what, written: text))
        }
    }

    /// A failure at character (Unicode scalar) `offset` of `node`'s scalar, or of its ``trimmed(_:)`` text
    /// when `trimmed`: its column when the scalar is written on one line (after its opening quote, when
    /// quoted; libyaml counts columns in Unicode scalars too), else the node's own place.
    func fail(_ node: Node, at offset: Int, trimmed: Bool, _ message: LocalizedText) -> PlanError {
        var column = node.mark?.column
        if let mark = node.mark, let scalar = node.scalar, !scalar.string.contains("\n") {
            let skipped = trimmed ? scalar.string.unicodeScalars.prefix { $0.properties.isWhitespace }.count : 0
            switch scalar.style {
            case .plain: column = mark.column + skipped + offset
            case .singleQuoted, .doubleQuoted: column = mark.column + 1 + skipped + offset
            default: break
            }
        }
        return PlanError(location: SourceLocation(file: file, line: node.mark?.line, column: column), message: message)
    }

    func code(_ map: [String: Node], prefix: String, in what: LocalizedText, at node: Node) throws(PlanError) -> String
    {
        let codeNode = try required(map, "code", in: what, at: node)
        let code = try string(codeNode, "code").uppercased()
        guard code.hasPrefix(prefix), code.count > 1, code.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw fail(
                codeNode, zh: "`code` 应为 \(prefix) 加数字（如 \(prefix)1），实为“\(code)”。",
                en: "`code` must be \(prefix) and a number (like \(prefix)1), not \"\(code)\".")
        }
        return code
    }

    func localized(_ map: [String: Node], _ key: String, in what: LocalizedText, at node: Node) throws(PlanError)
        -> LocalizedText
    {
        let zh = try string(try required(map, key, in: what, at: node), key)
        return try localized(map, key, zh: zh)
    }

    /// `key` and `key_en` when the plan gives `key`, else `nil`.
    func optionalLocalized(_ map: [String: Node], _ key: String) throws(PlanError) -> LocalizedText? {
        guard let zh = try optionalString(map, key) else { return nil }
        return try localized(map, key, zh: zh)
    }

    /// The Chinese text `zh` of `key` with its English text `key_en`. Without one, the plan's own words are
    /// quoted as written (a name, in English); Chinese the English text keeps (a document number) is a name.
    func localized(_ map: [String: Node], _ key: String, zh: String) throws(PlanError) -> LocalizedText {
        let en = try optionalString(map, key + "_en")
        return LocalizedText(zh: zh, en: en.map(ProperName.markRuns) ?? ProperName.mark(zh))
    }

    func units(_ node: Node?) throws(PlanError) -> [String]? {
        guard let node else { return nil }
        let list = node.scalar != nil ? [node] : try sequence(node, "units")
        var units: [String] = []
        for element in list {
            let unit = try string(element, "units")
            guard !units.contains(unit) else {
                throw fail(element, zh: "责任单位“\(unit)”列了两次。", en: "The unit \(unit) is listed twice.")
            }
            units.append(unit)
        }
        guard !units.isEmpty else {
            throw fail(node, zh: "`units` 至少列一个责任单位。", en: "`units` must list at least one unit.")
        }
        return units
    }

    // MARK: - Plan

    mutating func plan(_ root: Node) throws(PlanError) -> CountyPlan {
        let what = LocalizedText(zh: "方案", en: "the plan")
        let map = try mapping(root, what, allowed: Self.headerKeys + Self.englishKeys + ["timeline", "areas"])
        let id = try string(try required(map, "id", in: what, at: root), "id")
        let title = try localized(map, "title", in: what, at: root)
        let source = try optionalString(map, "source")
        let county = try map["county"] == nil ? nil : localized(map, "county", in: what, at: root)
        let issuer = try map["issuer"] == nil ? nil : localized(map, "issuer", in: what, at: root)
        let document = try optionalString(map, "document")
        let accountability = try map["accountability"].map { node throws(PlanError) in try self.accountability(node) }
        let acceptance = try map["acceptance"].map { node throws(PlanError) in try self.acceptance(node) }

        var timeline: [PlanStage] = []
        let timelineNode = try required(map, "timeline", in: what, at: root)
        for node in try sequence(timelineNode, "timeline") {
            let stage = try self.stage(node)
            if let last = timeline.last, stage.deadline <= last.deadline {
                throw fail(
                    node, zh: "时间节点应按日期先后排列：\(stage.deadline) 不晚于上一阶段的 \(last.deadline)。",
                    en: "The timeline must be in date order: \(stage.deadline) is not after \(last.deadline).")
            }
            timeline.append(stage)
        }
        guard !timeline.isEmpty else {
            throw fail(timelineNode, zh: "`timeline` 至少要有一个阶段。", en: "`timeline` needs at least one stage.")
        }

        var areas: [PlanArea] = []
        var codes: [String: Int] = [:]
        let areasNode = try required(map, "areas", in: what, at: root)
        for node in try sequence(areasNode, "areas") {
            areas.append(try area(node, codes: &codes))
        }
        guard areas.contains(where: { !$0.indicators.isEmpty }) else {
            throw fail(areasNode, zh: "方案中没有任何指标。", en: "The plan has no indicators.")
        }
        var plan = CountyPlan(
            id: id, title: title, source: source, county: county, issuer: issuer, document: document,
            accountability: accountability, acceptance: acceptance, timeline: timeline, areas: areas, file: file)
        plan.unitNamesEn = try unitNames(map["units_en"])
        return plan
    }

    func stage(_ node: Node) throws(PlanError) -> PlanStage {
        let what = LocalizedText(zh: "时间节点", en: "a stage")
        let map = try mapping(node, what, allowed: ["stage", "stage_en", "by", "task", "task_en", "due"])
        let name = try localized(map, "stage", in: what, at: node)
        let byNode = try required(map, "by", in: what, at: node)
        let text = try string(byNode, "by")
        guard let date = PlanDate(text) else {
            throw fail(
                byNode, zh: "`by` 应为日期，写作 2024-06-15（实为“\(text)”）。",
                en: "`by` must be a date written 2024-06-15 (got \"\(text)\").")
        }
        return PlanStage(
            name: name, deadline: date, task: try optionalLocalized(map, "task"),
            due: try map["due"].map { node throws(PlanError) in try due(node) } ?? [])
    }

    mutating func area(_ node: Node, codes: inout [String: Int]) throws(PlanError) -> PlanArea {
        let what = LocalizedText(zh: "一级指标", en: "an area")
        let map = try mapping(node, what, allowed: ["code", "name", "name_en", "indicators"])
        let code = try self.code(map, prefix: "A", in: what, at: node)
        try unique(code, node: map["code"], codes: &codes)
        let name = try localized(map, "name", in: what, at: node)
        var indicators: [PlanIndicator] = []
        for element in try sequence(try required(map, "indicators", in: what, at: node), "indicators") {
            indicators.append(try indicator(element, area: code, codes: &codes))
        }
        return PlanArea(code: code, name: name, indicators: indicators)
    }

    func unique(_ code: String, node: Node?, codes: inout [String: Int]) throws(PlanError) {
        if let line = codes[code] {
            throw fail(node, zh: "代码 \(code) 已在第 \(line) 行用过。", en: "The code \(code) is already used on line \(line).")
        }
        codes[code] = node?.mark?.line ?? 0
    }

    mutating func indicator(_ node: Node, area: String, codes: inout [String: Int]) throws(PlanError)
        -> PlanIndicator
    {
        let what = LocalizedText(zh: "二级指标", en: "an indicator")
        let map = try mapping(
            node, what, allowed: ["code", "name", "name_en", "actions", "actions_en", "units", "requirements"])
        let code = try self.code(map, prefix: "B", in: what, at: node)
        try unique(code, node: map["code"], codes: &codes)
        let name = try localized(map, "name", in: what, at: node)
        let actions = try optionalLocalized(map, "actions")
        let units = try self.units(map["units"])
        var requirements: [PlanRequirement] = []
        let list = try sequence(try required(map, "requirements", in: what, at: node), "requirements")
        guard !list.isEmpty else {
            throw fail(map["requirements"], zh: "\(code) 没有三级指标。", en: "\(code) has no requirements.")
        }
        for element in list {
            requirements.append(
                try requirement(
                    element, indicator: code, area: area, units: units, actions: actions, codes: &codes))
        }
        return PlanIndicator(code: code, name: name, requirements: requirements)
    }
}
