import Foundation
import JunhengLinks
import Testing

@Suite struct QRCodeTests {
    /// ISO/IEC 18004: a version-1 symbol is 21 modules wide; a version-v symbol 17 + 4v.
    @Test func shortTextIsVersionOne() throws {
        let code = try QRCode("HELLO", correction: .medium)
        #expect(code.version == 1)
        #expect(code.size == 21)
        #expect(code.modules.count == 21 * 21)
    }

    @Test func sizeFollowsTheVersion() throws {
        let code = try QRCode(String(repeating: "a", count: 200), correction: .medium)
        #expect(code.version > 1)
        #expect(code.size == 17 + 4 * code.version)
    }

    /// The three finder patterns: a dark 7×7 ring, a light ring inside it, a dark 3×3 centre; and the light
    /// separator around each.
    @Test(arguments: [(0, 0), (14, 0), (0, 14)]) func finderPatterns(x0: Int, y0: Int) throws {
        let code = try QRCode("HELLO")
        for dy in 0..<7 {
            for dx in 0..<7 {
                let ring = max(abs(dx - 3), abs(dy - 3))
                #expect(code[x0 + dx, y0 + dy] == (ring != 2), "module (\(x0 + dx), \(y0 + dy))")
            }
        }
    }

    /// The timing patterns: row 6 and column 6 alternate dark and light between the finders.
    @Test func timingPatterns() throws {
        let code = try QRCode("HELLO")
        for index in 8...12 {
            #expect(code[index, 6] == (index % 2 == 0))
            #expect(code[6, index] == (index % 2 == 0))
        }
    }

    @Test func chineseTextIsEncodedAsUTF8Bytes() throws {
        // 9 UTF-8 bytes; byte mode at M holds 14 bytes in version 1.
        #expect(try QRCode("城关镇", correction: .medium).version == 1)
    }

    @Test func emptyAndTooLongTextsAreRefused() {
        #expect(throws: QRCodeError.empty) { try QRCode("") }
        // Version 40 at level H holds 1273 bytes.
        #expect(throws: QRCodeError.tooLong) { try QRCode(String(repeating: "x", count: 1274), correction: .high) }
        #expect(throws: Never.self) { try QRCode(String(repeating: "x", count: 1273), correction: .high) }
    }

    @Test func svgDrawsEveryDarkModuleInsideTheQuietZone() throws {
        let code = try QRCode("HELLO")
        let svg = code.svg(pixels: 100)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" width=\"100\""))
        // Each run is `Mx yhNv1h-Nz`; the runs' lengths add up to the dark modules.
        var dark = 0
        var text = Substring(svg)
        while let h = text.range(of: "h") {
            text = text[h.upperBound...]
            let digits = text.prefix { $0.isNumber }
            if let run = Int(digits), text.dropFirst(digits.count).hasPrefix("v1") { dark += run }
        }
        #expect(dark == code.modules.count { $0 })
        #expect(svg.contains("M4 4h7v1h-7z"))
    }
}
