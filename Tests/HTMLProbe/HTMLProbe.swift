import Foundation

/// Reads the structure the HTML renderer promises (data-* attributes) back out of a page, with plain
/// regular expressions: enough for tests, no HTML parser needed. Shared by the reports and evaluation tests.
public enum HTMLProbe {
    /// The attributes of one start tag's attribute text (`class="a b" data-value="1"`), entities left as is.
    public static func attributes(_ text: Substring) -> [String: String] {
        var out: [String: String] = [:]
        for match in text.matches(of: #/([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/#) {
            out[String(match.1)] = String(match.2)
        }
        return out
    }

    /// The part of `html` from the element carrying `marker` to the first `end` after it.
    public static func element(_ html: String, marker: String, end: String) -> Substring? {
        guard let start = html.range(of: marker) else { return nil }
        guard let stop = html.range(of: end, range: start.upperBound..<html.endIndex) else { return nil }
        return html[start.lowerBound..<stop.upperBound]
    }

    /// The attributes of every `<tag …>` start tag in `html`, in order.
    public static func tags(_ tag: String, in html: Substring) -> [[String: String]] {
        var out: [[String: String]] = []
        var rest = html[...]
        let opening = "<" + tag
        while let range = rest.range(of: opening) {
            let after = rest[range.upperBound...]
            guard let next = after.first, next == " " || next == ">" || next == "/" else {
                rest = after
                continue
            }
            guard let close = after.firstIndex(of: ">") else { break }
            out.append(attributes(after[..<close]))
            rest = after[close...]
        }
        return out
    }

    /// How many times `needle` occurs in `haystack`.
    public static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// The text of each cell of a `data-table` table, row by row, as column key → text (tags removed, the
    /// five escaped characters read back).
    public static func tableTexts(_ html: String, table id: String) -> [[String: String]] {
        guard let table = element(html, marker: "data-table=\"\(id)\"", end: "</table>") else { return [] }
        var rows: [[String: String]] = []
        for row in table.components(separatedBy: "<tr data-row=").dropFirst() {
            var cells: [String: String] = [:]
            for match in row.matches(of: #/<td[^>]*data-key="([^"]*)"[^>]*>(.*?)</td>/#) {
                cells[String(match.1)] = text(String(match.2))
            }
            rows.append(cells)
        }
        return rows
    }

    /// Markup without its tags, entities read back.
    public static func text(_ markup: String) -> String {
        markup.replacing(#/<[^>]*>/#, with: "").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The cells of a `data-table` table, row by row, as column key → attributes.
    public static func tableRows(_ html: String, table id: String) -> [[String: [String: String]]] {
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
