public import JunhengCore

/// What a reader of the rates must know to read them right, stated next to them in every output
/// (terminal, Markdown, CSV, JSON, the report section and the workbook): a partial result, scored items
/// with no column, screens that could not run, rows the reader skipped (issue 9 cases 1, 2, 5; issue 10).
extension SatisfactionResult {
    /// Whether `--allow-partial` let through an export that fits the questionnaire poorly: every output
    /// then says "partial".
    public var partial: Bool { files.contains { $0.fit?.isPoor == true } }

    /// Scored items with no column in at least one export, in questionnaire order, with those exports.
    public var missingItems: [(item: ScoredItem, files: [String])] {
        survey.items.compactMap { item in
            let files = files.filter { !$0.hasColumn(for: item) }.map(\.file)
            return files.isEmpty ? nil : (item, files)
        }
    }

    /// Scored items with a column in every export: the N of "over N of M scored items".
    public var ratedItems: Int { survey.items.count - missingItems.count }

    /// `（12 项计分题中的 11 项）` when some item has no column, else empty: after every rate's label.
    public var itemsQualifier: LocalizedText {
        let total = survey.items.count
        guard ratedItems < total else { return LocalizedText(verbatim: "") }
        return LocalizedText(
            zh: "（\(total) 项计分题中的 \(ratedItems) 项）", en: " (over \(ratedItems) of \(total) scored items)")
    }

    /// `部分结果` / `partial`, in cells and titles.
    static let partialLabel = LocalizedText(zh: "部分结果", en: "partial")

    /// Every caveat, in the order a reader needs them.
    public var caveats: [LocalizedText] {
        var caveats: [LocalizedText] = []
        for file in files {
            guard let fit = file.fit, fit.isPoor else { continue }
            caveats.append(
                LocalizedText(
                    zh: "部分结果：\(file.file) 与问卷 \(survey.id) 不完全相符（\(fit.summary.zh)），按 --allow-partial 照算；"
                        + "满意度只反映对上的部分，不能当作完整结果。",
                    en:
                        "Partial result: \(file.file) does not fully fit questionnaire \(survey.id) (\(fit.summary.en)); "
                        + "it was rated anyway with --allow-partial, so the rates cover only what matched and are not "
                        + "a complete result."))
        }
        let missing = missingItems
        if !missing.isEmpty {
            let allFiles = missing.allSatisfy { $0.files.count == files.count }
            let names = missing.map { entry in
                let item = "\(entry.item.number). \(entry.item.id)"
                return allFiles ? item : item + " (" + entry.files.joined(separator: ", ") + ")"
            }
            caveats.append(
                LocalizedText(
                    zh: "满意度只基于 \(survey.items.count) 项计分题中的 \(ratedItems) 项：以下计分题在导出中没有对应列，未计入："
                        + names.joined(separator: "，") + "。",
                    en: "The rates are over \(ratedItems) of \(survey.items.count) scored items: these scored items "
                        + "have no column in the export and are not counted: " + names.joined(separator: ", ") + "."))
        }
        caveats += screens.compactMap(\.caveat)
        if let skippedCaveat { caveats.append(skippedCaveat) }
        if survey.question(role: .school) != nil { caveats += schoolCaveats }
        return caveats + externalCaveats
    }
}

extension SatisfactionResult {
    /// The caveats of the per-question counts (``FrequencyResult``): a partial result, screens that could
    /// not run, rows the reader skipped. (A scored item without a column needs none: its question shows
    /// its respondents as "not in the export".)
    var frequencyCaveats: [LocalizedText] {
        var caveats: [LocalizedText] = []
        for file in files {
            guard let fit = file.fit, fit.isPoor else { continue }
            caveats.append(
                LocalizedText(
                    zh: "部分结果：\(file.file) 与问卷 \(survey.id) 不完全相符（\(fit.summary.zh)），按 --allow-partial 照算；"
                        + "各题统计只反映对上的列，不能当作完整结果。",
                    en:
                        "Partial result: \(file.file) does not fully fit questionnaire \(survey.id) (\(fit.summary.en)); "
                        + "it was counted anyway with --allow-partial, so the tables cover only the columns that "
                        + "matched and are not a complete result."))
        }
        caveats += screens.compactMap(\.caveat)
        if let skippedCaveat { caveats.append(skippedCaveat) }
        if settings.frequencies?.by == .key(.school) { caveats += schoolCaveats }
        return caveats
    }

    /// Rows the reader skipped, when there were any.
    var skippedCaveat: LocalizedText? {
        guard skipped > 0 else { return nil }
        let parts = skippedRows.map { "\($0.label.zh) \($0.count)" }.joined(separator: "，")
        let partsEN = skippedRows.map { "\($0.label.en) \($0.count)" }.joined(separator: ", ")
        return LocalizedText(
            zh: "读取时跳过 \(skipped) 行（\(parts)），不是答卷；已计入数据行：数据行 = 有效 + 剔除 + 跳过。",
            en: "\(skipped) rows were skipped by the reader (\(partsEN)), not responses; they are counted in rows: "
                + "rows = used + excluded + skipped.")
    }
}

extension ExportFileReport {
    /// Whether the export has a column for `item`.
    public func hasColumn(for item: ScoredItem) -> Bool {
        mapping.columns.contains { column in
            switch column.assignment {
            case .answer(let q): q == item.questionIndex && item.rowIndex == nil
            case .matrixRow(let q, let r): q == item.questionIndex && r == item.rowIndex
            default: false
            }
        }
    }
}
