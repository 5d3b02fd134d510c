/// Hands out Excel sheet names: at most 31 characters, none of `[ ] : * ? / \`, no leading or trailing
/// apostrophe, not the reserved `History`, and unique ignoring case (as Excel compares them).
struct SheetNames {
    static let maxLength = 31
    private var taken: Set<String> = []

    init() {}

    /// A valid, unused name close to `preferred`, else to `fallback`, else `Sheet`; ` (2)`, ` (3)` …
    /// appended when the name is taken.
    mutating func make(_ preferred: String, fallback: String) -> String {
        var base = Self.clean(preferred)
        if base.isEmpty { base = Self.clean(fallback) }
        if base.isEmpty { base = "Sheet" }
        if base.lowercased() == "history" { base += "_" }
        var candidate = base
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(counter))"
            candidate = Self.truncate(base, to: Self.maxLength - suffix.utf16.count) + suffix
            counter += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// Forbidden characters become `_`, control characters go, spaces and apostrophes are trimmed from
    /// the ends, and the result is cut to 31 UTF-16 units on a character boundary.
    static func clean(_ text: String) -> String {
        var out = ""
        for character in text {
            if "[]:*?/\\".contains(character) {
                out.append("_")
            } else if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
                out.append(character)
            }
        }
        out = trimmed(out)
        out = truncate(out, to: maxLength)
        return trimmed(out)
    }

    static func trimmed(_ text: String) -> String {
        var out = Substring(text)
        while let first = out.first, first == " " || first == "'" { out = out.dropFirst() }
        while let last = out.last, last == " " || last == "'" { out = out.dropLast() }
        return String(out)
    }

    /// The longest prefix of whole characters that fits `limit` UTF-16 units (Excel's count).
    static func truncate(_ text: String, to limit: Int) -> String {
        var out = ""
        var length = 0
        for character in text {
            let next = String(character).utf16.count
            if length + next > limit { break }
            out.append(character)
            length += next
        }
        return out
    }
}
