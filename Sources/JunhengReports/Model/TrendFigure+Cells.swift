public import JunhengCore
import JunhengStatistics

/// A trend figure's table cells: the interval and each change written as text in the figure's number
/// format, the verdict as a label. A bound next to 0 gets the digits its verdict needs (an interval
/// [−0.04, 12.3] is not written [0.0, 12.3] next to 无显著变化).
extension TrendFigure {
    /// `[lo, hi]`, or why there is none, or empty without a value.
    public func intervalCell(_ format: ReportNumberFormat) -> ReportCell {
        if let ci95 {
            return .text(
                "[" + NumberText.format(ci95.lowerBound, format) + ", "
                    + NumberText.format(ci95.upperBound, format) + "]")
        }
        return noInterval.map(ReportCell.label) ?? .empty
    }
}

extension TrendChange {
    /// `+27.9 [12.0, 43.8]`: the change with its interval, or the change alone without one.
    public func cell(_ format: ReportNumberFormat) -> ReportCell {
        var text = (value > 0 ? "+" : "") + NumberText.format(value, format)
        if text == "+" + NumberText.format(0, format) { text = NumberText.format(0, format) }
        if let ci95 {
            text += " [" + NumberText.format(ci95.lowerBound, format, threshold: ReportThreshold(.above, 0)) + ", "
            text += NumberText.format(ci95.upperBound, format, threshold: ReportThreshold(.below, 0)) + "]"
        }
        return .text(text)
    }

    /// The verdict (上升 / 下降 / 无显著变化) or why there is none. Only a real change is coloured: a rise is
    /// good when `riseIsGood` (a mean, a rate), bad otherwise (校际差异率); no significant change and no
    /// verdict are neither.
    public func verdictCell(riseIsGood: Bool) -> ReportCell {
        guard let verdict else { return note.map(ReportCell.label) ?? .empty }
        switch verdict {
        case .noSignificantChange: return .label(verdict.label)
        case .up: return ReportCell(.text(verdict.label), fails: !riseIsGood)
        case .down: return ReportCell(.text(verdict.label), fails: riseIsGood)
        }
    }

    /// `2021（隔 3 年）` / `2021 (3 years before)`: the year compared with, and the gap.
    public var fromCell: ReportCell {
        .label(
            LocalizedText(
                zh: "\(fromYear)（隔 \(gapYears) 年）",
                en: "\(fromYear) (\(gapYears) year\(gapYears == 1 ? "" : "s") before)"))
    }
}
