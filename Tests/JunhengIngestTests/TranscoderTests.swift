import JunhengCore
import Testing

@testable import JunhengIngest

/// GB18030 through the table (``GB18030Table``) gives iconv's output and outcome byte for byte: every
/// two-byte code alone and among ASCII, and seeded random text mixing ASCII, two- and four-byte codes,
/// invalid bytes and characters cut at the end of a block.
@Suite struct TranscoderTests {
    let transcoder: Transcoder
    init() throws { transcoder = try Transcoder(from: .gb18030, file: "test.csv") }

    /// Both paths on `bytes`: (output after an `A` already there, consumed, invalid).
    func both(_ bytes: [UInt8]) -> (fast: ([UInt8], Int, Bool), iconv: ([UInt8], Int, Bool)) {
        bytes.withUnsafeBytes { raw in
            let a = transcoder.convert(raw)
            let fast = [0x41] + Array(a.text)
            let b = transcoder.convertWithIconv(raw)
            return (
                (fast, a.outcome.consumed, a.outcome.invalid),
                ([0x41] + Array(b.text), b.outcome.consumed, b.outcome.invalid)
            )
        }
    }

    /// Checks every prefix of `bytes` (a block cut anywhere) against iconv; returns how many it checked.
    func expectEveryCutIsIconvs(_ bytes: [UInt8]) -> Int {
        for cut in 0...bytes.count {
            let (fast, iconv) = both(Array(bytes.prefix(cut)))
            #expect(fast == iconv, "\(bytes.prefix(cut))")
        }
        return bytes.count + 1
    }

    @Test func everyTwoByteCodeIsIconvs() {
        var inTable = 0
        var convertedByIconv = 0
        for lead in UInt8(0x81)...0xFE {
            for trail in UInt8(0x40)...0xFE where trail != 0x7F {
                let (fast, iconv) = both([0x61, lead, trail, 0x62])
                #expect(fast == iconv, "\(lead) \(trail)")
                if GB18030Table.entry(lead, trail) != 0 { inTable += 1 }
                // Converted, to a character of at most three UTF-8 bytes (between the 0x41 already in the
                // output, a and b).
                if !iconv.2 && iconv.1 == 4 && iconv.0.count - 3 <= 3 { convertedByIconv += 1 }
            }
        }
        // Every code iconv converts to a BMP character is in the table (glibc maps six, FE51 …, outside it:
        // those go through iconv).
        #expect(inTable == convertedByIconv)
        #expect(inTable > 23_900)
        // 中 is D6D0 in GB18030, U+4E2D, E4 B8 AD in UTF-8.
        #expect(GB18030Table.entry(0xD6, 0xD0) == 0x03AD_B8E4)
    }

    @Test func randomTextIsIconvs() {
        var random = SplitMix64(seed: 18030)
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0...3: bytes.append(UInt8.random(in: 0x20...0x7E, using: &random))
                case 4...6:
                    bytes += [
                        UInt8.random(in: 0x81...0xFE, using: &random), UInt8.random(in: 0x40...0xFE, using: &random),
                    ]
                case 7:
                    // A four-byte code (or a sequence of that shape that is not one).
                    bytes += [
                        UInt8.random(in: 0x81...0xFE, using: &random), UInt8.random(in: 0x30...0x39, using: &random),
                        UInt8.random(in: 0x81...0xFE, using: &random), UInt8.random(in: 0x30...0x39, using: &random),
                    ]
                case 8: bytes.append([0x80, 0xFF, 0x7F, 0x0A, 0x22][Int.random(in: 0..<5, using: &random)])
                default: bytes.append(UInt8.random(in: 0...255, using: &random))
                }
            }
            // Cut anywhere: a character may end the block unfinished.
            let cut = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            let (fast, iconv) = both(cut)
            #expect(fast == iconv, "\(cut)")
        }
    }

    /// The ASCII step stores eight bytes at a time and takes those before the first byte ≥ 0x80: runs of
    /// every length from 0 to 17 around runs of codes (three-byte and two-byte UTF-8, and one no two-byte
    /// code has), cut at every byte.
    @Test func asciiRunsOfEveryLengthAroundCodes() {
        // 中 (D6D0, three UTF-8 bytes), · (A1A4, U+00B7, two), and 0x81 0x20 (no code: iconv says invalid).
        let codes: [[UInt8]] = [[0xD6, 0xD0], [0xA1, 0xA4], [0xD6, 0xD0, 0xD6, 0xD0, 0xA1, 0xA4], [0x81, 0x20]]
        var checked = 0
        for before in 0...17 {
            for after in 0...17 {
                for code in codes {
                    let ascii = Array("0123456789abcdefgh".utf8)
                    checked += expectEveryCutIsIconvs(
                        Array(ascii.prefix(before)) + code + Array(ascii.prefix(after)) + code)
                }
            }
        }
        #expect(checked > 10_000)
    }

    /// Runs of codes of every length, which end where the table loop must stop: runs of 1–9 characters
    /// drawn from codes of three-byte and two-byte UTF-8, a code with a trail below 0x80 (8140), pairs no
    /// code has (8080, FFA1), a four-byte code and single ASCII bytes (a comma, a letter: a code's place
    /// after them is odd), after 0–3 ASCII bytes and before a comma, cut at every byte.
    @Test func runsOfCodesOfEveryLength() {
        let codes: [[UInt8]] = [
            [0xD6, 0xD0], [0xCE, 0xC4], [0xA1, 0xA4], [0x81, 0x40], [0x80, 0x80], [0xFF, 0xA1],
            [0x81, 0x30, 0x81, 0x30], [0x2C], [0x61],
        ]
        var random = SplitMix64(seed: 4)
        var checked = 0
        for length in 1...9 {
            for _ in 0..<40 {
                var bytes = Array("abc".utf8.prefix(Int.random(in: 0...3, using: &random)))
                for _ in 0..<length {
                    // Mostly ideographs, as in answers; the others often enough to land at every place.
                    let pick = Int.random(in: 0..<18, using: &random)
                    bytes += codes[pick < 9 ? pick : pick % 2]
                }
                bytes.append(0x2C)
                checked += expectEveryCutIsIconvs(bytes)
            }
        }
        #expect(checked > 4_000)
    }

    @Test func aCutCharacterIsLeftForTheNextBlock() {
        // 中 then the first byte of 文 (CEC4) and the first two of a four-byte code.
        let (fast, _) = both([0xD6, 0xD0, 0xCE])
        #expect(fast == ([0x41, 0xE4, 0xB8, 0xAD], 2, false))
        let (four, _) = both([0x61, 0x81, 0x30])
        #expect(four == ([0x41, 0x61], 1, false))
        // An invalid byte stops the conversion there.
        let (invalid, iconv) = both([0x61, 0xFF, 0x62])
        #expect(invalid == iconv)
        #expect(invalid.2)
    }
}
