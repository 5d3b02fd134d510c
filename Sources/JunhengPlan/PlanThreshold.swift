import JunhengCore
import JunhengReports

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

    /// Whether a figure meets the threshold.
    public func holds(_ figure: Double) -> Bool {
        comparison.holds(figure, value)
    }

    /// `≥ 4.2 人/百名学生`, `≥ 10%`.
    public var text: String {
        comparison.symbol + " " + format(value) + (isPercent || unit.isEmpty ? "" : " " + unit)
    }

    /// A figure in this threshold's unit, without the unit word: `12.5%`, `4.23`, `6000`.
    public func format(_ figure: Double) -> String {
        isPercent ? Self.compact(figure * 100, places: 2) + "%" : Self.compact(figure, places: 2)
    }

    /// A figure with its unit: `12.5%`, `4.23 人/百名学生`.
    public func formatWithUnit(_ figure: Double) -> String {
        format(figure) + (isPercent || unit.isEmpty ? "" : " " + unit)
    }

    /// `value` rounded to `places` decimals with trailing zeros dropped: 4.2333 → 4.23, 95.0 → 95.
    public static func compact(_ value: Double, places: Int) -> String {
        var text = NumberText.fixed(value, places: places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
