import Foundation
public import JunhengCore

/// Renders a ``ReportTable`` as terminal text, Markdown or CSV.
///
/// CSV is UTF-8 with a BOM (so Excel opens Chinese correctly) and every cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so Excel never runs it as a formula.
public struct TableRenderer: Sendable {
    public var language: Language

    public init(language: Language = .zh) {
        self.language = language
    }

    func texts(_ table: ReportTable) -> (header: [String], rows: [[String]]) {
        let header = table.columns.map { $0.label.text(language) }
        let rows = table.rows.map { row in
            row.enumerated().map { index, cell in
                let format = index < table.columns.count ? table.columns[index].format : .text
                return NumberText.cell(cell, format: format, language: language)
            }
        }
        return (header, rows)
    }

    // MARK: - Terminal

    /// A plain aligned table for the terminal; CJK characters count as two columns.
    public func terminal(_ table: ReportTable) -> String {
        let (header, rows) = texts(table)
        var widths = header.map(Self.displayWidth)
        for row in rows {
            for (index, text) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.displayWidth(text))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, text in
                text + String(repeating: " ", count: max(0, widths[index] - Self.displayWidth(text)))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = table.title.text(language) + "\n"
        out += line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        for note in table.notes { out += note.text(language) + "\n" }
        return out
    }

    /// Columns a string takes in a terminal: East Asian wide and full-width characters take two.
    public static func displayWidth(_ text: String) -> Int {
        TextWidth.columns(text)
    }

    // MARK: - Markdown

    public func markdown(_ table: ReportTable) -> String {
        let (header, rows) = texts(table)
        /// Pipes would split the cell, newlines the row, and `<` could open an HTML tag in a viewer.
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
                .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                .replacingOccurrences(of: "<", with: "&lt;")
        }
        var out = "### " + escape(table.title.text(language)) + "\n\n"
        out += "| " + header.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.format == .text ? " --- |" : " ---: |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        if !table.notes.isEmpty {
            out += "\n" + table.notes.map { escape($0.text(language)) }.joined(separator: "\n\n") + "\n"
        }
        return out
    }

    // MARK: - CSV

    /// CSV with a UTF-8 BOM and CRLF line ends, safe from formula injection.
    public func csv(_ table: ReportTable) -> String {
        let (header, rows) = texts(table)
        var out = "\u{FEFF}"
        out += header.map(Self.csvField).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map(Self.csvField).joined(separator: ",") + "\r\n" }
        return out
    }

    /// One CSV field: neutralised if Excel would read it as a formula, quoted if needed.
    ///
    /// A field starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, except a
    /// plain negative number such as `-3.5`, `-1e-3` or `-2.5%`, which Excel reads as the number it is.
    public static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            !isPlainNegativeNumber(value)
        {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    /// `-` then digits, an optional fraction, an optional exponent and an optional `%`; nothing else
    /// (not `-inf`, not hex, not `-1+2`).
    static func isPlainNegativeNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        guard scalars.first == "-" else { return false }
        scalars = scalars.dropFirst()
        func digits() -> Int {
            let count = scalars.prefix { ("0"..."9").contains($0) }.count
            scalars = scalars.dropFirst(count)
            return count
        }
        var mantissa = digits()
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        if scalars.first == "%" { scalars = scalars.dropFirst() }
        return scalars.isEmpty
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
