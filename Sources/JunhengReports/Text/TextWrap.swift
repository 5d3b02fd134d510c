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

    /// Punctuation after which a list breaks naturally (县教育局、县财政局).
    static let listPunctuation: Set<Character> = ["、", "，", "；", ";", ","]

    typealias Piece = (text: String, spaceBefore: Bool)

    /// The lines of `text`, each at most `width` columns (at least one character a line, so a width
    /// smaller than one wide character still makes progress). Empty text gives no lines.
    ///
    /// A line that overflows breaks at its last space rather than between two CJK characters, when that
    /// keeps the line at least two thirds full: "… and 校际差异率" breaks before 校际差异率, not inside it.
    /// A last line of a quarter of the width or less (a widow: "局", "人") takes the tail of the line
    /// before it from that line's last space or list mark (、，；), if that line stays half full.
    public static func lines(_ text: String, width: Int) -> [String] {
        var lines: [[Piece]] = []
        var line: [Piece] = []

        for piece in pieces(text) {
            if columns(line[...] + [piece]) <= width {
                line.append(piece)
                continue
            }
            if !line.isEmpty {
                // Prefer the last space of the line, if the line stays two thirds full.
                var keep = line.count
                if !piece.spaceBefore, let space = line.indices.last(where: { $0 > 0 && line[$0].spaceBefore }),
                    columns(line[..<space]) * 3 >= width * 2
                {
                    keep = space
                }
                lines.append(Array(line[..<keep]))
                line = Array(line[keep...])
                if !line.isEmpty, columns(line[...] + [piece]) <= width {
                    line.append(piece)
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = []
            }
            // A piece too wide for any line is cut by character. Only its first part keeps the space
            // before it (it matters if a widow's line later joins it).
            var rest = Substring(piece.text)
            var spaceBefore = piece.spaceBefore
            while TextWidth.columns(String(rest)) > width {
                var cut = rest.startIndex
                var cutWidth = 0
                while cut < rest.endIndex {
                    let next = TextWidth.columns(String(rest[cut]))
                    if cutWidth + next > width, cut > rest.startIndex { break }
                    cutWidth += next
                    cut = rest.index(after: cut)
                }
                lines.append([(String(rest[..<cut]), spaceBefore)])
                rest = rest[cut...]
                spaceBefore = false
            }
            if !rest.isEmpty { line = [(String(rest), spaceBefore)] }
        }
        if !line.isEmpty { lines.append(line) }

        // Widow: move the tail of the line before down, from its last natural break.
        if lines.count >= 2, columns(lines[lines.count - 1][...]) * 4 <= width {
            let previous = lines[lines.count - 2]
            let last = lines[lines.count - 1]
            let natural = previous.indices.filter { index in
                index > 0
                    && (previous[index].spaceBefore
                        || previous[index - 1].text.last.map(listPunctuation.contains) == true)
            }
            if let split = natural.last(where: { split in
                columns(previous[..<split]) * 2 >= width && columns(previous[split...] + last) <= width
            }) {
                lines[lines.count - 2] = Array(previous[..<split])
                lines[lines.count - 1] = Array(previous[split...]) + last
            }
        }
        return lines.map { joined($0[...]) }
    }

    /// Pieces joined with their spaces, none at the start.
    static func joined(_ pieces: ArraySlice<Piece>) -> String {
        var out = ""
        for piece in pieces { out += (piece.spaceBefore && !out.isEmpty ? " " : "") + piece.text }
        return out
    }

    static func columns(_ pieces: ArraySlice<Piece>) -> Int {
        TextWidth.columns(joined(pieces))
    }

    /// The unbreakable pieces of `text`, each with whether a space came before it.
    static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
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
