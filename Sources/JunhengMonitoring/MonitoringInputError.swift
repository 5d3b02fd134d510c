public import JunhengCore

/// Bad monitoring input: a missing column, a cell that cannot be read, a settings file that does not fit.
///
/// When several rows are bad, ``location`` is the first and ``others`` lists the rest, so the user can
/// fix the whole file in one pass.
public struct MonitoringInputError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText
    /// Further problems of the same file, each with its own place.
    public var others: [MonitoringInputError]

    public init(location: SourceLocation?, message: LocalizedText, others: [MonitoringInputError] = []) {
        self.location = location
        self.message = message
        self.others = others
    }

    /// Every problem, one per line, `FILE:LINE:COL: message`.
    public func lines(in language: Language) -> [String] {
        let first = Self.line(location, message.text(language))
        guard !others.isEmpty else { return [first] }
        let limit = 30
        var lines = [first] + others.prefix(limit).flatMap { $0.lines(in: language) }
        if others.count > limit {
            let more = others.count - limit
            lines.append(LocalizedText(zh: "… 另有 \(more) 处问题", en: "… and \(more) more").text(language))
        }
        return lines
    }

    /// One error for a list of problems (the first carries the location), or `nil` for none.
    static func combine(_ problems: [MonitoringInputError]) -> MonitoringInputError? {
        guard var first = problems.first else { return nil }
        first.others = Array(problems.dropFirst())
        return first
    }
}
