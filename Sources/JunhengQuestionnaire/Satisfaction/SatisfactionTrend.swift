public import JunhengCore
public import JunhengReports
public import JunhengStatistics

/// 社会认可度 year over year for one cut (e.g. by township): each key's rate per year with its 95 % interval,
/// its change from that key's previous stored year and from its first, each with its interval and verdict
/// (DOMAIN.md §4 and §7, ``YearOverYear``). The rate is a ratio estimator over respondents; a change is
/// 上升 or 下降 only when its interval excludes 0.
public struct SatisfactionTrend: Sendable, Hashable, Codable {
    /// One stored (or computed) cell of one year: what the trend is built from.
    public struct Entry: Sendable, Hashable {
        public var year: Int
        public var survey: String
        /// The cell's value of the cut (a township's name; `""` for overall).
        public var key: String
        public var respondents: Int
        public var answered: Int
        public var rate: Double?
        /// The year's interval as the satisfaction rates gave it (Wilson for one item, clustered otherwise).
        public var ci95: ClosedRange<Double>?
        /// The rate's sums over respondents; `nil` for a cell stored before they were kept (early data).
        public var estimate: RatioEstimate?
        public var meets: Bool?
        public var belowMinN: Bool?
        public var minN: Int?
        /// The questionnaire version that rated the year (``SatisfactionTrend`` compares two versions only with
        /// a caveat) and the bar it was judged against.
        public var surveyVersion: String?
        public var threshold: Double?
        /// The caveats computed with the year's rates (a partial result, screens that could not run …).
        public var caveats: [LocalizedText]

        public init(
            year: Int, survey: String, key: String, respondents: Int, answered: Int, rate: Double?,
            ci95: ClosedRange<Double>?, estimate: RatioEstimate?, meets: Bool?, belowMinN: Bool? = nil,
            minN: Int? = nil, surveyVersion: String? = nil, threshold: Double? = nil, caveats: [LocalizedText] = []
        ) {
            self.year = year
            self.survey = survey
            self.key = key
            self.respondents = respondents
            self.answered = answered
            self.rate = rate
            self.ci95 = ci95
            self.estimate = estimate
            self.meets = meets
            self.belowMinN = belowMinN
            self.minN = minN
            self.surveyVersion = surveyVersion
            self.threshold = threshold
            self.caveats = caveats
        }
    }

    public struct Row: Sendable, Hashable, Codable {
        public var survey: String
        public var key: String
        public var year: Int
        public var respondents: Int
        public var answered: Int
        public var rate: TrendFigure
        @ExplicitNull public var meets: Bool?
        /// This cell's: a small sample, a bar other than the previous year's.
        public var caveats: [LocalizedText]
        /// The caveats stored with the survey's rates of the year (they hold for every cell of it).
        public var yearCaveats: [LocalizedText]

        enum CodingKeys: String, CodingKey {
            case survey, key, year, respondents, answered, rate, meets, caveats
            case yearCaveats = "year_caveats"
        }
    }

    /// What the rates are cut by: `township`, `group`, `school`, `item`, `overall` …
    public var dimension: String
    public var rows: [Row]

    /// Builds the trend from the entries of one cut, each survey × key in year order.
    public init(dimension: String, entries: [SatisfactionTrend.Entry]) {
        self.dimension = dimension
        let ordered = entries.sorted { ($0.survey, $0.key, $0.year) < ($1.survey, $1.key, $1.year) }
        let links = YearOverYear.links(
            keys: ordered.map { [$0.survey, $0.key] }, years: ordered.map(\.year))
        rows = zip(ordered, links).map { entry, link in
            Self.row(entry, previous: link.previous.map { ordered[$0] }, first: link.first.map { ordered[$0] })
        }
    }

    static func row(_ entry: Entry, previous: Entry?, first: Entry?) -> Row {
        func figure(_ entry: Entry) -> YearOverYear.Figure? {
            entry.rate.map {
                YearOverYear.Figure(year: entry.year, value: $0, estimate: entry.estimate, proportion: true)
            }
        }
        func change(_ earlier: Entry?) -> TrendChange? {
            guard let earlier, let before = figure(earlier), let now = figure(entry) else { return nil }
            var caveats: [LocalizedText] = []
            if let old = earlier.surveyVersion, let new = entry.surveyVersion, old != new {
                caveats.append(
                    LocalizedText(
                        zh: "\(earlier.year) 年与 \(entry.year) 年问卷的计分题或正向选项不同（版本 \(old) → \(new)），满意度的比较仅供参考。",
                        en: "the questionnaire's scored items or positive options differ between \(earlier.year) and "
                            + "\(entry.year) (version \(old) → \(new)), so the rates compare only roughly."))
            }
            return TrendChange(
                YearOverYear.change(from: before, to: now), caveats: caveats,
                describe: { reason, year in describe(reason, year: year) })
        }
        var caveats: [LocalizedText] = []
        if entry.belowMinN == true {
            let minimum = entry.minN.map { "\($0)" } ?? "?"
            caveats.append(
                LocalizedText(
                    zh: "样本不足（\(entry.respondents) 人，少于 \(minimum) 人），结果仅供参考。",
                    en: "small sample (\(entry.respondents) respondents, fewer than \(minimum)): read it with care."))
        }
        if let previous, let old = previous.threshold, let new = entry.threshold, old != new {
            caveats.append(
                LocalizedText(
                    zh: "达标线与 \(previous.year) 年不同（\(NumberText.format(old, .percent(1))) → "
                        + "\(NumberText.format(new, .percent(1)))），两年的“是否达标”不能直接比较。",
                    en: "the bar differs from \(previous.year) (\(NumberText.format(old, .percent(1))) → "
                        + "\(NumberText.format(new, .percent(1)))), so the two years' verdicts are not like for like."))
        }
        let now = figure(entry)
        return Row(
            survey: entry.survey, key: entry.key, year: entry.year, respondents: entry.respondents,
            answered: entry.answered,
            rate: TrendFigure(
                value: entry.rate, ci95: entry.ci95, change: change(previous), changeFromFirst: change(first),
                noInterval: entry.rate != nil && entry.ci95 == nil
                    ? describe(now?.noVariance ?? .fewerThanTwoClusters, year: entry.year) : nil),
            meets: entry.meets, caveats: caveats, yearCaveats: entry.caveats)
    }

    /// Why a change (or a year) has no verdict, in the words of the satisfaction rates.
    static func describe(_ reason: YearOverYear.NoVerdict, year: Int?) -> LocalizedText {
        switch reason {
        case .noClusterSums:
            LocalizedText(zh: "无区间（早期数据）", en: "no interval (early data)")
        case .fewerThanTwoClusters:
            LocalizedText(
                zh: "无区间（\(year.map(String.init) ?? "") 年不足 2 名答卷人）",
                en: "no interval (fewer than 2 respondents in \(year.map(String.init) ?? ""))")
        case .intervalsOverlap:
            LocalizedText(zh: "两年区间重叠，不作判断", en: "the two years' intervals overlap: no verdict")
        }
    }

    enum CodingKeys: String, CodingKey {
        case dimension, rows
    }
}
