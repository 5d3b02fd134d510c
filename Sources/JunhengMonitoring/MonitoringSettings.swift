import Foundation
import JunhengCore
import Yams

/// How the quality monitoring is judged: cut scores per subject and grade, which reading of "reaches
/// Ⅲ" decides, and the thresholds (DOMAIN.md §3). Read from a YAML file such as
/// `sample-responses/monitoring-settings.yaml`; every field has a documented default.
public struct MonitoringSettings: Sendable, Hashable, Codable {
    /// The two readings of "students' level reaches Ⅲ or above" (DOMAIN.md §3, uncertain): both are
    /// always computed and shown; this picks the one that decides whether the bar is met.
    public enum Reading: String, Sendable, Hashable, Codable, CaseIterable {
        /// The county mean score falls in level Ⅲ or Ⅳ under the cut scores (the default).
        case meanLevel = "mean-level"
        /// The share of students at level Ⅲ or Ⅳ is at least ``MonitoringSettings/shareThreshold``.
        case share
    }

    /// The lowest scores of levels Ⅱ, Ⅲ and Ⅳ for one subject and grade.
    public struct CutScores: Sendable, Hashable, Codable {
        public var subject: String
        public var grade: Int
        /// `[Ⅱ, Ⅲ, Ⅳ]` lower bounds, strictly increasing: a score at a bound is in the higher level.
        public var from: [Double]

        public init(subject: String, grade: Int, from: [Double]) {
            self.subject = subject
            self.grade = grade
            self.from = from
        }

        /// The level of a score: Ⅳ at or above `from[2]`, Ⅲ at or above `from[1]`, Ⅱ at or above `from[0]`.
        public func level(of score: Double) -> ProficiencyLevel {
            if score >= from[2] { return .iv }
            if score >= from[1] { return .iii }
            if score >= from[0] { return .ii }
            return .i
        }
    }

    /// Which reading decides; default ``Reading/meanLevel``.
    public var decidingReading: Reading
    /// The share of students at Ⅲ+ that the share reading needs; default 0.5 (uncertain: no national
    /// figure is published, DOMAIN.md §3).
    public var shareThreshold: Double
    /// The 校际差异率 must be below this; default 0.15 (seed, indicator 9 / B31).
    public var differenceRateThreshold: Double
    public var cutScores: [CutScores]

    public static let defaultShareThreshold = 0.5
    public static let defaultDifferenceRateThreshold = 0.15

    public init(
        decidingReading: Reading = .meanLevel, shareThreshold: Double = Self.defaultShareThreshold,
        differenceRateThreshold: Double = Self.defaultDifferenceRateThreshold, cutScores: [CutScores] = []
    ) {
        self.decidingReading = decidingReading
        self.shareThreshold = shareThreshold
        self.differenceRateThreshold = differenceRateThreshold
        self.cutScores = cutScores
    }

    /// The cut scores for a subject and grade, if the settings give them.
    public func cutScores(subject: String, grade: MonitoringGrade) -> CutScores? {
        cutScores.first { MonitoringSubject.canonical($0.subject) == subject && $0.grade == grade.rawValue }
    }

    enum CodingKeys: String, CodingKey {
        case decidingReading = "deciding_reading"
        case shareThreshold = "share_threshold"
        case differenceRateThreshold = "difference_rate_threshold"
        case cutScores = "cut_scores"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        decidingReading = try container.decodeIfPresent(Reading.self, forKey: .decidingReading) ?? .meanLevel
        shareThreshold =
            try container.decodeIfPresent(Double.self, forKey: .shareThreshold) ?? Self.defaultShareThreshold
        differenceRateThreshold =
            try container.decodeIfPresent(Double.self, forKey: .differenceRateThreshold)
            ?? Self.defaultDifferenceRateThreshold
        cutScores = try container.decodeIfPresent([CutScores].self, forKey: .cutScores) ?? []
    }
}

// MARK: - Reading the YAML file

extension MonitoringSettings {
    /// Reads settings from YAML text and checks them.
    ///
    /// - Parameter file: the file name used in error messages.
    public static func parse(yaml: String, file: String) throws(MonitoringInputError) -> MonitoringSettings {
        let settings: MonitoringSettings
        do {
            settings = try YAMLDecoder().decode(MonitoringSettings.self, from: yaml)
        } catch let error as YamlError {
            throw MonitoringInputError(
                location: SourceLocation(file: file),
                message:
                    "这不是有效的 YAML 设置文件 (not valid YAML): \(error). 请对照 sample-responses/monitoring-settings.yaml 检查缩进和冒号。"
            )
        } catch {
            throw MonitoringInputError(
                location: SourceLocation(file: file),
                message:
                    "设置文件的内容不符合要求 (settings do not match the expected fields): \(Self.describe(error)). 可用字段: deciding_reading (mean-level 或 share), share_threshold, difference_rate_threshold, cut_scores (subject, grade, from: [Ⅱ, Ⅲ, Ⅳ 的最低分])."
            )
        }
        try settings.validate(file: file)
        return settings
    }

    /// Reads and checks a settings file.
    public static func load(path: String) throws(MonitoringInputError) -> MonitoringSettings {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw MonitoringInputError(
                location: SourceLocation(file: path), message: "无法读取设置文件 (cannot read the settings file): 请检查路径是否正确。")
        }
        return try parse(yaml: text, file: path)
    }

    func validate(file: String) throws(MonitoringInputError) {
        func fail(_ message: String) -> MonitoringInputError {
            MonitoringInputError(location: SourceLocation(file: file), message: message)
        }
        guard (0...1).contains(shareThreshold) else {
            throw fail("share_threshold 应在 0 到 1 之间 (a ratio such as 0.5), 现为 \(shareThreshold)。")
        }
        guard differenceRateThreshold > 0, differenceRateThreshold <= 1 else {
            throw fail("difference_rate_threshold 应在 0 到 1 之间 (e.g. 0.15), 现为 \(differenceRateThreshold)。")
        }
        var seen = Set<String>()
        for cut in cutScores {
            let subject = MonitoringSubject.canonical(cut.subject)
            guard MonitoringGrade(rawValue: cut.grade) != nil else {
                throw fail("cut_scores 中 \(subject) 的 grade 应为 4 或 8, 现为 \(cut.grade)。")
            }
            guard cut.from.count == 3, cut.from[0] < cut.from[1], cut.from[1] < cut.from[2] else {
                throw fail(
                    "cut_scores 中 \(subject) \(cut.grade) 年级的 from 应为三个递增的分数 [Ⅱ, Ⅲ, Ⅳ 的最低分], 现为 \(cut.from)。")
            }
            guard seen.insert("\(subject)#\(cut.grade)").inserted else {
                throw fail("cut_scores 中 \(subject) \(cut.grade) 年级出现了两次, 请只保留一条。")
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch decoding {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        @unknown default:
            return "\(error)"
        }
    }
}
