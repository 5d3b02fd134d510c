import Foundation

/// Small text clean-ups for cells typed by hand: trims spaces and turns full-width digits, letters and
/// punctuation into their ASCII forms (DOMAIN.md §6).
enum TextCleaning {
    static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3000: scalars.append(" ")
            case 0xFF01...0xFF5E:
                // Full-width ASCII block (！ to ～) → ASCII.
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            default: scalars.append(scalar)
            }
        }
        return String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A number typed by hand (full-width digits allowed), or `nil`.
    static func number(_ text: String) -> Double? {
        let cleaned = normalize(text).replacingOccurrences(of: ",", with: "")
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// A share written as `85.3%` or as a ratio `0.853`; a bare number above 1 is refused, not guessed.
    static func share(_ text: String) -> Double? {
        let cleaned = normalize(text)
        if cleaned.hasSuffix("%") {
            let digits = String(cleaned.dropLast())
            guard let percent = number(digits), (0...100).contains(percent) else { return nil }
            // 46.8 % → 468 / 1000, one correctly rounded division: the same Double as typing 0.468.
            let places = digits.split(separator: ".").dropFirst().first.map(\.count) ?? 0
            guard places <= 6 else { return percent / 100 }
            let scale = pow(10, Double(places))
            return (percent * scale).rounded() / (100 * scale)
        }
        guard let ratio = number(cleaned), (0...1).contains(ratio) else { return nil }
        return ratio
    }
}
