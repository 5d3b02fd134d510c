import JunhengCore

/// A number in a plan file, read only as a person writes one: digits (full-width `４．２` too), an optional
/// sign, thousands separators (`6,000`) and a decimal point, then an optional percent sign. An exponent
/// (`42e-1`, `1e309`: Excel writes them, people do not), an infinity (`inf`, `∞`), a number that runs
/// straight into letters (`4.2x`) and one past ``maximum`` are refused with the character they start
/// at, so a loader can point at the line and column; and a unit is never taken from a number's tail.
struct PlanNumber: Hashable, Sendable {
    /// The value: a share (0.1 for `10%`) when ``isPercent``.
    var value: Double
    var isPercent: Bool
    /// Characters (Unicode scalars) read from the start of the text, the percent sign included.
    var length: Int

    /// Past 15 digits Excel keeps none exactly; no threshold, scale or parameter comes near.
    static let maximum = 1e15

    /// Why a text does not start with a number; each case carries the 0-based character (Unicode scalar)
    /// where the problem is.
    enum Problem: Error, Hashable {
        /// No number where one is due.
        case missing(at: Int)
        /// An exponent: `42e-1`, `1e309`.
        case exponent(at: Int)
        /// `inf`, `infinity`, `∞` or `nan`.
        case notFinite(at: Int)
        /// A number that runs straight into letters: `4.2x`.
        case touchesLetters(at: Int)
        /// Misplaced separators (`1,23`), over 40 characters, or a percentage outside 0–100 %.
        case malformed(at: Int)
        /// Past ``PlanNumber/maximum``.
        case tooLarge(at: Int)

        var offset: Int {
            switch self {
            case .missing(let at), .exponent(let at), .notFinite(let at), .touchesLetters(let at),
                .malformed(let at), .tooLarge(let at):
                at
            }
        }
    }

    /// The number at the start of `scalars` (already made ASCII by ``HandTypedText/ascii(_:)``), `start`
    /// being where `scalars` begins in the text (for the places of problems).
    static func read(_ scalars: ArraySlice<Unicode.Scalar>, start: Int = 0) -> Result<PlanNumber, Problem> {
        let isDigit: (Unicode.Scalar) -> Bool = { $0.value >= 0x30 && $0.value <= 0x39 }
        var index = scalars.startIndex
        if index < scalars.endIndex, scalars[index] == "-" || scalars[index] == "+" { index += 1 }
        let digitsStart = index
        while index < scalars.endIndex, isDigit(scalars[index]) || scalars[index] == "." || scalars[index] == "," {
            index += 1
        }
        let place = { (at: Int) in start + (at - scalars.startIndex) }
        guard index > digitsStart, scalars[digitsStart..<index].contains(where: isDigit) else {
            let word = String(String.UnicodeScalarView(scalars[digitsStart...].prefix(8))).lowercased()
            if ["inf", "∞", "nan"].contains(where: { word.hasPrefix($0) }) {
                return .failure(.notFinite(at: place(digitsStart)))
            }
            return .failure(.missing(at: place(scalars.startIndex)))
        }
        let token = String(String.UnicodeScalarView(scalars[scalars.startIndex..<index]))
        if index < scalars.endIndex {
            let next = scalars[index]
            if next == "e" || next == "E", index + 1 < scalars.endIndex,
                isDigit(scalars[index + 1]) || scalars[index + 1] == "-" || scalars[index + 1] == "+"
            {
                return .failure(.exponent(at: place(index)))
            }
            if next.isASCII, next.properties.isAlphabetic { return .failure(.touchesLetters(at: place(index))) }
        }
        var end = index
        while end < scalars.endIndex, scalars[end] == " " { end += 1 }
        let isPercent = end < scalars.endIndex && scalars[end] == "%"
        let result = isPercent ? NumberCell.share(token + "%") : NumberCell.decimal(token)
        switch result {
        case .success(let value):
            guard abs(value) <= maximum else { return .failure(.tooLarge(at: place(scalars.startIndex))) }
            let length = (isPercent ? end + 1 : index) - scalars.startIndex
            return .success(PlanNumber(value: value, isPercent: isPercent, length: length))
        case .failure(.tooLarge), .failure(.tooLong):
            return .failure(.tooLarge(at: place(scalars.startIndex)))
        case .failure:
            return .failure(.malformed(at: place(scalars.startIndex)))
        }
    }

    /// A whole text that is one number (a `scale:` or a parameter), spaces around it allowed.
    static func read(whole text: String) -> Result<PlanNumber, Problem> {
        let scalars = Array(text.unicodeScalars.map(HandTypedText.ascii))
        let first = scalars.firstIndex { $0 != " " } ?? scalars.count
        switch read(scalars[first...], start: first) {
        case .failure(let problem): return .failure(problem)
        case .success(let number):
            let end = first + number.length
            if let extra = scalars[end...].firstIndex(where: { $0 != " " }) { return .failure(.malformed(at: extra)) }
            return .success(number)
        }
    }
}

extension PlanNumber.Problem {
    /// What is wrong, and what to write instead.
    func message(_ key: String, written: String) -> LocalizedText {
        switch self {
        case .missing:
            LocalizedText(
                zh: "`\(key)` 中缺少数字（实为“\(written)”）。", en: "`\(key)` has no number here (got \"\(written)\").")
        case .exponent:
            LocalizedText(
                zh: "`\(key)` 中的数字用了指数写法（如 42e-1）；请直接写出数字，如 4.2（实为“\(written)”）。",
                en:
                    "The number in `\(key)` is written with an exponent (like 42e-1); write it out, like 4.2 (got \"\(written)\")."
            )
        case .notFinite:
            LocalizedText(
                zh: "`\(key)` 应为有限的数字，不能是无穷大（实为“\(written)”）。",
                en: "`\(key)` must be a finite number, not infinity (got \"\(written)\").")
        case .touchesLetters:
            LocalizedText(
                zh: "`\(key)` 中的数字后面紧跟着字母；数字与单位之间请空一格（实为“\(written)”）。",
                en:
                    "The number in `\(key)` runs into letters; put a space between the number and its unit (got \"\(written)\")."
            )
        case .malformed:
            LocalizedText(
                zh: "`\(key)` 中的数字写法不对：千位分隔符应每三位一个，百分比应在 0% 与 100% 之间（实为“\(written)”）。",
                en:
                    "The number in `\(key)` is not written right: a thousands separator goes every three digits, a percentage is between 0% and 100% (got \"\(written)\")."
            )
        case .tooLarge:
            LocalizedText(
                zh: "`\(key)` 中的数字超出范围（至多 15 位数字）（实为“\(written)”）。",
                en: "The number in `\(key)` is out of range (at most 15 digits) (got \"\(written)\").")
        }
    }
}
