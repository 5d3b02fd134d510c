/// An error caused by the user's data or arguments (bad data throws; broken invariants trap).
///
/// Every such error says where it applies and what to do, in a sentence a data officer can act on, in
/// the language the user chose (Chinese by default, English with `--lang en`). The command line prints
/// each line as `junheng: FILE:LINE:COLUMN: message`.
public protocol UserFacingError: Error, CustomStringConvertible, Sendable {
    /// Where the problem is, if it is in a file.
    var location: SourceLocation? { get }
    /// What is wrong and what to do about it, in both languages.
    var message: LocalizedText { get }
    /// Every line to show, each `FILE:LINE:COLUMN: message` (several when one error gathers many problems).
    func lines(in language: Language) -> [String]
}

extension UserFacingError {
    /// One line: `FILE:LINE:COLUMN: message`, or just the message when there is no place.
    public func lines(in language: Language) -> [String] {
        [Self.line(location, message.text(language))]
    }

    /// The lines of ``lines(in:)`` joined by newlines.
    public func rendered(in language: Language) -> String {
        lines(in: language).joined(separator: "\n")
    }

    /// The Chinese rendering (the default language), for logs and debugging.
    public var description: String { rendered(in: .zh) }

    /// `FILE:LINE:COLUMN: text`, or `text` when there is no place.
    public static func line(_ location: SourceLocation?, _ text: String) -> String {
        if let location { return "\(location): \(text)" }
        return text
    }
}
