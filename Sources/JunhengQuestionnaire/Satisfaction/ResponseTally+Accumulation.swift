@_spi(Storage) import JunhengIngest

/// What a used response adds: its options' counts, its group's count, and its answers to the running
/// sums of its stratum (DOMAIN.md §4: per respondent i, y_i positive of m_i valid answers, over all its
/// scored items, each item alone and each dimension), and to the frequencies when they are counted.
extension ResponseTally {
    mutating func count<Record: ResponseFields>(
        _ record: Record, plan: FilePlan, current: CurrentResponse, groupID: Int?
    ) {
        used += 1
        for index in 0..<chosen.count { optionCounts[chosen[index]] += 1 }
        // The group's value number: (组外) without a group (only with --keep-all), else its group.
        let groupValue = groupID ?? layout.outsideID
        if groupValue >= usedByGroup.count {
            usedByGroup.append(repeating: 0, count: groupValue + 1 - usedByGroup.count)
        }
        usedByGroup[groupValue] += 1
        var gradeValue = layout.missingID
        if let gradeQuestion = layout.gradeQuestion, let option = current.gradeOption {
            gradeValue = layout.optionValueIDs[layout.optionBase[gradeQuestion] + option]
        }
        // The value numbers fit an Int32 (a trap otherwise, never a wrong stratum): each distinct grouping
        // text needs a response of its own, and 2^31 responses would need 24 GiB of fingerprints first.
        let key = StratumKey(
            group: Int32(groupValue), township: Int32(current.township ?? layout.missingID),
            school: Int32(current.school ?? layout.missingID), grade: Int32(gradeValue))
        let stratum = strata.stratum(key)
        // One pass over the items: each answered one into its own sums, and into its dimension's and the
        // total's for this respondent.
        let itemCount = layout.items.count
        var totalAnswered = 0
        var totalPositive = 0
        dimensionAnswered.fill(0)
        dimensionPositive.fill(0)
        layout.itemDimension.withUnsafeBufferPointer { itemDimension in
            for index in 0..<itemCount where itemAnswered[index] > 0 {
                let positive = itemPositive[index]
                totalAnswered += 1
                totalPositive += positive
                dimensionAnswered[itemDimension[index]] += 1
                dimensionPositive[itemDimension[index]] += positive
                strata.addItem(stratum, item: index, positive: positive)
            }
        }
        if totalAnswered > 0 { strata.addTotal(stratum, positive: totalPositive, answered: totalAnswered) }
        for d in 0..<dimensionAnswered.count where dimensionAnswered[d] > 0 {
            strata.addDimension(stratum, dimension: d, positive: dimensionPositive[d], answered: dimensionAnswered[d])
        }
        if frequencies != nil { countFrequencies(record, key: key) }
    }

    /// The frequency hook: one used response, with its grouping values when a cross-tab needs them.
    private mutating func countFrequencies<Record: ResponseFields>(_ record: Record, key: StratumKey) {
        guard let needsGroupValues = frequencies?.needsGroupValues else { return }
        var groups = FrequencyGroupValues()
        if needsGroupValues {
            func text(_ id: Int32) -> String? { Int(id) == layout.missingID ? nil : value(Int(id)) }
            groups = FrequencyGroupValues(
                group: text(key.group), township: text(key.township), school: text(key.school), grade: text(key.grade))
        }
        frequencies?.add(record, groups: groups)
    }
}
