/// How wide text is on screen, estimated without a font: East Asian wide characters take two terminal
/// columns (about 1 em), others one column (about 0.55 em), combining marks none.
public enum TextWidth {
    /// East Asian wide and full-width characters (CJK, Hangul, full-width forms).
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// Combining marks, zero-width spaces and joiners, variation selectors: they take no room.
    public static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v)
            || v == 0xFEFF
    }

    /// Terminal columns: wide characters count two, zero-width ones nothing, the rest one.
    public static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (isZeroWidth(scalar) ? 0 : isWide(scalar) ? 2 : 1)
        }
    }

    /// Estimated width in em of `text` in a sans-serif font: 1 em per wide character, 0.55 em otherwise.
    public static func ems(_ text: String) -> Double {
        text.unicodeScalars.reduce(0.0) { width, scalar in
            width + (isZeroWidth(scalar) ? 0 : isWide(scalar) ? 1.0 : 0.55)
        }
    }
}
