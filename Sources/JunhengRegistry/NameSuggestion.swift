import JunhengCore

/// The nearest names to a name that is not in a list: what a data officer most likely meant.
///
/// Names are compared by their ``key(_:)`` (spaces removed, full-width forms made ASCII, Arabic digits
/// written as Chinese numerals, so `城关1小` and `城关一小` are one spelling). A candidate is near when
/// - it is **one character off**: one character added, dropped or changed (Levenshtein distance 1 on
///   characters: 城关第一小学 → 城关镇第一小学);
/// - one is an **abbreviation** of the other: the shorter one's characters (at least two) appear in
///   order in the longer one and both start with the same character (城关一小 → 城关镇第一小学), or,
///   among the schools of the same township, in order anywhere (一小 → 城关镇第一小学);
/// - for townships, the two have the same **stem** once 镇, 乡, 街道 or 办事处 is taken off the end
///   (城关 → 城关镇, 城关街道 → 城关镇).
///
/// One character off is nearer than an abbreviation; among abbreviations, the candidate closest in
/// length is nearest. Every candidate at the nearest rank is given (at most three), in list order, so a
/// tie is never settled silently.
public enum NameSuggestion {
    /// The spelling names are compared by.
    public static func key(_ name: String) -> String { HandTypedText.nameKey(name) }

    /// The nearest of `candidates` to `name` (none when nothing is near).
    /// - Parameters:
    ///   - local: the candidates in the same township, which also match an abbreviation that does not start
    ///     like them (一小 → 城关镇第一小学).
    ///   - townships: compare as township names (the stem rule applies).
    public static func nearest(
        to name: String, among candidates: [String], local: Set<String> = [], townships: Bool = false
    ) -> [String] {
        let typed = Array(key(name))
        guard !typed.isEmpty else { return [] }
        var ranked: [(rank: Int, name: String)] = []
        var seen: Set<String> = []
        for candidate in candidates where seen.insert(candidate).inserted {
            let other = Array(key(candidate))
            guard other != typed else { continue }
            if let rank = rank(typed, other, local: local.contains(candidate), townships: townships) {
                ranked.append((rank, candidate))
            }
        }
        guard let best = ranked.map(\.rank).min() else { return [] }
        return Array(ranked.filter { $0.rank == best }.map(\.name).prefix(3))
    }

    /// 0 for one character off or the same stem; 1 + the difference in length for an abbreviation;
    /// `nil` when not near.
    static func rank(_ typed: [Character], _ other: [Character], local: Bool, townships: Bool) -> Int? {
        if withinOneEdit(typed, other) { return 0 }
        if townships, stem(typed) == stem(other), !stem(typed).isEmpty { return 0 }
        let (short, long) = typed.count <= other.count ? (typed, other) : (other, typed)
        guard short.count >= 2, short.count < long.count, isSubsequence(short, of: long) else { return nil }
        guard local || short.first == long.first else { return nil }
        return 1 + long.count - short.count
    }

    /// Whether one insertion, deletion or substitution (or none) turns `a` into `b`.
    static func withinOneEdit(_ a: [Character], _ b: [Character]) -> Bool {
        if abs(a.count - b.count) > 1 { return false }
        var i = 0
        var j = 0
        var edits = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count {
                i += 1
            } else if a.count < b.count {
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }

    static func isSubsequence(_ short: [Character], of long: [Character]) -> Bool {
        var index = long.startIndex
        for character in short {
            guard let found = long[index...].firstIndex(of: character) else { return false }
            index = found + 1
        }
        return true
    }

    /// A township's name without its 镇, 乡, 街道, 街道办事处 or 办事处.
    static func stem(_ name: [Character]) -> [Character] {
        let text = String(name)
        for suffix in ["街道办事处", "办事处", "街道", "镇", "乡"] where text.hasSuffix(suffix) && text.count > suffix.count {
            return Array(text.dropLast(suffix.count))
        }
        return name
    }
}
