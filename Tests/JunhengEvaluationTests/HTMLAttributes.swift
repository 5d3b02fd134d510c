import Foundation

/// Reads the `data-*` attributes the HTML renderer promises back out of a page (plain text search:
/// enough for tests, no HTML parser).
enum HTMLAttributes {
    static func attributes(_ text: Substring) -> [String: String] {
        var out: [String: String] = [:]
        for match in text.matches(of: #/([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/#) {
            out[String(match.1)] = String(match.2)
        }
        return out
    }

    /// The text from the element whose start tag contains `marker` up to `end`.
    static func element(_ html: String, marker: String, end: String) -> Substring? {
        guard let start = html.range(of: marker) else { return nil }
        guard let stop = html.range(of: end, range: start.upperBound..<html.endIndex) else { return nil }
        return html[start.lowerBound..<stop.upperBound]
    }

    /// The attributes of every `<tag …>` start tag, in order.
    static func tags(_ tag: String, in html: Substring) -> [[String: String]] {
        var out: [[String: String]] = []
        var rest = html[...]
        while let range = rest.range(of: "<" + tag) {
            let after = rest[range.upperBound...]
            guard let next = after.first, next == " " || next == ">" else {
                rest = after
                continue
            }
            guard let close = after.firstIndex(of: ">") else { break }
            out.append(attributes(after[..<close]))
            rest = after[close...]
        }
        return out
    }

    /// The cells of a `data-table` table, row by row, as column key → attributes.
    static func tableRows(_ html: String, table id: String) -> [[String: [String: String]]] {
        guard let table = element(html, marker: "data-table=\"\(id)\"", end: "</table>") else { return [] }
        var rows: [[String: [String: String]]] = []
        for row in table.components(separatedBy: "<tr data-row=").dropFirst() {
            var cells: [String: [String: String]] = [:]
            for cell in tags("td", in: row[...]) {
                if let key = cell["data-key"] { cells[key] = cell }
            }
            rows.append(cells)
        }
        return rows
    }

}

/// The parts of the area JSON the tests compare, decoded with JSONDecoder (which reads numbers exactly;
/// Foundation's JSONSerialization on Linux can be off in the last digit).
struct ResourcesJSON: Decodable {
    struct Indicator: Decodable {
        var cv: Double?
        var countyValue: Double?

        enum CodingKeys: String, CodingKey {
            case cv
            case countyValue = "county_value"
        }
    }
    var indicators: [Indicator]
}

struct SatisfactionJSONShape: Decodable {
    struct Cell: Decodable {
        var key: [String]?
        var rate: Double?
    }
    var overall: Cell
    var groups: [Cell]
}

struct MonitoringJSON: Decodable {
    struct Result: Decodable {
        var year: Int
        var grade: Int
        var subject: String
        var icc: Double?
        var shareIIIPlus: Double?

        enum CodingKeys: String, CodingKey {
            case year, grade, subject, icc
            case shareIIIPlus = "share_iii_plus"
        }
    }
    var results: [Result]
}

func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}
