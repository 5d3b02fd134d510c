/// The one clean-up of text typed by hand into a spreadsheet or a 问卷星 export (DOMAIN.md §6): answers,
/// roster and monitoring cells, CSV headers and settings values all go through it, so `１ ２３４`, `1 234`
/// and `1,234` mean the same thing everywhere.
///
/// - Full-width ASCII forms (U+FF01–U+FF5E: `！`…`～`, digits `０`…`９`) become their ASCII forms.
/// - The ideographic space (U+3000), no-break space (U+00A0) and tabs become a space.
/// - ``cell(_:)`` trims spaces at both ends; ``compact(_:)`` removes every space (for matching headers
///   and option texts, where 问卷星 inserts spaces freely).
public enum HandTypedText {
    /// The cell with full-width forms made ASCII, odd spaces made plain, and both ends trimmed.
    ///
    /// Complexity: O(n); a cell that needs no change (the common case) is returned after one byte scan.
    public static func cell(_ text: some StringProtocol) -> String {
        if !needsWork(text) { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(ascii(scalar)) }
        return trimmed(String(scalars))
    }

    /// The text with full-width forms made ASCII and every space, tab and line break removed.
    public static func compact(_ text: some StringProtocol) -> String {
        if !needsWork(text) { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let mapped = ascii(scalar)
            if mapped.properties.isWhitespace { continue }
            scalars.append(mapped)
        }
        return String(scalars)
    }

    /// One scalar with its full-width form made ASCII and odd spaces made a plain space.
    public static func ascii(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000, 0x00A0, 0x09: " "
        default: scalar
        }
    }

    /// Whether `text` has anything ``cell(_:)`` or ``compact(_:)`` would change: an ASCII space or control
    /// character, DEL, or the lead byte of a full-width form (EF BC/BD xx), of U+3000 (E3 80 80), of U+00A0
    /// (C2 A0), or of other spaces (E2 80 xx).
    static func needsWork(_ text: some StringProtocol) -> Bool {
        func marks(_ byte: UInt8) -> Bool {
            byte <= 0x20 || byte == 0x7F || byte == 0xEF || byte == 0xE3 || byte == 0xC2 || byte == 0xE2
        }
        // A String's bytes are read in place (a generic walk of its UTF-8 view costs a call a byte).
        if let found = text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: marks) }) { return found }
        return text.utf8.contains(where: marks)
    }

    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = text.lastIndex(where: { !isSpace($0) })!
        return String(text[first...last])
    }

    /// The spelling a township or school name is compared by: ``compact(_:)`` with Arabic digits written
    /// as Chinese numerals, so `城关1小`, `城关 一小` and `城关一小` are one spelling. The registry check and
    /// the by-school tables use it alike.
    public static func nameKey(_ name: some StringProtocol) -> String {
        let digits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        return String(
            compact(name).map { character in
                if let value = character.asciiValue, (48...57).contains(value) { return digits[Int(value) - 48] }
                return character
            })
    }
}
