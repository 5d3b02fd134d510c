import JunhengCore
@_spi(Storage) import JunhengIngest
import JunhengStatistics

/// The result: every breakdown's cells summed from the strata, their intervals (DOMAIN.md §4), the
/// sample checks, the weighted combination of groups, the screens' statuses.
extension SatisfactionPipeline {
    /// Ends the last file and computes every cell.
    public mutating func finish() -> SatisfactionResult {
        flushPending()
        settleFile()
        let tally = box
        let schools = schoolGrouping(tally)
        let breakdowns = sumStrata(tally, schools: schools)
        var usedByGroup: [String: Int] = [:]
        for id in 0..<tally.tally.usedByGroup.count where tally.tally.usedByGroup[id] > 0 {
            usedByGroup[tally.tally.value(id), default: 0] += tally.tally.usedByGroup[id]
        }
        let flatCounts = tally.tally.optionCounts.array
        let optionCounts = survey.questions.indices.map { q in
            Array(flatCounts[layout.optionBase[q]..<layout.optionBase[q] + survey.questions[q].options.count])
        }
        var cellsByKeys: [[GroupingKey]: [SatisfactionCell]] = [:]
        for (position, keys) in breakdownKeys.enumerated() {
            var cells = breakdowns[position].map { key, acc in cell(keys: keys, key: key, acc: acc) }
            cells.sort { lhs, rhs in
                for (position, k) in keys.enumerated() where lhs.key[position] != rhs.key[position] {
                    return sortKey(k, lhs.key[position]) < sortKey(k, rhs.key[position])
                }
                return false
            }
            cellsByKeys[keys] = cells
        }
        let overall = cellsByKeys[[]]?.first ?? cell(keys: [], key: [], acc: ClusteredRatioInterval())
        var single: [GroupingKey: [SatisfactionCell]] = [:]
        for key in GroupingKey.allCases { single[key] = cellsByKeys[[key]] ?? [] }

        var checks: [SampleCheck] = []
        if survey.groups.contains("家长") {
            let parents = usedByGroup["家长"] ?? 0
            let share = used > 0 ? Double(parents) / Double(used) : 0
            checks.append(
                SampleCheck(
                    kind: .parentShare, value: share, required: settings.parentShare,
                    passes: share >= settings.parentShare))
        }
        if let population = settings.population {
            let required = (Double(population) * settings.sampleShare).rounded(.up)
            checks.append(
                SampleCheck(
                    kind: .sampleSize, value: Double(used), required: required, passes: Double(used) >= required))
        }

        var result = SatisfactionResult(
            survey: survey, settings: settings, by: by, files: files, rows: rows, used: used,
            excluded: excludedRows.count + unlistedRagged, overall: overall,
            groups: by.isEmpty ? [] : cellsByKeys[by] ?? [],
            breakdowns: single, excludedRows: excludedRows, answerProblems: tally.tally.answerProblems,
            answerProblemCount: tally.tally.answerProblemCount, ingestProblems: ingestProblems,
            usedByGroup: usedByGroup,
            weighted: weighted(groupAccumulators: breakdowns[breakdownKeys.firstIndex(of: [.group])!]),
            sampleChecks: checks,
            optionCounts: Dictionary(uniqueKeysWithValues: zip(survey.questions.map(\.id), optionCounts)),
            skippedRows: IngestProblem.Kind.allCases.compactMap { kind in
                skipped[kind].map { SkippedRows(kind: kind, count: $0) }
            },
            unlistedExclusions: unlistedRagged > 0 ? [.raggedRow: unlistedRagged] : [:],
            screens: settings.keepAll
                ? []
                : ScreenStatus.statuses(
                    files.map { ($0.file, $0.coverage) }, speederOn: settings.minSeconds != nil,
                    submissionOn: screensSubmissions))
        result.schoolCaveats = schools.caveats
        result.frequencies = tally.tally.frequencies?.finish(screening: result, schools: schools)
        return result
    }

    /// The township of a stratum, `nil` when not given.
    private func township(_ box: TallyBox, _ key: StratumKey) -> String? {
        let value = box.tally.value(Int(key.township))
        return GroupingKey.sentinelLabel(value) == nil ? value : nil
    }

    /// The by-school rows of every answered township and school (``SchoolGrouping``), the registry's
    /// codes where the settings carry the county's schools.
    private func schoolGrouping(_ box: TallyBox) -> SchoolGrouping {
        var answers: [SchoolGrouping.Answer: Int] = [:]
        let sums = box.tally.strata.intervals
        for stratum in 0..<box.tally.strata.count {
            let key = box.tally.strata.keys[stratum]
            let school = box.tally.value(Int(key.school))
            guard GroupingKey.sentinelLabel(school) == nil else { continue }
            answers[SchoolGrouping.Answer(township: township(box, key), school: school), default: 0] +=
                sums[stratum * layout.stratumStride].clusters
        }
        return SchoolGrouping(answers: answers, directory: settings.schools)
    }

    /// Running sums per cell, one dictionary per entry of `breakdownKeys`: each stratum added to the
    /// cells it belongs to (a cell exists when some respondent was added to it). A school is its row of
    /// `schools`: its township and name, or its 学校代码.
    private func sumStrata(_ box: TallyBox, schools: SchoolGrouping) -> [[[String]: ClusteredRatioInterval]] {
        let items = layout.items
        let dimensionIDs = layout.dimensionIDs
        let stride = layout.stratumStride
        let stratumSums = box.tally.strata.intervals
        var breakdowns: [[[String]: ClusteredRatioInterval]] = Array(repeating: [:], count: breakdownKeys.count)
        for stratum in 0..<box.tally.strata.count {
            let stratumKey = box.tally.strata.keys[stratum]
            let base = stratum * stride
            func value(_ key: GroupingKey) -> String {
                switch key {
                case .group: box.tally.value(Int(stratumKey.group))
                case .township: box.tally.value(Int(stratumKey.township))
                case .school:
                    {
                        let school = box.tally.value(Int(stratumKey.school))
                        guard GroupingKey.sentinelLabel(school) == nil else { return school }
                        return schools.key(township: township(box, stratumKey), school: school)
                    }()
                case .grade: box.tally.value(Int(stratumKey.grade))
                case .item, .dimension: ""
                }
            }
            for (position, keys) in breakdownKeys.enumerated() {
                if keys.contains(.item) {
                    for index in items.indices where stratumSums[base + 1 + index].clusters > 0 {
                        let key = keys.map { k -> String in
                            k == .item
                                ? items[index].id
                                : k == .dimension ? dimensionIDs[layout.itemDimension[index]] : value(k)
                        }
                        breakdowns[position][key, default: ClusteredRatioInterval()]
                            .merge(stratumSums[base + 1 + index])
                    }
                } else if keys.contains(.dimension) {
                    for d in dimensionIDs.indices where stratumSums[base + 1 + items.count + d].clusters > 0 {
                        let key = keys.map { k in k == .dimension ? dimensionIDs[d] : value(k) }
                        breakdowns[position][key, default: ClusteredRatioInterval()]
                            .merge(stratumSums[base + 1 + items.count + d])
                    }
                } else if stratumSums[base].clusters > 0 {
                    breakdowns[position][keys.map(value), default: ClusteredRatioInterval()].merge(stratumSums[base])
                }
            }
        }
        return breakdowns
    }

    private func cell(keys: [GroupingKey], key: [String], acc: ClusteredRatioInterval) -> SatisfactionCell {
        // One item in the cell: each respondent gives at most one answer, so answers are independent
        // trials and Wilson applies; several items: respondent-clustered (DOMAIN.md §4).
        let itemsInCell: Int
        if keys.contains(.item) {
            itemsInCell = 1
        } else if let position = keys.firstIndex(of: .dimension) {
            itemsInCell = layout.itemDimension.filter { layout.dimensionIDs[$0] == key[position] }.count
        } else {
            itemsInCell = layout.items.count
        }
        let interval: ClosedRange<Double>?
        var method = SatisfactionCell.IntervalMethod.wilson
        if itemsInCell == 1 {
            interval = WilsonInterval(successes: acc.positive, trials: acc.answered).interval
        } else {
            // Clustered; Wilson on the respondents where every respondent is at the rate (a zero variance).
            let fallback = acc.intervalWithFallback
            interval = fallback?.interval
            method = fallback?.method == .respondentWilson ? .respondentWilson : .clustered
        }
        let rate = acc.rate
        let labels = zip(keys, key).map { k, value -> LocalizedText in
            if let sentinel = GroupingKey.sentinelLabel(value) { return sentinel }
            switch k {
            case .item:
                if let item = layout.items.first(where: { $0.id == value }) {
                    return LocalizedText(verbatim: "\(item.number). ") + item.label
                }
                return LocalizedText.name(value)
            case .dimension: return survey.dimension(id: value)?.name ?? LocalizedText.name(value)
            case .group: return survey.groupLabel(value)
            case .grade:
                return survey.question(role: .grade)?.options.first { $0.text == value }?.label ?? .name(value)
            default: return LocalizedText.name(value)
            }
        }
        return SatisfactionCell(
            key: key, label: labels, respondents: acc.clusters, answered: acc.answered, positive: acc.positive,
            rate: rate, ci95: interval, intervalMethod: method,
            meetsThreshold: rate.map { $0 >= settings.threshold }, belowMinN: acc.clusters < settings.minN,
            estimate: acc.estimate)
    }

    /// Report order of one key's values: questionnaire order where there is one, else by text; missing last.
    private func sortKey(_ key: GroupingKey, _ value: String) -> (Int, Int, String) {
        if value == GroupingKey.missing || value == GroupingKey.outside || value == GroupingKey.noDimension {
            return (2, 0, value)
        }
        func optionOrder(_ question: Int?) -> (Int, Int, String) {
            if let question, let index = survey.questions[question].options.firstIndex(where: { $0.text == value }) {
                return (0, index, value)
            }
            return (1, 0, value)
        }
        switch key {
        case .group:
            if let index = survey.groups.firstIndex(of: value) { return (0, index, value) }
            return (1, 0, value)
        case .item: return (0, layout.items.firstIndex { $0.id == value } ?? Int.max, value)
        case .dimension: return (0, layout.dimensionIDs.firstIndex(of: value) ?? Int.max, value)
        case .township: return optionOrder(layout.townshipQuestion)
        case .school: return optionOrder(layout.schoolQuestion)
        case .grade: return optionOrder(layout.gradeQuestion)
        }
    }

    /// The weighted combination of groups (``WeightedRate``), with notes on the groups it leaves out.
    private func weighted(groupAccumulators: [[String]: ClusteredRatioInterval]) -> WeightedSatisfaction? {
        guard let weights = settings.weights else { return nil }
        var notes: [LocalizedText] = []
        var components: [WeightedRate.Component] = []
        for group in weights.keys.sorted() {
            guard let weight = weights[group], weight > 0 else { continue }
            guard let acc = groupAccumulators[[group]], let rate = acc.rate else {
                notes.append(
                    LocalizedText(
                        zh: "\(group) 有权重但没有回答，未计入加权满意度。",
                        en: "\(group) has a weight but no answers; left out of the weighted rate."))
                continue
            }
            components.append(WeightedRate.Component(weight: weight, rate: rate, variance: acc.variance))
        }
        for key in groupAccumulators.keys.map({ $0[0] }).sorted() where weights[key] == nil {
            notes.append(
                LocalizedText(
                    zh: "\(key) 有回答但没有权重，未计入加权满意度。",
                    en: "\(key) has answers but no weight; left out of the weighted rate."))
        }
        let combined = WeightedRate(components: components)
        guard let rate = combined.rate else {
            return WeightedSatisfaction(weights: weights, rate: nil, ci95: nil, meetsThreshold: nil, notes: notes)
        }
        return WeightedSatisfaction(
            weights: weights, rate: rate, ci95: combined.interval, meetsThreshold: rate >= settings.threshold,
            notes: notes)
    }
}
