/// One value of a settings file (JSON or YAML) with the place it was written, so that a wrong key or
/// value is reported at its `FILE:LINE:COLUMN`.
///
/// The YAML reader (Yams) and ``JSONSettingsParser`` both produce this tree; ``SettingsNode`` methods
/// then read it with one set of checks and messages for every settings file: an unknown key is an
/// error that lists the known ones, and every number goes through ``NumberCell`` with its allowed range.
public struct SettingsNode: Sendable, Hashable {
    /// What the node holds.
    public enum Value: Sendable, Hashable {
        /// `key: value` pairs in file order, each key with its own place.
        case mapping([Entry])
        case sequence([SettingsNode])
        /// A scalar as written (a number, a word, a quoted string): numbers are read from this text.
        case scalar(String)
        /// `null`, `~` or an empty YAML value.
        case null
    }

    /// One `key: value` pair of a mapping.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: SettingsNode

        public init(key: String, keyLocation: SourceLocation, value: SettingsNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
