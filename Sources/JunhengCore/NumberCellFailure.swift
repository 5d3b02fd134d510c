/// Why a cell is not a usable number, with a message in both languages (see ``NumberCell``).
public enum NumberCellFailure: Error, Sendable, Hashable {
    case empty
    case tooLong(Int)
    case notANumber(String)
    /// Beyond what a `Double` holds (`1e309`, or 400 digits).
    case tooLarge(String)
    case notWhole(Double)
    case outOfRange(Double, ClosedRange<Double>)

    /// What is wrong with the value, for a message that already names the file, line, column and field.
    public var message: LocalizedText {
        switch self {
        case .empty:
            LocalizedText(zh: "为空，应填数字", en: "is empty; a number is expected")
        case .tooLong(let count):
            LocalizedText(
                zh: "长达 \(count) 个字符，不像一个数字", en: "is \(count) characters long, which is not a number")
        case .notANumber(let text):
            LocalizedText(
                zh: "“\(Self.excerpt(text))”不是数字", en: "\"\(ProperName.mark(Self.excerpt(text)))\" is not a number")
        case .tooLarge(let text):
            LocalizedText(
                zh: "“\(Self.excerpt(text))”超出可计算的范围",
                en: "\"\(ProperName.mark(Self.excerpt(text)))\" is too large to compute with")
        case .notWhole(let value):
            LocalizedText(zh: "\(Self.plain(value)) 不是整数", en: "\(Self.plain(value)) is not a whole number")
        case .outOfRange(let value, let range):
            LocalizedText(
                zh: "\(Self.plain(value)) 超出允许范围 \(Self.plain(range.lowerBound))～\(Self.plain(range.upperBound))",
                en:
                    "\(Self.plain(value)) is outside the allowed range \(Self.plain(range.lowerBound))–\(Self.plain(range.upperBound))"
            )
        }
    }

    /// At most 20 characters of what the user typed, so a huge cell does not flood the terminal.
    static func excerpt(_ text: String) -> String {
        text.count <= 20 ? text : String(text.prefix(20)) + "…"
    }

    /// A number as plain text: whole numbers without `.0`, others as Swift prints them.
    static func plain(_ value: Double) -> String {
        if let whole = NumberCell.wholeNumber(value), abs(value) < 1e15 { return String(whole) }
        return "\(value)"
    }
}
