public import JunhengCore
public import JunhengReports
import JunhengStatistics

/// Every stored year of a subject and grade: mean, share at Ⅲ+ and 校际差异率, each with its 95 % interval and
/// its change from the previous stored cycle of the same subject and grade and from its first stored year,
/// each change with its interval and verdict (DOMAIN.md §3 and §7, ``YearOverYear``).
///
/// Under the rotation a subject comes back every three years: its previous cycle is simply its last stored
/// year, and every change names the gap in years. A change is 上升 or 下降 only when its interval excludes 0;
/// otherwise 无显著变化. A year of fewer than two schools, a county summary and a result stored before the
/// per-school sums were kept (无区间（早期数据）) have no interval, and their changes no verdict.
public struct MonitoringTrend: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var year: Int
        public var grade: MonitoringGrade
        public var subject: String
        public var source: MonitoringResult.Source
        @ExplicitNull public var schools: Int?
        @ExplicitNull public var students: Int?
        public var mean: TrendFigure
        public var shareIIIPlus: TrendFigure
        /// 校际差异率 (ICC(1)) with Searle's interval; its change has no interval of its own and a verdict only
        /// when the two years' intervals are disjoint.
        public var icc: TrendFigure
        @ExplicitNull public var meets: Bool?
        /// The caveats stored with the result, and those of comparing it with its previous cycle (other bars).
        public var caveats: [LocalizedText]

        enum CodingKeys: String, CodingKey {
            case year, grade, subject, source, schools, students, mean, icc, meets, caveats
            case shareIIIPlus = "share_iii_plus"
        }
    }

    public var rows: [Row]

    /// Builds the trend from stored results, optionally for one subject and/or one grade.
    public init(results: [MonitoringResult], subject: String? = nil, grade: MonitoringGrade? = nil) {
        let wanted = subject.map(MonitoringSubject.canonical)
        let ordered = results.filter { result in
            (wanted == nil || result.subject == wanted) && (grade == nil || result.grade == grade)
        }.sorted { lhs, rhs in
            let left = MonitoringSubject.sortKey(lhs.subject)
            let right = MonitoringSubject.sortKey(rhs.subject)
            if left != right { return left < right }
            return (lhs.grade.rawValue, lhs.year) < (rhs.grade.rawValue, rhs.year)
        }
        let links = YearOverYear.links(
            keys: ordered.map { "\($0.subject)#\($0.grade.rawValue)" }, years: ordered.map(\.year))
        rows = zip(ordered, links).map { result, link in
            Self.row(result, previous: link.previous.map { ordered[$0] }, first: link.first.map { ordered[$0] })
        }
    }

    static func row(_ result: MonitoringResult, previous: MonitoringResult?, first: MonitoringResult?) -> Row {
        let shareCaveats = { (earlier: MonitoringResult) -> [LocalizedText] in
            guard let before = earlier.cutScores, let now = result.cutScores, before != now else { return [] }
            let cuts = { (scores: [Double]) in scores.map(NumberText.plain).joined(separator: "/") }
            return [
                LocalizedText(
                    zh: "两年的水平切分数不同（\(earlier.year) 年 \(cuts(before))，\(result.year) 年 \(cuts(now))），"
                        + "Ⅲ级及以上比例不是同一标准下的比较。",
                    en: "the two years' cut scores differ (\(earlier.year): \(cuts(before)); \(result.year): "
                        + "\(cuts(now))), so the shares at Ⅲ+ are not measured against the same levels.")
            ]
        }
        var caveats = result.caveats
        if let previous, let bars = barsChanged(from: previous, to: result) { caveats.append(bars) }
        return Row(
            year: result.year, grade: result.grade, subject: result.subject, source: result.source,
            schools: result.schools, students: result.students,
            mean: figure(result, previous: previous, first: first, value: \.mean, estimate: \.meanEstimate),
            shareIIIPlus: figure(
                result, previous: previous, first: first, value: \.shareIIIPlus, estimate: \.shareEstimate,
                proportion: true, caveats: shareCaveats),
            icc: iccFigure(result, previous: previous, first: first), meets: result.meets, caveats: caveats)
    }

    /// A mean or a share: the year's interval from its estimator, and the two changes.
    static func figure(
        _ result: MonitoringResult, previous: MonitoringResult?, first: MonitoringResult?,
        value: KeyPath<MonitoringResult, Double?>, estimate: KeyPath<MonitoringResult, RatioEstimate?>,
        proportion: Bool = false, caveats: (MonitoringResult) -> [LocalizedText] = { _ in [] }
    ) -> TrendFigure {
        func yearly(_ result: MonitoringResult) -> YearOverYear.Figure? {
            result[keyPath: value].map {
                YearOverYear.Figure(
                    year: result.year, value: $0, estimate: result[keyPath: estimate], proportion: proportion)
            }
        }
        guard let now = yearly(result) else { return TrendFigure(value: nil, ci95: nil) }
        let all = [result, previous, first].compactMap { $0 }
        func change(_ earlier: MonitoringResult?) -> TrendChange? {
            guard let earlier, let before = yearly(earlier) else { return nil }
            return TrendChange(
                YearOverYear.change(from: before, to: now), caveats: caveats(earlier),
                describe: { describe($0, year: $1, results: all) })
        }
        var interval = now.interval()
        if proportion, let range = interval { interval = max(0, range.lowerBound)...min(1, range.upperBound) }
        return TrendFigure(
            value: now.value, ci95: interval, change: change(previous), changeFromFirst: change(first),
            noInterval: now.noVariance.map { describe($0, year: result.year, results: [result]) })
    }

    /// The 校际差异率 with Searle's interval; a change is judged only by disjoint intervals.
    static func iccFigure(_ result: MonitoringResult, previous: MonitoringResult?, first: MonitoringResult?)
        -> TrendFigure
    {
        guard let icc = result.icc else { return TrendFigure(value: nil, ci95: nil) }
        let all = [result, previous, first].compactMap { $0 }
        func change(_ earlier: MonitoringResult?) -> TrendChange? {
            guard let earlier, let before = earlier.icc else { return nil }
            return TrendChange(
                YearOverYear.changeOfIntervals(
                    from: (earlier.year, before, earlier.iccInterval), to: (result.year, icc, result.iccInterval)),
                describe: { describe($0, year: $1, results: all) })
        }
        let interval = result.iccInterval
        return TrendFigure(
            value: icc, ci95: interval, change: change(previous), changeFromFirst: change(first),
            noInterval: interval == nil
                ? describe(
                    result.noClusterSums == nil ? .fewerThanTwoClusters : .noClusterSums, year: result.year,
                    results: [result]) : nil)
    }

    /// Why a change (or a year) has no verdict, in the words of the monitoring.
    static func describe(_ reason: YearOverYear.NoVerdict, year: Int?, results: [MonitoringResult]) -> LocalizedText {
        switch reason {
        case .noClusterSums:
            if let year, let result = results.first(where: { $0.year == year }), result.noClusterSums == .countySummary
            {
                return LocalizedText(
                    zh: "无区间（\(year) 年为汇总数字）",
                    en: "no interval (\(year): summary figures)")
            }
            return LocalizedText(zh: "无区间（早期数据）", en: "no interval (early data)")
        case .fewerThanTwoClusters:
            let when = year.map(String.init) ?? ""
            return LocalizedText(
                zh: "无区间（\(when) 年不足 2 所学校）", en: "no interval (fewer than 2 schools in \(when))")
        case .intervalsOverlap:
            return LocalizedText(
                zh: "两年区间重叠，不作判断", en: "the two years' intervals overlap: no verdict")
        }
    }

    /// A caveat when the result was judged with other bars than its previous cycle.
    static func barsChanged(from earlier: MonitoringResult, to result: MonitoringResult) -> LocalizedText? {
        var zh: [String] = []
        var en: [String] = []
        if let before = earlier.differenceRateThreshold, let now = result.differenceRateThreshold, before != now {
            zh.append("校际差异率 < \(NumberText.plain(before)) → < \(NumberText.plain(now))")
            en.append("between-school difference rate < \(NumberText.plain(before)) → < \(NumberText.plain(now))")
        }
        if let before = earlier.shareThreshold, let now = result.shareThreshold, before != now {
            zh.append("Ⅲ级及以上比例 ≥ \(NumberFormat.percent(before)) → ≥ \(NumberFormat.percent(now))")
            en.append("share at Ⅲ+ ≥ \(NumberFormat.percent(before)) → ≥ \(NumberFormat.percent(now))")
        }
        guard !zh.isEmpty else { return nil }
        return LocalizedText(
            zh: "\(result.year) 年与 \(earlier.year) 年判定是否达标的标准不同（\(zh.joined(separator: "；"))），两年的“是否达标”不能直接比较。",
            en: "\(result.year) was judged against other bars than \(earlier.year) (\(en.joined(separator: "; "))), "
                + "so the two years' verdicts on the bar are not like for like.")
    }
}
