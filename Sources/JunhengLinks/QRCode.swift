import CQREncode
import Glibc

/// A QR code (ISO/IEC 18004) made by Debian's libqrencode: the one door to the C library.
///
/// The C symbol is copied into a plain array of modules and freed before the initializer returns, so no
/// pointer leaves this file.
public struct QRCode: Sendable, Hashable {
    /// How much of the symbol may be damaged and still read (L 7 %, M 15 %, Q 25 %, H 30 %).
    public enum Correction: Sendable, Hashable, CaseIterable {
        case low, medium, quartile, high

        var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// The QR version (1…40): the symbol is 17 + 4·version modules wide.
    public let version: Int
    /// Modules per side.
    public let size: Int
    /// Row by row, `true` for a dark module.
    public let modules: [Bool]

    /// Encodes `text` (UTF-8 bytes, 8-bit mode) at the smallest version that holds it.
    ///
    /// - Throws: ``QRCodeError/tooLong`` when the text does not fit in version 40.
    public init(_ text: String, correction: Correction = .medium) throws(QRCodeError) {
        guard !text.isEmpty else { throw .empty }
        errno = 0
        guard let symbol = text.withCString({ QRcode_encodeString8bit($0, 0, correction.level) }) else {
            throw errno == ERANGE ? .tooLong : .failed(Int(errno))
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        let data = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        version = Int(symbol.pointee.version)
        size = width
        // Bit 0 of each byte is the module's colour; the other bits describe what the module is for.
        modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at column `x`, row `y` is dark.
    public subscript(x: Int, y: Int) -> Bool {
        precondition(x >= 0 && x < size && y >= 0 && y < size, "module inside the symbol")
        return modules[y * size + x]
    }
}
