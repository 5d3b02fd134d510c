import JunhengCore
public import JunhengReports

/// Which subjects the national quality monitoring tests in a given year, under the 2015 plan (six areas, two
/// a year) and the 2021 revision (nine areas, three a year) (DOMAIN.md §3).
///
/// DOMAIN.md pins 2015 and 2018 = 数学 + 体育与健康 for the 2015 plan; its other two years (语文 + 艺术,
/// 科学 + 德育) are the commonly known rotation and are marked uncertain. The 2021 plan's three years are as
/// DOMAIN.md gives them, with 2021 as year 1.
public struct MonitoringRotation: Sendable, Hashable, Codable {
    /// One plan's answer for the year.
    public struct Entry: Sendable, Hashable, Codable {
        /// `"2015"` or `"2021"`.
        public var plan: String
        /// Whether the plan governs that year (2015 plan: 2015–2020; 2021 plan: from 2021).
        public var inForce: Bool
        /// The year's place in the three-year cycle (1, 2 or 3), or `nil` before the plan began.
        public var cycleYear: Int?
        public var subjects: [String]
        /// `false` when the subjects are the common reading rather than DOMAIN.md's pinned facts.
        public var certain: Bool

        public init(plan: String, inForce: Bool, cycleYear: Int?, subjects: [String], certain: Bool) {
            self.plan = plan
            self.inForce = inForce
            self.cycleYear = cycleYear
            self.subjects = subjects
            self.certain = certain
        }

        enum CodingKeys: String, CodingKey {
            case plan, subjects, certain
            case inForce = "in_force"
            case cycleYear = "cycle_year"
        }
    }

    public var year: Int
    public var entries: [Entry]

    public init(year: Int) {
        self.year = year
        self.entries = [Self.plan2015(year: year), Self.plan2021(year: year)]
    }

    static let cycle2015: [(subjects: [String], certain: Bool)] = [
        (["数学", "体育与健康"], true), (["语文", "艺术"], false), (["科学", "德育"], false),
    ]
    static let cycle2021: [[String]] = [
        ["数学", "体育与健康", "心理健康"], ["语文", "艺术", "英语"], ["德育", "科学", "劳动"],
    ]

    static func plan2015(year: Int) -> Entry {
        guard year >= 2015 else {
            return Entry(plan: "2015", inForce: false, cycleYear: nil, subjects: [], certain: true)
        }
        let position = (year - 2015) % 3
        let step = cycle2015[position]
        return Entry(
            plan: "2015", inForce: year <= 2020, cycleYear: position + 1, subjects: step.subjects, certain: step.certain
        )
    }

    static func plan2021(year: Int) -> Entry {
        guard year >= 2021 else {
            return Entry(plan: "2021", inForce: false, cycleYear: nil, subjects: [], certain: true)
        }
        let position = (year - 2021) % 3
        return Entry(plan: "2021", inForce: true, cycleYear: position + 1, subjects: cycle2021[position], certain: true)
    }

    /// A table: one row per plan, with the subjects due and whether they are certain.
    public func table() -> ReportTable {
        let columns = [
            ReportColumn(key: "year", label: LocalizedText(zh: "年份", en: "Year"), format: .integer),
            ReportColumn(key: "plan", label: LocalizedText(zh: "方案", en: "Plan")),
            ReportColumn(key: "in_force", label: LocalizedText(zh: "是否施行", en: "In force")),
            ReportColumn(key: "cycle_year", label: LocalizedText(zh: "周期第几年", en: "Cycle year"), format: .integer),
            ReportColumn(key: "subjects", label: LocalizedText(zh: "监测学科", en: "Subjects")),
            ReportColumn(key: "certain", label: LocalizedText(zh: "依据", en: "Basis")),
        ]
        let rows = entries.map { entry -> [ReportCell] in
            let planName =
                entry.plan == "2015"
                ? LocalizedText(zh: "2015年方案 (六个领域, 每年两个)", en: "2015 plan (six areas, two a year)")
                : LocalizedText(zh: "2021年修订方案 (九个领域, 每年三个)", en: "2021 plan (nine areas, three a year)")
            let subjects =
                entry.subjects.isEmpty
                ? LocalizedText(zh: "— (方案尚未开始)", en: "— (plan not yet begun)")
                : LocalizedText(
                    zh: entry.subjects.joined(separator: "、"),
                    en: entry.subjects.map(MonitoringSubject.englishName).joined(separator: ", "))
            return [
                .integer(year), .label(planName),
                .label(entry.inForce ? LocalizedText(zh: "是", en: "yes") : LocalizedText(zh: "否", en: "no")),
                entry.cycleYear.map(ReportCell.integer) ?? .empty, .label(subjects),
                .label(
                    entry.certain
                        ? LocalizedText(zh: "DOMAIN.md 所列", en: "as DOMAIN.md gives it")
                        : LocalizedText(zh: "通行做法 (待核实)", en: "common practice (uncertain)")),
            ]
        }
        return ReportTable(
            id: "monitoring-plan", title: LocalizedText(zh: "\(year) 年质量监测学科", en: "Subjects monitored in \(year)"),
            columns: columns, rows: rows,
            notes: [
                LocalizedText(
                    zh:
                        "2015年方案: 2015、2018 年为数学、体育与健康; 其余两年 (语文+艺术, 科学+德育) 为通行轮换顺序, 待核实。2021年修订方案以 2021 年为第一年。县级方案 (C61/C62) 仍列六个领域、每年两个学科。",
                    en:
                        "2015 plan: 2015 and 2018 were mathematics and PE; the other two years (Chinese + arts, science + moral education) follow the commonly known rotation (uncertain). The 2021 plan counts 2021 as year 1. The county plan (C61/C62) still lists six areas, two a year."
                )
            ])
    }
}
