/// A date-and-time serial number as Excel stores it in a cell: days since the epoch of the workbook's
/// date system, the time of day as the fraction.
///
/// The 1900 system counts 1900-01-01 as day 1 and, for compatibility with Lotus 1-2-3, keeps the day
/// 1900-02-29 that never was (serial 60): from serial 61 (1900-03-01) on, serial s is s days after
/// 1899-12-30. The 1904 system (Mac workbooks, `<workbookPr date1904="1"/>`) counts 1904-01-01 as day 0.
/// The time is rounded to the nearest second, as Excel shows it.
struct ExcelSerialDate: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// - Returns: the date, or `nil` for a serial Excel cannot show as a date (negative, or past 9999).
    init?(serial: Double, uses1904: Bool) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 {
            days += 1
            seconds = 0
        }
        let unixDays: Int
        if uses1904 {
            unixDays = days - 24_107
        } else if days >= 61 {
            unixDays = days - 25_569
        } else if days == 60 {
            // 1900-02-29, which Excel shows though it never was.
            (year, month, day) = (1900, 2, 29)
            (hour, minute, second) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
            return
        } else {
            // Before the phantom day: serial 1 is 1900-01-01, 25 568 days before 1970-01-01.
            unixDays = days - 25_568
        }
        (year, month, day) = Self.civil(fromDays: unixDays)
        (hour, minute, second) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant, "chrono-compatible
    /// low-level date algorithms", `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
