import Foundation
import JunhengCore

/// Writes numbers the same way in every renderer and on every machine (no locale, fixed decimals).
public enum NumberText {
    public static func format(_ value: Double, _ format: ReportNumberFormat) -> String {
        switch format {
        case .text: return plain(value)
        case .integer: return String(Int(value.rounded()))
        case .decimal(let places): return String(format: "%.\(places)f", value)
        case .percent(let places): return String(format: "%.\(places)f%%", value * 100)
        }
    }

    /// A number without trailing zeros (integers without `.0`).
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// The text of a cell in a given language and column format.
    public static func cell(_ cell: ReportCell, format: ReportNumberFormat, language: Language) -> String {
        switch cell.value {
        case .empty: return ""
        case .text(let text): return text.text(language)
        case .number(let value): return self.format(value, format)
        case .bool(let meets):
            return meets
                ? LocalizedText(zh: "达标", en: "meets").text(language)
                : LocalizedText(zh: "未达标", en: "fails").text(language)
        }
    }
}
