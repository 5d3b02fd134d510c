import Foundation
public import JunhengCore

/// What one header cell of a 问卷星 export is (DOMAIN.md §5), before it is matched to a question.
enum WjxHeader: Sendable, Hashable {
    /// 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, 用户ID, 总分, 昵称, ….
    case metadata(WjxMetadata)
    /// `N、题干`, tags and the number removed (`number` is nil when the header has no number).
    case question(number: Int?, text: String)
    /// A number-mode 0/1 column for one option: `第N题(选项)` or `N、(选项)`.
    case option(number: Int, option: String)
    /// A matrix first column `N、题干—行1`.
    case matrixFirst(number: Int?, text: String, row: String)

    /// Classifies one header cell.
    static func classify(_ raw: String) -> WjxHeader {
        let normalized = HandTypedText.compact(raw)
        if let metadata = WjxMetadata(header: normalized) { return .metadata(metadata) }
        // 第N题(选项)
        if normalized.hasPrefix("第"), let ti = normalized.firstIndex(of: "题"),
            let number = questionNumber(normalized[normalized.index(after: normalized.startIndex)..<ti]),
            normalized[normalized.index(after: ti)...].first == "(", normalized.last == ")"
        {
            let inner = normalized[normalized.index(ti, offsetBy: 2)..<normalized.index(before: normalized.endIndex)]
            return .option(number: number, option: String(inner))
        }
        // N、… / N. …
        var number: Int?
        var rest = Substring(normalized)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let separator = rest.dropFirst(digits.count).first,
            separator == "、" || separator == "." || separator == "," || separator == "．"
        {
            number = questionNumber(digits)
            rest = rest.dropFirst(digits.count + 1)
        }
        if let number, rest.first == "(", rest.last == ")" {
            return .option(number: number, option: String(rest.dropFirst().dropLast()))
        }
        let text = WjxText.stripTags(String(rest))
        if let dash = text.firstIndex(of: "—") {
            let stem = String(text[..<dash])
            let row = String(text[text.index(after: dash)...]).replacingOccurrences(of: "—", with: "")
            return .matrixFirst(number: number, text: stem, row: row)
        }
        return .question(number: number, text: text)
    }

    /// The largest question number a header may carry; beyond it the digits are not a question number.
    static let largestQuestionNumber = 100_000

    /// A header's question number: ASCII digits only, read by the checked reader (``NumberCell``), so a
    /// number too large for any questionnaire is no number rather than a trap.
    static func questionNumber(_ digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return try? NumberCell.integer(digits, in: 0...largestQuestionNumber).get()
    }
}

/// The metadata columns 问卷星 writes before the answers; their order varies, so they are matched by name.
public enum WjxMetadata: String, Sendable, Hashable, Codable, CaseIterable {
    case serial = "序号"
    case submitted = "提交答卷时间"
    case duration = "所用时间"
    case source = "来源"
    case sourceDetail = "来源详情"
    case ip = "来自IP"
    case userID = "用户ID"
    case totalScore = "总分"
    case nickname = "昵称"
    case answerNumber = "答卷编号"

    /// The field's name: 问卷星's column name in Chinese, its meaning in English.
    public var label: LocalizedText {
        let english =
            switch self {
            case .serial: "serial number"
            case .submitted: "submitted at"
            case .duration: "time taken"
            case .source: "source"
            case .sourceDetail: "source detail"
            case .ip: "IP address"
            case .userID: "user id"
            case .totalScore: "total score"
            case .nickname: "nickname"
            case .answerNumber: "answer number"
            }
        return LocalizedText(zh: rawValue, en: english)
    }

    init?(header normalized: String) {
        let text = normalized.lowercased()
        switch text {
        case "序号", "编号": self = .serial
        case "提交答卷时间", "提交时间", "答题时间", "开始时间": self = .submitted
        case "所用时间", "答题时长", "填写用时", "所用时长": self = .duration
        case "来源", "来源渠道": self = .source
        case "来源详情": self = .sourceDetail
        case "来自ip", "ip", "ip地址", "来源ip": self = .ip
        case "用户id", "用户名", "微信openid": self = .userID
        case "总分": self = .totalScore
        case "昵称", "微信昵称": self = .nickname
        case "答卷编号", "答卷id": self = .answerNumber
        default: return nil
        }
    }
}
