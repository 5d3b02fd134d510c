/// Plain number text for notes (no locale, no trailing zeros).
enum NumberFormat {
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
