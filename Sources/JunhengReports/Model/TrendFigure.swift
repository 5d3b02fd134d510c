public import JunhengCore
public import JunhengStatistics

/// A yearly figure of a trend with its 95 % interval and its changes from the previous and the first stored
/// year (DOMAIN.md §7), as every trend shows it: the monitoring trend's mean, share at Ⅲ+ and 校际差异率, the
/// satisfaction trend's rate. JSON: `{value, ci95: [lo, hi], change, change_from_first, no_interval}`.
public struct TrendFigure: Sendable, Hashable, Codable {
    /// The figure as reported; `nil` when unknown.
    @ExplicitNull public var value: Double?
    /// The year's 95 % interval; `nil` without one (``noInterval`` says why).
    @ExplicitNull public var ci95: ClosedRange<Double>?
    /// The change from the previous stored year (cycle) of the same key; `nil` for a first year.
    @ExplicitNull public var change: TrendChange?
    /// The change from the first stored year of the same key; `nil` for the first year.
    @ExplicitNull public var changeFromFirst: TrendChange?
    /// Why a year with a value has no interval.
    @ExplicitNull public var noInterval: LocalizedText?

    public init(
        value: Double?, ci95: ClosedRange<Double>?, change: TrendChange? = nil, changeFromFirst: TrendChange? = nil,
        noInterval: LocalizedText? = nil
    ) {
        self.value = value
        self.ci95 = ci95
        self.change = change
        self.changeFromFirst = changeFromFirst
        self.noInterval = noInterval
    }

    enum CodingKeys: String, CodingKey {
        case value, ci95, change
        case changeFromFirst = "change_from_first"
        case noInterval = "no_interval"
    }
}

/// The change of a ``TrendFigure`` from an earlier year: JSON `{from_year, gap_years, value, ci95: [lo, hi],
/// verdict, note, caveats}`, `verdict` one of `up`, `down`, `no-significant-change`, or `null` with a `note`
/// saying why.
public struct TrendChange: Sendable, Hashable, Codable {
    public var fromYear: Int
    /// Years between the two figures (the monitoring rotation's next cycle is 3 years on).
    public var gapYears: Int
    /// d = later − earlier.
    public var value: Double
    /// d ± 1.96·sqrt(var₁ + var₂); `nil` without a variance in either year, and for a 校际差异率.
    @ExplicitNull public var ci95: ClosedRange<Double>?
    @ExplicitNull public var verdict: YearOverYear.Verdict?
    /// Why there is no verdict (early data, fewer than two clusters, overlapping intervals).
    @ExplicitNull public var note: LocalizedText?
    /// What a reader must know to compare the two years (another questionnaire version, other cut scores).
    public var caveats: [LocalizedText]

    /// The change as ``YearOverYear`` judged it; `describe` words why there is no verdict (a year without
    /// cluster sums is early data in one area and a printed summary in another).
    public init(
        _ change: YearOverYear.Change, caveats: [LocalizedText] = [],
        describe: (YearOverYear.NoVerdict, _ year: Int?) -> LocalizedText
    ) {
        fromYear = change.fromYear
        gapYears = change.gap
        value = change.value
        ci95 = change.interval
        verdict = change.verdict
        note = change.noVerdict.map { describe($0, change.yearWithoutVariance) }
        self.caveats = caveats
    }

    enum CodingKeys: String, CodingKey {
        case value, ci95, verdict, note, caveats
        case fromYear = "from_year"
        case gapYears = "gap_years"
    }
}

extension YearOverYear.Verdict {
    /// 上升 / 下降 / 无显著变化.
    public var label: LocalizedText {
        switch self {
        case .up: LocalizedText(zh: "上升", en: "rise")
        case .down: LocalizedText(zh: "下降", en: "fall")
        case .noSignificantChange: LocalizedText(zh: "无显著变化", en: "no significant change")
        }
    }
}
