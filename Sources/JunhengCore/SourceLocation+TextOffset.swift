extension SourceLocation {
    /// The place of the character `offset` characters from the start of `text`: its 1-based line, and its
    /// 1-based column counted in Unicode scalars from the line's start (as libyaml counts its columns).
    /// An offset past the end is the place after the last character.
    ///
    /// For parsers that give a position instead of a line and column (libyaml's reader errors: a NUL byte,
    /// a character YAML does not allow), so that their errors carry a place like every other.
    public init(file: String, characterOffset offset: Int, in text: String) {
        var line = 1
        var column = 1
        for character in text.prefix(max(0, offset)) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.init(file: file, line: line, column: column)
    }
}
