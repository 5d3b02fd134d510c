import Foundation
public import JunhengCore

/// Writes numbers the same way in every renderer and on every machine (no locale, fixed decimals).
///
/// Rounding is decimal, as a person rounds by hand: a value is taken as its shortest round-trip decimal
/// text (what `Double(text) == value` needs; the exact decimal for any figure computed exactly, such as
/// a mean of 420.15) and rounded half away from zero, so 420.15 is `420.2` and 0.8535 is `85.4%`. Next to
/// a bar (``ReportThreshold``), digits are added until the written figure agrees with its verdict.
public enum NumberText {
    /// The most decimals a figure is widened to near its bar.
    public static let maximumPlaces = 12

    /// A number as a reader sees it, in a column's format: fixed decimals, `%` for ratios.
    ///
    /// A value that rounds to zero is written without a minus sign (`0.00`, never `-0.00`), and a
    /// value that is not finite is written as `—`.
    public static func format(_ value: Double, _ format: ReportNumberFormat) -> String {
        guard value.isFinite else { return "—" }
        switch format {
        case .text: return plain(value)
        case .integer:
            guard abs(value) < 9e15 else { return fixed(value, places: 0) }
            return fixed(value, places: 0)
        case .decimal(let places): return fixed(value, places: places)
        case .percent(let places): return fixed(value, places: places, scale: 2) + "%"
        }
    }

    /// `value` in `format`, with as many more decimals as it takes for the written figure to fall on the
    /// same side of `threshold` as the value itself (or as `fails` says): a CV of 0.45004 against ≤ 0.45
    /// is `0.45004`, not `0.4500`; a school value of 4.4996 against ≥ 4.5 is `4.4996`, not `4.50`.
    public static func format(
        _ value: Double, _ format: ReportNumberFormat, threshold: ReportThreshold?, fails: Bool? = nil
    ) -> String {
        self.format(value, widened(value, format, threshold: threshold, fails: fails))
    }

    /// The format `value` needs next to `threshold`: `format` itself, or more decimals (up to
    /// ``maximumPlaces``) until the rounded figure gets the value's verdict. Renderers that store the number
    /// and a display format (the workbook) use this.
    public static func widened(
        _ value: Double, _ format: ReportNumberFormat, threshold: ReportThreshold?, fails: Bool? = nil
    ) -> ReportNumberFormat {
        guard let threshold, value.isFinite else { return format }
        let passes = fails.map { !$0 } ?? threshold.admits(value)
        var places: Int
        var scale = 0
        switch format {
        case .text: return format
        case .integer: places = 0
        case .decimal(let given): places = given
        case .percent(let given):
            places = given
            scale = 2
        }
        let start = places
        while places < maximumPlaces {
            let shown = Double(fixed(value, places: places, scale: scale))!
            let written = scale == 2 ? shown / 100 : shown
            if threshold.admits(written) == passes { break }
            places += 1
        }
        if places == start { return format }
        switch format {
        case .percent: return .percent(places)
        default: return .decimal(places)
        }
    }

    /// `value` rounded to `places` decimals (0 to 17), half away from zero on its shortest decimal text,
    /// with no negative zero. `scale` moves the decimal point right first (2 for a percentage), exactly.
    public static func fixed(_ value: Double, places: Int, scale: Int = 0) -> String {
        let places = min(max(places, 0), 17)
        let text =
            decimalRounded(value, places: places, scale: scale)
            ?? String(format: "%.\(places)f", value * pow(10, Double(scale)))
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// The shortest decimal text of `value`, point moved right by `scale`, rounded half away from zero to
    /// `places` decimals; `nil` when that text has an exponent (tiny or huge values: `String(format:)` then).
    static func decimalRounded(_ value: Double, places: Int, scale: Int) -> String? {
        guard value.isFinite else { return nil }
        let text = "\(abs(value))"
        guard !text.contains("e") else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0].utf8).map { Int($0) - 48 }
        var fraction = parts.count > 1 ? Array(parts[1].utf8).map { Int($0) - 48 } : []
        if fraction == [0] { fraction = [] }
        // Move the point: scale digits from the fraction into the whole part.
        for _ in 0..<scale { digits.append(fraction.isEmpty ? 0 : fraction.removeFirst()) }
        var kept = digits + fraction.prefix(places) + Array(repeating: 0, count: max(0, places - fraction.count))
        if fraction.count > places, fraction[places] >= 5 {
            var index = kept.count - 1
            while index >= 0 {
                if kept[index] == 9 {
                    kept[index] = 0
                    index -= 1
                } else {
                    kept[index] += 1
                    break
                }
            }
            if index < 0 { kept.insert(1, at: 0) }
        }
        let wholeCount = kept.count - places
        var whole = String(kept[..<wholeCount].map { Character(String($0)) })
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        let decimals = String(kept[wholeCount...].map { Character(String($0)) })
        let sign = value < 0 ? "-" : ""
        return sign + whole + (places > 0 ? "." + decimals : "")
    }

    /// A number without trailing zeros (integers without `.0`).
    public static func plain(_ value: Double) -> String {
        exact(value)
    }

    /// The unrounded value, written so that `Double(exact(x)) == x` on every machine: integers without
    /// `.0`, other values in Swift's shortest round-trip form (`0.853`, `1e-05`), and `NaN`,
    /// `Infinity`, `-Infinity` as ``JSONOutput`` writes them. HTML `data-value` attributes use this.
    public static func exact(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == value.rounded(), abs(value) < 1e15 {
            return value == 0 ? "0" : String(Int64(value))
        }
        return "\(value)"
    }

    /// The format a cell's number is shown in: its column's, widened near the cell's threshold.
    public static func format(of cell: ReportCell, column format: ReportNumberFormat) -> ReportNumberFormat {
        guard case .number(let value) = cell.value else { return format }
        return widened(value, format, threshold: cell.threshold, fails: cell.fails)
    }

    /// The text of a cell in a given language and column format.
    public static func cell(_ cell: ReportCell, format: ReportNumberFormat, language: Language) -> String {
        switch cell.value {
        case .empty: return ""
        case .text(let text): return text.text(language)
        case .number(let value): return self.format(value, self.format(of: cell, column: format))
        case .bool(let meets): return (meets ? ReportLabels.meets : ReportLabels.fails).text(language)
        }
    }
}
