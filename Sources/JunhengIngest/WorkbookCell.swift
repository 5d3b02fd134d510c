import Foundation

/// One cell of a worksheet as the workbook stores it, and the text Excel shows for it.
///
/// Both workbook readers (.xls through libfreexl, .xlsx through ``XLSXSheetParser``) turn their cells
/// into these, so a cell reads the same from either file, and the same as Excel's "save as CSV":
/// whole numbers without `.0`, other numbers to Excel's 15 significant digits, dates and times the way
/// 问卷星 writes them (`2024/5/20 14:22:55`).
enum WorkbookCell: Sendable, Hashable {
    case empty
    case text(String)
    case number(Double)
    case boolean(Bool)
    /// A calendar date (a number with a date format).
    case date(year: Int, month: Int, day: Int)
    /// A date and a time of day (a number with a date-and-time format).
    case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    /// A time of day (a number with a time format).
    case time(hour: Int, minute: Int, second: Int)
    /// An error value such as `#N/A` or `#DIV/0!`, kept as Excel shows it.
    case error(String)

    /// A date, date-time or time written the ISO way: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` (or with a
    /// `T`, as an .xlsx `t="d"` cell), `HH:MM:SS`; other text stays text.
    init(isoDateTime text: String) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        let date = parts.first.map { $0.split(separator: "-").compactMap { Int($0) } } ?? []
        // Seconds may carry a fraction (`55.5`); Excel shows whole seconds.
        let time =
            parts.last.map {
                $0.split(separator: ":").compactMap { Double($0).flatMap { Int(exactly: $0.rounded(.down)) } }
            } ?? []
        if parts.count == 2, date.count == 3, time.count == 3 {
            self = .dateTime(
                year: date[0], month: date[1], day: date[2], hour: time[0], minute: time[1], second: time[2])
        } else if parts.count == 1, date.count == 3, text.contains("-") {
            self = .date(year: date[0], month: date[1], day: date[2])
        } else if parts.count == 1, time.count == 3, text.contains(":") {
            self = .time(hour: time[0], minute: time[1], second: time[2])
        } else {
            self = .text(text)
        }
    }

    /// The text Excel shows in the cell (its General format for numbers).
    var displayText: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let value): Self.generalNumber(value)
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .date(let year, let month, let day): "\(year)/\(month)/\(day)"
        case .dateTime(let year, let month, let day, let hour, let minute, let second):
            "\(year)/\(month)/\(day) \(hour):\(Self.twoDigits(minute)):\(Self.twoDigits(second))"
        case .time(let hour, let minute, let second):
            "\(hour):\(Self.twoDigits(minute)):\(Self.twoDigits(second))"
        case .error(let text): text
        }
    }

    /// A number as Excel's General format shows it: a whole number without a decimal point, anything
    /// else with at most 15 significant digits (what Excel keeps), so 0.1 + 0.2 shows as `0.3`.
    static func generalNumber(_ value: Double) -> String {
        guard value.isFinite else { return "#NUM!" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(format: "%.15g", value)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
