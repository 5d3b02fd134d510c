public import Foundation
public import JunhengQuestionnaire

/// Writes collected responses as a 问卷星 按选项文本 CSV file (``WjxTextLayout``): UTF-8 with a BOM so
/// Excel opens the Chinese correctly, CRLF line ends, fields quoted when they hold a comma, a quote or a
/// line break.
public enum CollectedExport {
    /// The whole CSV file for `responses` (in order of arrival).
    public static func csv(survey: Questionnaire, responses: [CollectedResponse]) -> Data {
        let layout = WjxTextLayout(survey: survey)
        var out = Data([0xEF, 0xBB, 0xBF])
        append(layout.header, to: &out)
        for (index, response) in responses.enumerated() {
            append(layout.row(serial: index + 1, response), to: &out)
        }
        return out
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
