import JunhengReports

/// Plain number text for notes (no locale, no trailing zeros).
enum NumberFormat {
    static func plain(_ value: Double) -> String {
        // Whole and below 1e15: the conversion is exact and cannot trap.
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// `value` rounded to `places` decimals without trailing zeros, with more decimals where `places` would
    /// round it onto `bar` against its verdict (``NumberText/format(_:_:threshold:fails:)``): a class of
    /// 45.04 against ≤ 45 is `45.04`, never `45`; 46.25 is `46.3`.
    static func near(_ value: Double, places: Int, bar: ReportThreshold, fails: Bool? = nil) -> String {
        var text = NumberText.format(value, .decimal(places), threshold: bar, fails: fails)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
