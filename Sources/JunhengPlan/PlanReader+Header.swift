import JunhengCore
import Yams

/// The plan's header beyond its title: the county, 附件3 (`accountability:`), the national acceptance rule
/// (`acceptance:`) and what each stage makes due (`due:`), read with the same checks as the rest of
/// ``PlanReader``.
extension PlanReader {
    static let headerKeys = [
        "id", "title", "title_en", "source", "county", "county_en", "issuer", "issuer_en", "document",
        "accountability", "acceptance",
    ]

    /// `due: [no-data, pending]`: the statuses that are overdue after the stage's deadline.
    func due(_ node: Node) throws(PlanError) -> [RequirementStatus] {
        let list = node.scalar != nil ? [node] : try sequence(node, "due")
        var statuses: [RequirementStatus] = []
        for element in list {
            let text = try string(element, "due")
            guard let status = RequirementStatus(rawValue: text), status != .met else {
                throw fail(
                    element, zh: "`due` 的值应为 failed、pending 或 no-data（实为“\(text)”）。",
                    en: "`due` takes failed, pending or no-data (got \"\(text)\").")
            }
            guard !statuses.contains(status) else {
                throw fail(element, zh: "`due` 中“\(text)”列了两次。", en: "`due` lists \(text) twice.")
            }
            statuses.append(status)
        }
        return statuses
    }

    /// `accountability:` (附件3): `source`, `scope` and `tiers`, each tier with `clause`, `measure` and a
    /// `conduct` list, all quoted text; each may have its English text (`source_en` …, `conduct_en` a list
    /// of the same length).
    func accountability(_ node: Node) throws(PlanError) -> PlanAccountability {
        let what = LocalizedText(zh: "问责机制（accountability）", en: "`accountability`")
        let map = try mapping(node, what, allowed: ["source", "source_en", "scope", "scope_en", "tiers"])
        let source = try localized(map, "source", in: what, at: node)
        var tiers: [PlanAccountability.Tier] = []
        let tiersNode = try required(map, "tiers", in: what, at: node)
        for element in try sequence(tiersNode, "tiers") {
            let tierWhat = LocalizedText(zh: "问责的一档", en: "a tier of `accountability`")
            let tier = try mapping(
                element, tierWhat,
                allowed: ["clause", "clause_en", "measure", "measure_en", "conduct", "conduct_en"])
            let conductNode = try required(tier, "conduct", in: tierWhat, at: element)
            var conduct: [String] = []
            for item in try sequence(conductNode, "conduct") { conduct.append(try string(item, "conduct")) }
            guard !conduct.isEmpty else {
                throw fail(conductNode, zh: "`conduct` 至少列一项。", en: "`conduct` must list at least one item.")
            }
            var conductEn: [String]?
            if let englishNode = tier["conduct_en"] {
                let list = try sequence(englishNode, "conduct_en")
                guard list.count == conduct.count else {
                    throw fail(
                        englishNode, zh: "`conduct_en` 应与 `conduct` 逐项对应（\(conduct.count) 项，实为 \(list.count) 项）。",
                        en:
                            "`conduct_en` must give one English text for each of the \(conduct.count) items of `conduct` (it gives \(list.count))."
                    )
                }
                conductEn = []
                for item in list { conductEn?.append(try string(item, "conduct_en")) }
            }
            tiers.append(
                .init(
                    clause: try localized(tier, "clause", in: tierWhat, at: element),
                    measure: try localized(tier, "measure", in: tierWhat, at: element),
                    conduct: conduct.enumerated().map { index, zh in
                        LocalizedText(
                            zh: zh, en: conductEn.map { ProperName.markRuns($0[index]) } ?? ProperName.mark(zh))
                    }))
        }
        guard !tiers.isEmpty else {
            throw fail(tiersNode, zh: "`tiers` 至少要有一档。", en: "`tiers` needs at least one tier.")
        }
        return PlanAccountability(source: source, scope: try optionalLocalized(map, "scope"), tiers: tiers)
    }

    /// `acceptance:` (教督〔2017〕6号): `source`, `text` (each with its `_en`), `indicators_met` (of 7),
    /// `missed_floor` (`85%`) and `cv_limits: {primary, junior}`.
    func acceptance(_ node: Node) throws(PlanError) -> AcceptanceRule {
        let what = LocalizedText(zh: "国家验收标准（acceptance）", en: "`acceptance`")
        let map = try mapping(
            node, what,
            allowed: ["source", "source_en", "text", "text_en", "indicators_met", "missed_floor", "cv_limits"])
        let source = try localized(map, "source", in: what, at: node)
        let text = try localized(map, "text", in: what, at: node)
        let metNode = try required(map, "indicators_met", in: what, at: node)
        let met = try number(metNode, "indicators_met")
        guard let whole = NumberCell.wholeNumber(met), (1...7).contains(whole) else {
            throw fail(
                metNode, zh: "`indicators_met` 应为 1 到 7 的整数。",
                en: "`indicators_met` must be a whole number from 1 to 7.")
        }
        let floorNode = try required(map, "missed_floor", in: what, at: node)
        let floor = try share(floorNode, "missed_floor")
        let limitsNode = try required(map, "cv_limits", in: what, at: node)
        let limits = try mapping(
            limitsNode, LocalizedText(zh: "`cv_limits`", en: "`cv_limits`"), allowed: ["primary", "junior"])
        func limit(_ key: String) throws(PlanError) -> Double {
            let limitNode = try required(limits, key, in: LocalizedText(verbatim: "`cv_limits`"), at: limitsNode)
            let value = try number(limitNode, key)
            guard value > 0, value.isFinite else {
                throw fail(limitNode, zh: "`\(key)` 应为正数。", en: "`\(key)` must be a positive number.")
            }
            return value
        }
        return AcceptanceRule(
            source: source, text: text, indicatorsMet: whole, missedFloor: floor,
            primaryCVLimit: try limit("primary"), juniorCVLimit: try limit("junior"))
    }

    /// A share written `85%` or `0.85`, between 0 and 1.
    func share(_ node: Node, _ what: String) throws(PlanError) -> Double {
        let text = try string(node, what)
        let percent = text.hasSuffix("%")
        guard case .success(let value) = NumberCell.decimal(percent ? String(text.dropLast()) : text) else {
            throw fail(node, zh: "`\(what)` 应为百分数，如 85%。", en: "`\(what)` must be a percentage such as 85%.")
        }
        let share = percent ? value / 100 : value
        guard share > 0, share <= 1 else {
            throw fail(node, zh: "`\(what)` 应在 0 到 100% 之间。", en: "`\(what)` must be between 0 and 100%.")
        }
        return share
    }

    /// The plan's top-level keys for English texts.
    static let englishKeys = ["units_en"]

    /// `units_en`: each responsible unit's English name. A name for a unit the plan does not list is kept
    /// and unused (a county that renames a unit need not edit both); a unit without one stays in Chinese,
    /// marked as a name.
    func unitNames(_ node: Node?) throws(PlanError) -> [String: String] {
        guard let node else { return [:] }
        guard let pairs = node.mapping else {
            throw fail(
                node, zh: "`units_en` 应把责任单位映射到英文名，如 `县教育局: County Education Bureau`。",
                en: "`units_en` must map each unit to its English name, e.g. `县教育局: County Education Bureau`.")
        }
        var names: [String: String] = [:]
        for (key, value) in pairs {
            names[try string(key, "units_en")] = try string(value, "units_en")
        }
        return names
    }
}
