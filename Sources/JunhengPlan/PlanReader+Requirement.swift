import JunhengCore
import Yams

/// A requirement of the plan (C1–C62) and its parts: the text, the responsible units, the threshold, and
/// what computes it (see ``PlanReader``).
extension PlanReader {
    static let partKeys = ["threshold", "scale", "scope", "computed", "parameters", "ratio"]

    mutating func requirement(
        _ node: Node, indicator: String, area: String, units inherited: [String]?,
        actions inheritedActions: LocalizedText?,
        codes: inout [String: Int]
    ) throws(PlanError) -> PlanRequirement {
        let what = LocalizedText(zh: "三级指标", en: "a requirement")
        let map = try mapping(
            node, what,
            allowed: ["code", "text", "text_en", "title", "title_en", "actions", "actions_en", "units", "parts"]
                + Self.partKeys)
        let code = try self.code(map, prefix: "C", in: what, at: node)
        try unique(code, node: map["code"], codes: &codes)
        let text = try localized(map, "text", in: what, at: node)
        let title = try map["title"] == nil ? nil : localized(map, "title", in: what, at: node)
        guard let units = try self.units(map["units"]) ?? inherited else {
            throw fail(
                node, zh: "\(code) 没有责任单位：在它或它的二级指标下写 `units:`。",
                en: "\(code) has no responsible units: give `units:` on it or on its indicator.")
        }
        var parts: [RequirementPart] = []
        if let partsNode = map["parts"] {
            if let key = Self.partKeys.first(where: { map[$0] != nil }) {
                throw fail(
                    map[key], zh: "\(code) 已分为 `parts:`，`\(key):` 应写在各部分下。",
                    en: "\(code) has `parts:`; give `\(key):` inside each part.")
            }
            let list = try sequence(partsNode, "parts")
            guard list.count >= 2 else {
                throw fail(
                    partsNode, zh: "`parts:` 至少要有两部分；只有一部分时直接写在 \(code) 下。",
                    en: "`parts:` needs at least two parts; with one, write it on \(code) itself.")
            }
            for (index, element) in list.enumerated() {
                let partMap = try mapping(
                    element, LocalizedText(zh: "\(code) 的一部分", en: "a part of \(code)"),
                    allowed: ["text", "text_en"] + Self.partKeys)
                let partText = try localized(
                    partMap, "text", in: LocalizedText(zh: "\(code) 的一部分", en: "a part of \(code)"), at: element)
                parts.append(try part(partMap, code: "\(code)-\(index + 1)", text: partText, at: element))
            }
        } else {
            parts.append(try part(map, code: code, text: text, at: node))
        }
        return PlanRequirement(
            code: code, text: text, title: title, actions: try optionalLocalized(map, "actions") ?? inheritedActions,
            units: units, parts: parts, indicator: indicator, area: area,
            location: SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column))
    }

    mutating func part(_ map: [String: Node], code: String, text: LocalizedText, at node: Node) throws(PlanError)
        -> RequirementPart
    {
        var threshold: PlanThreshold?
        if let thresholdNode = map["threshold"] {
            let written = try string(thresholdNode, "threshold")
            switch PlanThreshold.read(written) {
            case .success(let parsed): threshold = parsed
            case .failure(.number(let problem)):
                throw fail(
                    thresholdNode, at: problem.offset, trimmed: true, problem.message("threshold", written: written))
            case .failure(.form):
                throw fail(
                    thresholdNode,
                    zh: "\(code) 的 `threshold` 应写作“≥ 4.2 人/百名学生”“≤ 45 人”或“≥ 10%”（实为“\(written)”）。",
                    en:
                        "The `threshold` of \(code) must read like `≥ 4.2 人/百名学生`, `≤ 45 人` or `≥ 10%` (got \"\(written)\")."
                )
            }
        }
        if let scaleNode = map["scale"] {
            let scale = try number(scaleNode, "scale")
            guard var value = threshold, !value.isPercent, scale > 0 else {
                throw fail(
                    scaleNode, zh: "`scale` 只用于非百分比的 `threshold`，且应大于 0（每百名学生写 100）。",
                    en:
                        "`scale` goes with a threshold that is not a percentage, and must be above 0 (100 for per 100 students)."
                )
            }
            value.scale = scale
            threshold = value
        }
        var scope = RequirementScope.county
        if let scopeNode = map["scope"] {
            let written = try string(scopeNode, "scope")
            guard let value = RequirementScope(rawValue: written) else {
                let list = RequirementScope.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail(
                    scopeNode, zh: "`scope` 应为 \(list) 之一（实为“\(written)”）。",
                    en: "`scope` must be one of \(list) (got \"\(written)\").")
            }
            scope = value
        }
        var computation: PlanComputation?
        var parameters: [String: Double] = [:]
        if let computedNode = map["computed"] {
            let written = try string(computedNode, "computed")
            guard let value = PlanComputation(rawValue: written) else {
                let list = PlanComputation.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail(
                    computedNode, zh: "未知的计算 `\(written)`；可用：\(list)。",
                    en: "Unknown computation `\(written)`; known: \(list).")
            }
            try check(value, threshold: threshold, code: code, at: computedNode, thresholdNode: map["threshold"])
            parameters = try self.parameters(map["parameters"], for: value, code: code, at: computedNode)
            computation = value
        } else if let parametersNode = map["parameters"] {
            throw fail(
                parametersNode, zh: "`parameters` 只用于有 `computed:` 的指标。",
                en: "`parameters` goes with `computed:` only.")
        }
        var ratio = false
        if let ratioNode = map["ratio"] {
            guard threshold?.isPercent == true, let value = ratioNode.bool else {
                throw fail(
                    ratioNode, zh: "`ratio` 只用于百分比的 `threshold`，写 true 或 false。",
                    en: "`ratio` goes with a percentage threshold, as true or false.")
            }
            ratio = value
        }
        return RequirementPart(
            code: code, text: text, threshold: threshold, scope: scope, computation: computation,
            parameters: parameters, ratio: ratio,
            location: SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column))
    }

    /// A computed part: its threshold compares the computation's way, is whole where counts are, is used once,
    /// and agrees with the other parts that share its setting.
    mutating func check(
        _ computation: PlanComputation, threshold: PlanThreshold?, code: String, at node: Node, thresholdNode: Node?
    ) throws(PlanError) {
        if let other = computed[computation] {
            throw fail(
                node, zh: "计算 `\(computation.rawValue)` 已用于 \(other)。",
                en: "The computation `\(computation.rawValue)` is already used by \(other).")
        }
        guard let threshold else {
            throw fail(
                node, zh: "\(code) 有 `computed:`，还需要 `threshold:`。",
                en: "\(code) has `computed:` and needs `threshold:` too.")
        }
        guard threshold.comparison == computation.comparison else {
            throw fail(
                thresholdNode,
                zh:
                    "`\(computation.rawValue)` 的标准应以 \(computation.comparison.symbol) 比较（实为 \(threshold.comparison.symbol)）。",
                en:
                    "The threshold of `\(computation.rawValue)` must compare with \(computation.comparison.symbol), not \(threshold.comparison.symbol)."
            )
        }
        guard threshold.isPercent == computation.isPercent else {
            throw fail(
                thresholdNode,
                zh: computation.isPercent
                    ? "`\(computation.rawValue)` 的标准应为百分比（如 ≥ 5%）。" : "`\(computation.rawValue)` 的标准不是百分比。",
                en: computation.isPercent
                    ? "The threshold of `\(computation.rawValue)` must be a percentage (like ≥ 5%)."
                    : "The threshold of `\(computation.rawValue)` is not a percentage.")
        }
        guard !computation.isWhole || NumberCell.wholeNumber(threshold.value) != nil, threshold.value > 0 else {
            throw fail(
                thresholdNode, zh: "`\(computation.rawValue)` 的标准应为正整数。",
                en: "The threshold of `\(computation.rawValue)` must be a whole number above 0.")
        }
        if let setting = computation.sharedSetting {
            if let first = shared[setting], first.value != threshold.value {
                throw fail(
                    thresholdNode, zh: "\(code) 的标准应与 \(first.code) 相同（两者共用一个设置）。",
                    en: "The threshold of \(code) must equal that of \(first.code) (they share one setting).")
            }
            shared[setting] = shared[setting] ?? (threshold.value, code)
        }
        computed[computation] = code
    }

    func parameters(_ node: Node?, for computation: PlanComputation, code: String, at computedNode: Node)
        throws(PlanError) -> [String: Double]
    {
        let wanted = computation.parameters
        guard let node else {
            if wanted.isEmpty { return [:] }
            throw fail(
                computedNode, zh: "`\(computation.rawValue)` 需要 `parameters:` 下的 \(wanted.joined(separator: ", "))。",
                en: "`\(computation.rawValue)` needs \(wanted.joined(separator: ", ")) under `parameters:`.")
        }
        let map = try mapping(
            node, LocalizedText(zh: "\(code) 的 parameters", en: "the parameters of \(code)"), allowed: wanted)
        var result: [String: Double] = [:]
        for key in wanted {
            guard let valueNode = map[key] else {
                throw fail(node, zh: "`parameters` 缺少 `\(key):`。", en: "`parameters` needs `\(key):`.")
            }
            let value = try number(valueNode, key)
            guard value > 0 else {
                throw fail(valueNode, zh: "`\(key)` 应大于 0。", en: "`\(key)` must be above 0.")
            }
            result[key] = value
        }
        return result
    }
}
