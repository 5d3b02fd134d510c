public import JunhengCore

/// The registry file cannot be used: a missing column, an empty or repeated code, an unknown 类型 or 学段,
/// one school listed twice. Every problem of the file is gathered, each with its place.
public struct RegistryError: UserFacingError, Hashable {
    public struct Issue: Sendable, Hashable {
        public var location: SourceLocation
        public var message: LocalizedText

        public init(location: SourceLocation, message: LocalizedText) {
            self.location = location
            self.message = message
        }
    }

    public var issues: [Issue]

    public init(issues: [Issue]) {
        precondition(!issues.isEmpty, "a registry error names at least one problem")
        self.issues = issues
    }

    public var location: SourceLocation? { issues[0].location }
    public var message: LocalizedText { issues[0].message }

    public func lines(in language: Language) -> [String] {
        issues.map { Self.line($0.location, $0.message.text(language)) }
    }
}
