/// Escapes text for HTML and inline SVG, in element content and in quoted attribute values: the one
/// escaping of every page junheng writes (the report, and the forms, admin page and QR sheet of
/// `junheng serve` and `junheng links`).
public enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` become entities; control characters that HTML forbids become U+FFFD,
    /// so user-supplied names (a school called `<script>`) always stay text.
    public static func escape(_ text: String) -> String {
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
            case "\r": out += "\n"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A stable identifier for an `id` attribute: letters, digits, `-` and `_` kept (CJK included),
    /// everything else becomes `-`.
    static func identifier(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else {
                out += "-"
            }
        }
        return out.isEmpty ? "-" : out
    }

    /// A CSS string literal (`"…"`) holding `text`: quotes and backslashes escaped, line breaks and `<` as
    /// hex escapes, so no text can end the string or the style element.
    public static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\3C "
            case "\n", "\r", "\u{0C}": out += "\\A "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
