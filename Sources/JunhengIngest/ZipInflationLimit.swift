/// How far a part of an .xlsx package may inflate: what no real workbook comes near, checked against the
/// sizes the archive gives before a byte is inflated (and held to while inflating, by
/// ``ZipExtractionJob``), so a small file that inflates to gigabytes of cells (a "zip bomb") is refused
/// at once instead of being parsed for minutes.
///
/// - Over ``maximumBytes`` (2 GiB): a worksheet of Excel's full 1,048,576 rows of 问卷星-sized answers
///   is a few hundred MB.
/// - Over ``maximumRatio`` (200:1) once over ``ratioFloor`` (16 MiB): the XML of real sheets, whose
///   every cell names its row and column, deflates to between 5:1 and 30:1; deflate itself stops near
///   1,032:1. Small parts (styles, a short shared-string table) may be more repetitive, and cost nothing.
enum ZipInflationLimit {
    static let maximumBytes: UInt64 = 2 << 30
    static let maximumRatio: UInt64 = 200
    static let ratioFloor: UInt64 = 16 << 20

    /// Why an entry of `inflated` bytes stored in `compressed` bytes is refused, or `nil` when it is not.
    static func refusal(inflated: UInt64, compressed: UInt64) -> Refusal? {
        if inflated > maximumBytes { return .tooLarge(inflated) }
        if inflated > ratioFloor, inflated / max(compressed, 1) > maximumRatio {
            return .ratio(inflated: inflated, compressed: compressed)
        }
        return nil
    }

    enum Refusal: Hashable {
        case tooLarge(UInt64)
        case ratio(inflated: UInt64, compressed: UInt64)
    }
}
