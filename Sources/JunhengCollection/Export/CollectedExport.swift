public import Foundation
public import JunhengQuestionnaire

/// Writes collected responses as a 问卷星 按选项文本 CSV file (``WjxTextLayout``): UTF-8 with a BOM so
/// Excel opens the Chinese correctly, CRLF line ends, fields quoted when they hold a comma, a quote or a
/// line break.
public enum CollectedExport {
    /// The whole CSV file for `responses` (in order of arrival); with `countyColumn`, a last column
    /// ``countyHeader`` names each response's county (the province's export of every county).
    public static func csv(survey: Questionnaire, responses: [CollectedResponse], countyColumn: Bool = false) -> Data {
        var out = Data([0xEF, 0xBB, 0xBF])
        for row in rows(survey: survey, responses: responses, countyColumn: countyColumn) { append(row, to: &out) }
        return out
    }

    /// The header of the county column.
    public static let countyHeader = "所属县（市、区）"

    /// The header and one row per response, as the CSV file and the workbook hold them. A response's 序号 is
    /// its number in the store, the one the admin page's deletion takes.
    public static func rows(survey: Questionnaire, responses: [CollectedResponse], countyColumn: Bool = false)
        -> [[String]]
    {
        let layout = WjxTextLayout(survey: survey)
        var rows = [layout.header + (countyColumn ? [countyHeader] : [])]
        rows.reserveCapacity(responses.count + 1)
        for (index, response) in responses.enumerated() {
            let row = layout.row(serial: response.id.map(Int.init) ?? index + 1, response)
            rows.append(row + (countyColumn ? [WjxTextLayout.safe(response.county ?? "")] : []))
        }
        return rows
    }

    /// One CSV line (with its CRLF).
    static func append(_ fields: [String], to out: inout Data) {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(",") }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                line.append("\"")
                line.append(field.replacingOccurrences(of: "\"", with: "\"\""))
                line.append("\"")
            } else {
                line.append(field)
            }
        }
        line.append("\r\n")
        out.append(contentsOf: line.utf8)
    }

    /// The physical lines a record takes in the file: 1 plus its line breaks inside quoted fields.
    static func lines(of fields: [String]) -> Int {
        1 + fields.reduce(0) { total, field in total + field.utf8.count { $0 == UInt8(ascii: "\n") } }
    }
}
