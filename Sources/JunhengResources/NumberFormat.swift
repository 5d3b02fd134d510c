/// Plain number text for notes (no locale, no trailing zeros).
enum NumberFormat {
    static func plain(_ value: Double) -> String {
        // Whole and below 1e15: the conversion is exact and cannot trap.
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
