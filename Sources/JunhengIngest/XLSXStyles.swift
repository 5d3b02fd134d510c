import Foundation

/// What the styles part of an .xlsx says about each cell format (`<c s="N">`): whether a number in
/// it is shown as a date, a time, both, or a plain number (ECMA-376 Part 1, §18.8.30–31).
struct XLSXStyles: Sendable, Hashable {
    enum NumberKind: Sendable, Hashable {
        case number
        case date
        case time
        case dateTime
    }

    /// Per cell format index (`cellXfs`), how its numbers are shown.
    var kinds: [NumberKind]

    init(kinds: [NumberKind] = []) {
        self.kinds = kinds
    }

    /// How a number in cell format `index` is shown (a number when the format is unknown).
    func kind(ofStyle index: Int) -> NumberKind {
        index >= 0 && index < kinds.count ? kinds[index] : .number
    }

    /// Reads `xl/styles.xml`: the custom number formats, then the cell formats that use them.
    ///
    /// - Returns: the styles, or what is wrong with the XML.
    static func parse(_ data: Data) -> Result<XLSXStyles, WorkbookPartError> {
        var formats: [Int: String] = [:]
        var formatIDs: [Int] = []
        let failure = XMLEvents.parse(data) { path, name, attributes in
            if name == "numFmt", path.last == "numFmts", let id = attributes["numFmtId"].flatMap({ Int($0) }) {
                formats[id] = attributes["formatCode"] ?? ""
            } else if name == "xf", path.last == "cellXfs" {
                formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            }
        }
        if let failure { return .failure(WorkbookPartError(part: "styles", detail: failure)) }
        let kinds = formatIDs.map { id in formats[id].map(kind(ofFormatCode:)) ?? builtinKind(id) }
        return .success(XLSXStyles(kinds: kinds))
    }

    /// The built-in number formats (ECMA-376 §18.8.30) that show dates or times: 14–22 and 45–47, and
    /// the Chinese (zh-CN) built-ins 27–36 and 50–58 (`yyyy"年"m"月"d"日"`, `h"时"mm"分"`, …).
    static func builtinKind(_ id: Int) -> NumberKind {
        switch id {
        case 14...17, 27...31, 36, 50...54, 57, 58: .date
        case 18...21, 32...35, 45...47, 55, 56: .time
        case 22: .dateTime
        default: .number
        }
    }

    /// Whether a custom format code shows a date, a time or both: its `y`, `d` (date) and `h`, `s`
    /// (time) outside quoted text, `\`-escaped characters and `[…]` (colours, locales; `[h]` and
    /// `[mm]` elapsed times count as time). `m` alone is a month or a minute, so it decides nothing.
    /// Only the first section (for positive numbers) counts.
    static func kind(ofFormatCode code: String) -> NumberKind {
        var hasDate = false
        var hasTime = false
        var inQuotes = false
        var inBracket = false
        var bracket = ""
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            if inBracket {
                if character == "]" {
                    inBracket = false
                    let inner = bracket.lowercased()
                    if !inner.isEmpty, inner.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { hasTime = true }
                    bracket = ""
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true
            case ";": return combine(hasDate, hasTime)
            case "y", "Y", "d", "D": hasDate = true
            case "h", "H", "s", "S": hasTime = true
            default: break
            }
        }
        return combine(hasDate, hasTime)
    }

    private static func combine(_ hasDate: Bool, _ hasTime: Bool) -> NumberKind {
        switch (hasDate, hasTime) {
        case (true, true): .dateTime
        case (true, false): .date
        case (false, true): .time
        case (false, false): .number
        }
    }
}
