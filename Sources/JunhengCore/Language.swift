/// The language of every label a report shows: Chinese by default, English with `--lang en`.
public enum Language: String, Sendable, Codable, CaseIterable {
    case zh
    case en
}
