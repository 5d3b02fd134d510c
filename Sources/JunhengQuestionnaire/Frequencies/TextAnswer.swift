/// One free-text answer, listed only when asked for (`--answers`): answers are personal data.
public struct TextAnswer: Sendable, Hashable {
    public var file: String
    public var line: Int
    /// The 1-based column of the answer in its file.
    public var column: Int
    public var text: String

    public init(file: String, line: Int, column: Int, text: String) {
        self.file = file
        self.line = line
        self.column = column
        self.text = text
    }
}
