public import JunhengCore
public import JunhengReports

/// A requirement's number: the comparison, the value and its unit, as the plan writes it in one line:
/// `≥ 4.2 人/百名学生`, `≤ 45 人`, `≥ 10%`, `< 0.15 校际差异率`.
///
/// A percentage (`10%`) is kept as a share (0.1), the way ``NumberCell/share(_:)`` reads a sheet's
/// `95%`, and shown as a percentage again. Other values keep their unit as text.
public struct PlanThreshold: Sendable, Hashable {
    public var comparison: ThresholdComparison
    /// The value: a share (0.1) when ``isPercent``.
    public var value: Double
    /// The unit as written (`人/百名学生`, `平方米`, `元/生`); `%` for a percentage; may be empty.
    public var unit: String
    public var isPercent: Bool
    /// What 分子/分母 is multiplied by to give the figure: 100 for "per 100 students", else 1.
    public var scale: Double

    public init(
        comparison: ThresholdComparison, value: Double, unit: String = "", isPercent: Bool = false, scale: Double = 1
    ) {
        self.comparison = comparison
        self.value = value
        self.unit = isPercent ? "%" : unit
        self.isPercent = isPercent
        self.scale = scale
    }

    /// Why a text is not a threshold.
    enum Problem: Error, Hashable, Sendable {
        /// Not a comparison, a number and a unit (or a percentage with a unit after it).
        case form
        /// The number is not one a person writes (``PlanNumber``), at this 0-based character.
        case number(PlanNumber.Problem)
    }

    /// Reads `≥ 4.2 人/百名学生`: a comparison, a number (or a percentage), and an optional unit, which
    /// starts after the number (``PlanNumber``: never from its tail, as `e-1` of `42e-1` would).
    static func read(_ text: String) -> Result<PlanThreshold, Problem> {
        let scalars = Array(text.unicodeScalars.map(HandTypedText.ascii))
        var index = scalars.firstIndex { $0 != " " } ?? scalars.count
        let rest = String(String.UnicodeScalarView(scalars[index...]))
        guard let (comparison, afterComparison) = ThresholdComparison.prefix(of: rest) else { return .failure(.form) }
        index += rest.unicodeScalars.count - afterComparison.unicodeScalars.count
        while index < scalars.count, scalars[index] == " " { index += 1 }
        switch PlanNumber.read(scalars[index...], start: index) {
        case .failure(let problem): return .failure(.number(problem))
        case .success(let number):
            let unit = HandTypedText.cell(String(String.UnicodeScalarView(scalars[(index + number.length)...])))
            if number.isPercent {
                guard unit.isEmpty else { return .failure(.form) }
                return .success(PlanThreshold(comparison: comparison, value: number.value, isPercent: true))
            }
            return .success(PlanThreshold(comparison: comparison, value: number.value, unit: unit))
        }
    }

    /// ``read(_:)``, `nil` for any problem.
    public static func parse(_ text: String) -> PlanThreshold? {
        try? read(text).get()
    }

    /// The threshold as the report model's bar (``ReportThreshold``), so that renderers widen a figure next
    /// to it; `nil` for `=`, which has no side to fall on.
    public var reportThreshold: ReportThreshold? {
        switch comparison {
        case .atLeast: ReportThreshold(.atLeast, value)
        case .above: ReportThreshold(.above, value)
        case .atMost: ReportThreshold(.atMost, value)
        case .below: ReportThreshold(.below, value)
        case .equal: nil
        }
    }

    /// Whether a figure meets the threshold.
    public func holds(_ figure: Double) -> Bool {
        comparison.holds(figure, value)
    }

    /// `≥ 4.2 人/百名学生`, `≥ 10%`.
    public var text: String {
        comparison.symbol + " " + format(value) + (isPercent || unit.isEmpty ? "" : " " + unit)
    }

    /// A figure in this threshold's unit, without the unit word: `12.5%`, `4.23`, `6000`.
    ///
    /// Two decimals at most, trailing zeros dropped, and more where two would round the figure onto the
    /// other side of the threshold: 94.999 % against ≥ 95% is `94.999%` (never `95%` next to 未达标),
    /// 29099/29100 against ≥ 100% is `99.997%`, a 校际差异率 of 0.14996 against < 0.15 is `0.14996`. Up to
    /// ``NumberText/maximumPlaces`` decimals.
    public func format(_ figure: Double) -> String {
        guard figure.isFinite else { return NumberText.format(figure, .text) }
        let verdict = holds(figure)
        var places = 2
        while places < NumberText.maximumPlaces {
            let written = Double(NumberText.fixed(figure, places: places, scale: isPercent ? 2 : 0))!
            if holds(isPercent ? written / 100 : written) == verdict { break }
            places += 1
        }
        return isPercent
            ? Self.compact(figure, places: places, scale: 2) + "%" : Self.compact(figure, places: places)
    }

    /// The standard's units in English: a plan that writes one of these gets English with `--lang en`
    /// (another unit stays as written, marked as a name).
    public static let englishUnits = [
        "人/百名学生": "per 100 students", "间/百名学生": "rooms per 100 students", "台/百名学生": "per 100 students",
        "平方米": "m²", "平方米/生": "m² per student", "元": "yuan", "元/生": "yuan per student", "万元": "10,000 yuan",
        "个班级/间": "classes per room", "名学生": "students", "人": "students", "间": "rooms", "册/生": "books per student",
        "学时": "hours",
    ]

    /// The unit in both languages: `人/百名学生`, `per 100 students`.
    public var unitLabel: LocalizedText {
        LocalizedText(zh: unit, en: Self.englishUnits[unit] ?? ProperName.mark(unit))
    }

    /// The threshold in both languages: `≥ 4.2 人/百名学生`, `≥ 4.2 per 100 students`.
    public var label: LocalizedText {
        LocalizedText(verbatim: comparison.symbol + " " + format(value)) + unitSuffix
    }

    /// A figure with its unit in both languages: `4.23 人/百名学生`, `4.23 per 100 students`; `12.5%`.
    public func figureLabel(_ figure: Double) -> LocalizedText {
        LocalizedText(verbatim: format(figure)) + unitSuffix
    }

    /// " 人/百名学生" after a figure, in each language; nothing for a percentage or no unit.
    var unitSuffix: LocalizedText {
        guard !isPercent, !unit.isEmpty else { return LocalizedText(verbatim: "") }
        return LocalizedText(verbatim: " ") + unitLabel
    }

    /// A figure with its unit: `12.5%`, `4.23 人/百名学生`.
    public func formatWithUnit(_ figure: Double) -> String {
        format(figure) + (isPercent || unit.isEmpty ? "" : " " + unit)
    }

    /// `value` rounded to `places` decimals with trailing zeros dropped: 4.2333 → 4.23, 95.0 → 95. `scale`
    /// moves the decimal point right first (2 for a percentage), exactly (``NumberText/fixed(_:places:scale:)``).
    public static func compact(_ value: Double, places: Int, scale: Int = 0) -> String {
        var text = NumberText.fixed(value, places: places, scale: scale)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
