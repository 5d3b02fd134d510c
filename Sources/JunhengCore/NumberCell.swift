/// The one checked reader of numbers in users' files: roster and monitoring cells, 问卷星 answers and
/// times, settings values. Every number read from a file goes through it, so that an out-of-range,
/// non-finite or overlong value is a problem with its place, never a trap or a silent infinity.
///
/// Accepted, after ``HandTypedText/cell(_:)``: an optional sign, digits with optional thousands
/// separators (`1,234`, `1 234`, `1，234`: a separator must sit between groups of three digits), an
/// optional decimal point and fraction, and an optional exponent (`1.5E+3`, as Excel writes it).
/// Refused: empty text, text over ``maximumLength`` characters, `inf`, `nan`, hex, and values whose
/// magnitude overflows a `Double`.
public enum NumberCell {
    /// Longer than any number a person or Excel writes (Excel keeps 15 significant digits).
    public static let maximumLength = 40

    /// The number in `text`, checked against `range` when one is given.
    public static func decimal(
        _ text: some StringProtocol, in range: ClosedRange<Double>? = nil
    ) -> Result<Double, NumberCellFailure> {
        let cleaned = HandTypedText.cell(text)
        guard !cleaned.isEmpty else { return .failure(.empty) }
        guard cleaned.unicodeScalars.count <= maximumLength else { return .failure(.tooLong(cleaned.count)) }
        guard let plain = withoutThousands(cleaned), isDecimalSyntax(plain), let value = Double(plain) else {
            return .failure(.notANumber(cleaned))
        }
        guard value.isFinite else { return .failure(.tooLarge(cleaned)) }
        if let range, !range.contains(value) { return .failure(.outOfRange(value, range)) }
        return .success(value == 0 ? 0 : value)  // no negative zero
    }

    /// A whole number in `text` (`12`, `12.0`, `1,200`), checked against `range`.
    public static func integer(_ text: some StringProtocol, in range: ClosedRange<Int>) -> Result<
        Int, NumberCellFailure
    > {
        switch decimal(text) {
        case .failure(let failure): return .failure(failure)
        case .success(let value):
            guard value == value.rounded() else { return .failure(.notWhole(value)) }
            guard let whole = Int(exactly: value), range.contains(whole) else {
                return .failure(.outOfRange(value, Double(range.lowerBound)...Double(range.upperBound)))
            }
            return .success(whole)
        }
    }

    /// A share written as a percentage (`85.3%`) or a ratio (`0.853`), in 0...1. A bare number above 1 is
    /// refused, not guessed to be a percentage. `46.8%` gives exactly the `Double` of `0.468`.
    public static func share(_ text: some StringProtocol) -> Result<Double, NumberCellFailure> {
        let cleaned = HandTypedText.cell(text)
        guard cleaned.hasSuffix("%") else { return decimal(cleaned, in: 0...1) }
        let digits = HandTypedText.cell(cleaned.dropLast())
        switch decimal(digits, in: 0...100) {
        case .failure(.outOfRange(let value, _)): return .failure(.outOfRange(value / 100, 0...1))
        case .failure(let failure): return .failure(failure)
        case .success(let percent):
            // 46.8 % → 468 / 1000: one correctly rounded division, the same Double as typing 0.468.
            let places = digits.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
            guard places <= 9, !digits.contains(where: { $0 == "e" || $0 == "E" }) else {
                return .success(percent / 100)
            }
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            return .success((percent * scale).rounded() / (100 * scale))
        }
    }

    /// `Int(exactly:)` for a value that came from a file: `nil` when it is not whole or does not fit.
    public static func wholeNumber(_ value: Double) -> Int? {
        guard value.isFinite, value == value.rounded() else { return nil }
        return Int(exactly: value)
    }

    // MARK: - Syntax

    /// The text without thousands separators, or `nil` when a separator is misplaced (`1,23`, `,5`).
    static func withoutThousands(_ text: String) -> String? {
        let separators: Set<Character> = [",", " ", "，"]
        guard text.contains(where: { separators.contains($0) }) else { return text }
        var integerPart = Substring(text)
        var rest = Substring("")
        if let stop = text.firstIndex(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            integerPart = text[..<stop]
            rest = text[stop...]
        }
        guard !rest.contains(where: { separators.contains($0) }) else { return nil }
        var sign = ""
        if let first = integerPart.first, first == "-" || first == "+" {
            sign = String(first)
            integerPart = integerPart.dropFirst()
        }
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: " ", omittingEmptySubsequences: false) }
            .flatMap { $0.split(separator: "，", omittingEmptySubsequences: false) }
        guard let head = groups.first, (1...3).contains(head.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return sign + groups.joined() + rest
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`, with at least one digit before or after the point.
    static func isDecimalSyntax(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        let whole = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(whole)
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
        }
        guard whole + fraction > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
            let exponent = bytes.prefix(while: isDigit).count
            guard exponent > 0, exponent <= 4 else { return false }
            bytes = bytes.dropFirst(exponent)
        }
        return bytes.isEmpty
    }
}
