import Foundation
public import JunhengCore
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

    enum CodingKeys: String, CodingKey, CaseIterable {
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
    /// Reads settings from YAML text and checks them: an unknown key, a value of the wrong kind or out of
    /// its range is an error at its `FILE:LINE:COLUMN`; keys left out keep their defaults.
    ///
    /// - Parameter file: the file name used in error messages.
    public static func parse(yaml: String, file: String) throws(SettingsError) -> MonitoringSettings {
        let root = try YAMLSettingsDocument.parse(yaml, file: file)
        var settings = MonitoringSettings()
        let keys = try root.settingsFile(allowed: CodingKeys.allCases.map(\.rawValue))
        if let node = keys[CodingKeys.decidingReading.rawValue] {
            let text = try node.text(what: "deciding_reading")
            guard let reading = Reading(rawValue: text) else {
                throw node.fail(
                    LocalizedText(
                        zh: "deciding_reading 应为 mean-level 或 share，现为“\(text)”",
                        en: "deciding_reading must be mean-level or share, not \"\(text)\""))
            }
            settings.decidingReading = reading
        }
        if let node = keys[CodingKeys.shareThreshold.rawValue] {
            settings.shareThreshold = try node.decimal(what: "share_threshold", in: 0...1)
        }
        if let node = keys[CodingKeys.differenceRateThreshold.rawValue] {
            settings.differenceRateThreshold = try node.decimal(what: "difference_rate_threshold", in: 0.001...1)
        }
        if let node = keys[CodingKeys.cutScores.rawValue] {
            var seen: [String: SourceLocation] = [:]
            for element in try node.sequence(what: "cut_scores") {
                let cut = try cutScores(element)
                let key = "\(cut.subject)#\(cut.grade)"
                if let earlier = seen[key] {
                    throw element.fail(
                        LocalizedText(
                            zh: "cut_scores 中 \(cut.subject) \(cut.grade) 年级出现了两次（另见第 \(earlier.line ?? 0) 行）；请只保留一条",
                            en:
                                "cut_scores has \(cut.subject) grade \(cut.grade) twice (also line \(earlier.line ?? 0)); keep one"
                        ))
                }
                seen[key] = element.location
                settings.cutScores.append(cut)
            }
        }
        return settings
    }

    /// One `{subject, grade, from: [Ⅱ, Ⅲ, Ⅳ]}` entry of `cut_scores`.
    static func cutScores(_ node: SettingsNode) throws(SettingsError) -> CutScores {
        let keys = try node.mapping(allowed: ["subject", "grade", "from"], what: "cut_scores")
        func required(_ key: String) throws(SettingsError) -> SettingsNode {
            guard let value = keys[key] else {
                throw node.fail(
                    LocalizedText(
                        zh: "cut_scores 的每一条都要有 subject、grade 和 from；这一条缺少 \(key)",
                        en: "every cut_scores entry needs subject, grade and from; this one has no \(key)"))
            }
            return value
        }
        let subject = MonitoringSubject.canonical(try required("subject").text(what: "subject"))
        let gradeNode = try required("grade")
        let grade = try gradeNode.integer(what: "grade", in: 4...8)
        guard MonitoringGrade(rawValue: grade) != nil else {
            throw gradeNode.fail(
                LocalizedText(
                    zh: "cut_scores 中的 grade 应为 4 或 8，现为 \(grade)",
                    en: "a cut_scores grade must be 4 or 8, not \(grade)"))
        }
        let fromNode = try required("from")
        let bounds = try fromNode.sequence(what: "from")
        var from: [Double] = []
        for bound in bounds { from.append(try bound.decimal(what: "from", in: 0...100_000)) }
        guard from.count == 3, from[0] < from[1], from[1] < from[2] else {
            throw fromNode.fail(
                LocalizedText(
                    zh: "\(subject) \(grade) 年级的 from 应为三个递增的分数 [Ⅱ, Ⅲ, Ⅳ 的最低分]",
                    en: "from of \(subject) grade \(grade) must be three increasing scores [lowest of Ⅱ, Ⅲ, Ⅳ]"))
        }
        return CutScores(subject: subject, grade: grade, from: from)
    }

    /// Reads and checks a settings file.
    public static func load(path: String) throws(SettingsError) -> MonitoringSettings {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SettingsError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "无法读取设置文件（须为 UTF-8 文本）；请检查路径是否正确",
                    en: "cannot read the settings file (it must be UTF-8 text); check the path"))
        }
        return try parse(yaml: text, file: path)
    }
}
