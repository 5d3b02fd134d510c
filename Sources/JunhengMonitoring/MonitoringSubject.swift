import JunhengCore

/// The subjects (学科/领域) of the national quality monitoring, and the names a county file may use
/// for them (DOMAIN.md §3).
public enum MonitoringSubject {
    /// The nine areas of the 2021 plan (the six of the 2015 plan among them), in the order reports list them.
    public static let known = ["数学", "语文", "英语", "科学", "体育与健康", "艺术", "德育", "心理健康", "劳动"]

    static let aliases: [String: String] = [
        "体育": "体育与健康", "体育健康": "体育与健康", "心理": "心理健康", "劳动教育": "劳动",
        "道德与法治": "德育", "品德": "德育", "音乐美术": "艺术", "外语": "英语",
    ]

    /// The canonical name of a subject: known aliases (体育 → 体育与健康) are mapped; other names are kept
    /// as written, trimmed.
    public static func canonical(_ text: String) -> String {
        let cleaned = HandTypedText.compact(text)
        return aliases[cleaned] ?? cleaned
    }

    /// A stable order: known subjects in plan order, then others by name.
    public static func sortKey(_ subject: String) -> (Int, String) {
        (known.firstIndex(of: subject) ?? known.count, subject)
    }

    /// English names for the known subjects (others are shown as written).
    public static func englishName(_ subject: String) -> String {
        switch subject {
        case "数学": "mathematics"
        case "语文": "Chinese"
        case "英语": "English"
        case "科学": "science"
        case "体育与健康": "physical education and health"
        case "艺术": "arts"
        case "德育": "moral education"
        case "心理健康": "mental health"
        case "劳动": "labour education"
        default: subject
        }
    }
}
