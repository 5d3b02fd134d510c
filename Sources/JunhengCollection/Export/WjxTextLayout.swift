import Crypto
public import Foundation
public import JunhengQuestionnaire

/// Collected responses laid out as 问卷星's 按选项文本 download (DOMAIN.md §5), so that `junheng
/// satisfaction` and the county report read them by the same code as a download from 问卷星:
///
/// - metadata columns `序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP`: the time `2024/5/20 14:22:55`
///   in China Standard Time (UTC+8, whatever the server's zone, so the same store always gives the same
///   file), 所用时间 `136秒`, and in place of the IP address its HMAC (the address is never kept) followed
///   by `#` and a digest of the form token (``senderCell(_:)``): a collected response is one per form token,
///   so two people behind one address who answer alike are two responses, and the "same answers and IP"
///   screen, which stays for 问卷星's own downloads, never takes one of them for the other's copy;
/// - one column `N、题干` per question; a matrix as `N、题干—第一行` followed by one column per further row
///   headed with the row's text;
/// - cells: the option text; a multiple choice's options joined by `┋`; a typed "other" text after its
///   option as `〖…〗`; `(跳过)` for a question left blank.
///
/// Typed text is kept as typed except where it would change how a cell is read back: `┋`, `〖` and `〗`
/// inside an "other" text become `|`, `【` and `】`; a cell starting with `=`, `+`, `-` or `@` gets a
/// leading `'` so Excel never runs it as a formula.
public struct WjxTextLayout: Sendable {
    public let survey: Questionnaire

    public init(survey: Questionnaire) {
        self.survey = survey
    }

    /// The header row.
    public var header: [String] {
        var header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
        for question in survey.questions {
            if question.type == .matrix {
                for (index, row) in question.rows.enumerated() {
                    header.append(index == 0 ? "\(question.number)、\(question.text)—\(row.text)" : row.text)
                }
            } else {
                header.append("\(question.number)、\(question.text)")
            }
        }
        return header
    }

    /// The cells of one response, `serial` being its 序号 (1, 2, … in order of arrival).
    public func row(serial: Int, _ response: CollectedResponse) -> [String] {
        var cells = [
            String(serial), Self.timestamp(response.submittedAt), "\(response.seconds)秒", "junheng",
            Self.sourceDetail(response.link), Self.senderCell(response),
        ]
        let answers = response.answers
        for question in survey.questions {
            switch question.type {
            case .matrix:
                for row in question.rows {
                    cells.append(answers[FormRules.rowField(question, row)].first.map(Self.safe) ?? Self.skipped)
                }
            case .text:
                cells.append(answers[question.id].first.map(Self.safe) ?? Self.skipped)
            case .single, .scale, .multiple:
                let chosen = answers[question.id]
                if chosen.isEmpty {
                    cells.append(Self.skipped)
                    continue
                }
                let other = answers[FormRules.otherField(question)].first
                let parts = chosen.map { text -> String in
                    guard let other, let option = question.options.first(where: { $0.text == text }),
                        FormRules.takesOtherText(option)
                    else { return text }
                    return text + "〖" + Self.otherText(other) + "〗"
                }
                cells.append(Self.safe(parts.joined(separator: "┋")))
            }
        }
        return cells
    }

    // MARK: - Cells

    /// What 问卷星 writes for a question not answered.
    public static let skipped = "(跳过)"

    /// China Standard Time, UTC+8 (no daylight saving).
    static let chinaTime = TimeZone(secondsFromGMT: 8 * 3600)!

    /// `2024/5/20 14:22:55`, as 问卷星 writes 提交答卷时间, in UTC+8.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = chinaTime
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(c.year ?? 0)/\(c.month ?? 0)/\(c.day ?? 0) \(c.hour ?? 0):\(two(c.minute)):\(two(c.second))"
    }

    /// 来自IP of a collected response: the HMAC of the address, `#`, and the first 12 hex digits of the
    /// SHA-256 of its form token. One response per token is the store's rule; the cell keeps the address's
    /// HMAC readable (how many came from one address) while no two responses share it.
    public static func senderCell(_ response: CollectedResponse) -> String {
        let digest = SHA256.hash(data: Data(response.token.utf8)).prefix(6)
        return response.ipHMAC + "#" + digest.map { String(format: "%02x", $0) }.joined()
    }

    /// 来源详情: the link's township and school, or 公开链接 (the questionnaire's open address).
    static func sourceDetail(_ link: LinkAnswers) -> String {
        let parts = [link.township, link.school].compactMap { $0 }
        return parts.isEmpty ? "公开链接" : safe(parts.joined(separator: "/"))
    }

    /// An "other" text that cannot be mistaken for the `┋` and `〖…〗` around it.
    static func otherText(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "┋": out.append("|")
            case "〖": out.append("【")
            case "〗": out.append("】")
            default: out.append(character)
            }
        }
        return out
    }

    /// A cell Excel will not run as a formula.
    public static func safe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
