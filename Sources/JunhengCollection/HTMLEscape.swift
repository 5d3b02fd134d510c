/// Escapes text for HTML, in element content and in quoted attribute values: the one escaping of every
/// page `junheng serve` and `junheng links` write, so what a respondent or a county typed (a school called
/// `<script>`) always stays text.
public enum HTMLEscape {
    /// `&`, `<`, `>`, `"` and `'` become entities; control characters other than tab and line feed become
    /// U+FFFD.
    public static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
