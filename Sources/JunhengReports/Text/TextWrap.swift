/// Wraps text into lines of at most a given number of terminal columns (``TextWidth/columns(_:)``),
/// the way Chinese and English are set: a line may break at a space, or before or after a wide (CJK)
/// character, but never before closing punctuation (、，。）% …) nor after an opening bracket, and never
/// inside a run of narrow characters such as "0.45" or "B11". A piece wider than the whole line is cut
/// by character. Spaces at a break are dropped. Deterministic: no locale, no font.
public enum TextWrap {
    /// Punctuation that must not begin a line.
    static let closing: Set<Character> = [
        "、", "，", "。", "；", "：", "）", "」", "』", "】", "！", "？", "》", ",", ".", ";", ":", ")", "]", "%", "‰",
    ]
    /// Brackets that must not end a line.
    static let opening: Set<Character> = ["（", "「", "『", "【", "《", "(", "["]

    static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.contains { TextWidth.isWide($0) }
    }

    /// The lines of `text`, each at most `width` columns (at least one character a line, so a width
    /// smaller than one wide character still makes progress). Empty text gives no lines.
    ///
    /// A line that overflows breaks at its last space rather than between two CJK characters, when that
    /// keeps the line at least two thirds full: "… and 校际差异率" breaks before 校际差异率, not inside it.
    public static func lines(_ text: String, width: Int) -> [String] {
        typealias Piece = (text: String, spaceBefore: Bool)
        var lines: [String] = []
        var line: [Piece] = []

        func joined(_ pieces: ArraySlice<Piece>) -> String {
            var out = ""
            for piece in pieces { out += (piece.spaceBefore && !out.isEmpty ? " " : "") + piece.text }
            return out
        }

        for piece in pieces(text) {
            if TextWidth.columns(joined(line[...] + [piece])) <= width {
                line.append(piece)
                continue
            }
            if !line.isEmpty {
                // Prefer the last space of the line, if the line stays two thirds full.
                var keep = line.count
                if !piece.spaceBefore, let space = line.indices.last(where: { $0 > 0 && line[$0].spaceBefore }),
                    TextWidth.columns(joined(line[..<space])) * 3 >= width * 2
                {
                    keep = space
                }
                lines.append(joined(line[..<keep]))
                line = Array(line[keep...])
                if !line.isEmpty, TextWidth.columns(joined(line[...] + [piece])) <= width {
                    line.append(piece)
                    continue
                }
                if !line.isEmpty { lines.append(joined(line[...])) }
                line = []
            }
            // A piece too wide for any line is cut by character.
            var rest = Substring(piece.text)
            while TextWidth.columns(String(rest)) > width {
                var cut = rest.startIndex
                var cutWidth = 0
                while cut < rest.endIndex {
                    let next = TextWidth.columns(String(rest[cut]))
                    if cutWidth + next > width, cut > rest.startIndex { break }
                    cutWidth += next
                    cut = rest.index(after: cut)
                }
                lines.append(String(rest[..<cut]))
                rest = rest[cut...]
            }
            if !rest.isEmpty { line = [(String(rest), false)] }
        }
        if !line.isEmpty { lines.append(joined(line[...])) }
        return lines
    }

    /// The unbreakable pieces of `text`, each with whether a space came before it.
    static func pieces(_ text: String) -> [(text: String, spaceBefore: Bool)] {
        var pieces: [(text: String, spaceBefore: Bool)] = []
        var current = ""
        var currentSpaceBefore = false
        var pendingSpace = false
        var previous: Character?
        for character in text {
            if character.isWhitespace {
                if !current.isEmpty { pieces.append((current, currentSpaceBefore)) }
                current = ""
                pendingSpace = true
                previous = nil
                continue
            }
            if !current.isEmpty, let previous, canBreak(between: previous, and: character) {
                pieces.append((current, currentSpaceBefore))
                current = ""
            }
            if current.isEmpty {
                currentSpaceBefore = pendingSpace
                pendingSpace = false
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { pieces.append((current, currentSpaceBefore)) }
        return pieces
    }

    /// A break between two characters is allowed next to a wide character, unless the second closes or
    /// the first opens.
    static func canBreak(between first: Character, and second: Character) -> Bool {
        guard isWide(first) || isWide(second) else { return false }
        return !closing.contains(second) && !opening.contains(first)
    }
}
