import Foundation
public import JunhengCore

/// Writes numbers the same way in every renderer and on every machine (no locale, fixed decimals).
public enum NumberText {
    /// A number as a reader sees it, in a column's format: fixed decimals, `%` for ratios.
    ///
    /// A value that rounds to zero is written without a minus sign (`0.00`, never `-0.00`), and a
    /// value that is not finite is written as `—`.
    public static func format(_ value: Double, _ format: ReportNumberFormat) -> String {
        guard value.isFinite else { return "—" }
        switch format {
        case .text: return plain(value)
        case .integer:
            let rounded = value.rounded()
            return abs(rounded) < 9e15 ? exact(rounded) : fixed(value, places: 0)
        case .decimal(let places): return fixed(value, places: places)
        case .percent(let places): return fixed(value * 100, places: places) + "%"
        }
    }

    /// `value` rounded to `places` decimals (0 to 17), with no negative zero.
    public static func fixed(_ value: Double, places: Int) -> String {
        let places = min(max(places, 0), 17)
        let text = String(format: "%.\(places)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
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

    /// The text of a cell in a given language and column format.
    public static func cell(_ cell: ReportCell, format: ReportNumberFormat, language: Language) -> String {
        switch cell.value {
        case .empty: return ""
        case .text(let text): return text.text(language)
        case .number(let value): return self.format(value, format)
        case .bool(let meets): return (meets ? ReportLabels.meets : ReportLabels.fails).text(language)
        }
    }
}
