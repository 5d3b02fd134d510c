import JunhengCore
import Testing

@testable import JunhengIngest

/// `CSVSplitter` against a naive scan one code unit at a time: the tallies against a count of each byte,
/// the cuts against a quote-parity walk that lists every line end, and the line numbers against a count
/// of the line ends before each cut (LF, CR not followed by LF, CRLF once).
@Suite struct CSVSplitterTests {
    static let quote: UInt16 = 0x22
    static let lineFeed: UInt16 = 0x0A
    static let carriageReturn: UInt16 = 0x0D

    // MARK: - The naive model

    /// Quotes, LF, CR, CR followed by LF, the first and the last unit: `Tally`'s fields, counted one by one.
    func naiveTally(_ units: [UInt16]) -> [Int] {
        var counts = [0, 0, 0, 0, Int(units.first ?? 0), Int(units.last ?? 0)]
        for (index, unit) in units.enumerated() {
            if unit == Self.quote { counts[0] += 1 }
            if unit == Self.lineFeed { counts[1] += 1 }
            if unit == Self.carriageReturn {
                counts[2] += 1
                if index + 1 < units.count, units[index + 1] == Self.lineFeed { counts[3] += 1 }
            }
        }
        return counts
    }

    func fields(_ tally: CSVSplitter.Tally) -> [Int] {
        [
            tally.quotes, tally.lineFeeds, tally.carriageReturns, tally.pairs, Int(tally.firstUnit),
            Int(tally.lastUnit),
        ]
    }

    /// Every line end of `units`: the unit after it (`boundary`), the unit whose reading decides it (the LF;
    /// for a lone CR the unit after it), and whether an odd number of quotes comes before it.
    func lineEnds(_ units: [UInt16]) -> [(boundary: Int, decidedAt: Int, quoted: Bool)] {
        var ends: [(boundary: Int, decidedAt: Int, quoted: Bool)] = []
        var odd = false
        for (index, unit) in units.enumerated() {
            if unit == Self.lineFeed {
                ends.append((index + 1, index, odd))
            } else if unit == Self.carriageReturn, index + 1 < units.count, units[index + 1] != Self.lineFeed {
                ends.append((index + 1, index + 1, odd))
            }
            if unit == Self.quote { odd.toggle() }
        }
        return ends
    }

    /// 1 + the line ends that lie wholly before `start`.
    func lineNumber(at start: Int, _ units: [UInt16]) -> Int {
        1 + lineEnds(units).filter { $0.boundary <= start }.count
    }

    /// The ranges the splitter should give, in bytes: each target (rounded down to a unit) cut at the first
    /// line end outside quotes decided at or after it.
    func expectedRanges(_ units: [UInt16], unit: Int, targets: [Int], ignoresQuotes: Bool) -> [CSVChunkRange] {
        let ends = lineEnds(units).filter { ignoresQuotes || !$0.quoted }
        var ranges: [CSVChunkRange] = []
        var start = 0
        for target in Set(targets.map { $0 / unit }).filter({ $0 > 0 && $0 < units.count }).sorted() {
            guard let cut = ends.first(where: { $0.decidedAt >= target })?.boundary else { break }
            guard cut > start, cut < units.count else { continue }
            ranges.append(CSVChunkRange(start: start * unit, end: cut * unit, firstLine: lineNumber(at: start, units)))
            start = cut
        }
        ranges.append(
            CSVChunkRange(start: start * unit, end: units.count * unit, firstLine: lineNumber(at: start, units)))
        return ranges
    }

    func encoded(_ units: [UInt16], _ encoding: TextEncoding) -> [UInt8] {
        switch encoding {
        case .utf16le: units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16be: units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .utf8, .gb18030: units.map { UInt8($0) }
        }
    }

    func split(
        _ units: [UInt16], _ encoding: TextEncoding = .utf8, targets: [Int]?, ignoresQuotes: Bool = false,
        threads: Int = 1, chunks: Int = 4, minimumBytes: Int = 4 << 20
    ) throws -> [CSVChunkRange] {
        let bytes = encoded(units, encoding)
        let plan = CSVChunkPlan(targets: targets, ignoresQuotes: ignoresQuotes, minimumBytes: minimumBytes)
        return try CSVSplitter.ranges(
            path: temporaryFile(bytes), size: bytes.count, encoding: encoding, chunks: chunks, plan: plan,
            threads: threads)
    }

    func units(_ text: String) -> [UInt16] { Array(text.utf8).map(UInt16.init) }

    func ranges(_ triples: [(Int, Int, Int)]) -> [CSVChunkRange] {
        triples.map { CSVChunkRange(start: $0.0, end: $0.1, firstLine: $0.2) }
    }

    // MARK: - Tallies

    @Test func tally8CountsLikeTheNaiveScanAtEveryAlignment() {
        var random = SplitMix64(seed: 41)
        let alphabet: [UInt8] = [0x22, 0x0D, 0x0A, 0x61, 0x2C]
        // An LF after the bytes: a CR at the last byte must not be paired with what lies beyond.
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 100 + 32, alignment: 16)
        defer { storage.deallocate() }
        for length in 0...100 {
            for shift in 0..<16 {
                var bytes = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
                if length > 0, shift % 2 == 0 { bytes[length - 1] = 0x0D }
                storage.initializeMemory(as: UInt8.self, repeating: 0x0A, count: 100 + 32)
                (storage + shift).copyMemory(from: bytes, byteCount: length)
                let tally = CSVSplitter.tally8(UnsafeRawBufferPointer(start: storage + shift, count: length))
                #expect(fields(tally) == naiveTally(bytes.map(UInt16.init)), "length \(length), shift \(shift)")
            }
        }
    }

    @Test func tally8LanesDoNotOverflowOnLongRuns() {
        // Past 255 blocks of 16, where the byte lanes are summed.
        for (pattern, length) in [([0x22], 8200), ([0x0D, 0x0A], 8201), ([0x0D], 4097), ([0x0A], 12_345)] {
            let bytes = (0..<length).map { UInt8(pattern[$0 % pattern.count]) }
            let tally = bytes.withUnsafeBytes { CSVSplitter.tally8($0) }
            #expect(fields(tally) == naiveTally(bytes.map(UInt16.init)), "\(pattern) × \(length)")
        }
    }

    @Test(arguments: [TextEncoding.utf16le, .utf16be])
    func tally16CountsUnitsNotBytes(encoding: TextEncoding) {
        // U+0A0D and U+0D0A hold a CR and an LF byte, U+2222 two quote bytes: none of them counts.
        let units: [UInt16] = [0x0A0D, 0x22, 0x0D0A, 0x0D, 0x0A, 0x2222, 0x0D, 0x4E00, 0x0A]
        let tally = encoded(units, encoding).withUnsafeBytes { CSVSplitter.tally16($0, encoding) }
        #expect(fields(tally) == [1, 2, 2, 1, 0x0A0D, 0x0A])
    }

    @Test(arguments: [TextEncoding.utf8, .utf16le])
    func tallyOfAFilePairsACRLFAcrossItsReads(encoding: TextEncoding) throws {
        // The file is read a mebibyte at a time: a CR ends the first read and an LF starts the second.
        let size = (1 << 20) / (encoding == .utf8 ? 1 : 2) + 10
        var units = [UInt16](repeating: 0x61, count: size)
        let split = encoding == .utf8 ? 1 << 20 : 1 << 19
        units[split - 1] = Self.carriageReturn
        units[split] = Self.lineFeed
        units[3] = Self.quote
        let bytes = encoded(units, encoding)
        let path = temporaryFile(bytes)
        let whole = try CSVSplitter.tally(path: path, range: 0..<bytes.count, encoding: encoding)
        #expect(fields(whole) == [1, 1, 1, 1, 0x61, 0x61])
        let unit = encoding == .utf8 ? 1 : 2
        let tail = try CSVSplitter.tally(path: path, range: split * unit..<bytes.count, encoding: encoding)
        #expect(fields(tail) == [0, 1, 0, 0, 0x0A, 0x61])
    }

    // MARK: - Cuts by hand

    @Test(arguments: [1, 2, 4])
    func aCRLFSplitByTheTargetIsCutAfterItsLF(threads: Int) throws {
        let text = units("ab\r\ncd\r\nef")
        #expect(try split(text, targets: [3], threads: threads) == ranges([(0, 4, 1), (4, 10, 2)]))
        #expect(try split(text, targets: [7], threads: threads) == ranges([(0, 8, 1), (8, 10, 3)]))
        #expect(try split(text, targets: [3, 7], threads: threads) == ranges([(0, 4, 1), (4, 8, 2), (8, 10, 3)]))
    }

    @Test func aCRLFSplitBetweenTwoPiecesOfTheCountIsOneLineEnd() throws {
        // Four threads cut the prefix before 8 into 0–2, 2–4, 4–6, 6–8: "a\r" | "\nb" | "\r\n" | "c\n".
        let text = units("a\r\nb\r\nc\nd\ne")
        #expect(try split(text, targets: [8], threads: 4) == ranges([(0, 10, 1), (10, 11, 5)]))
    }

    @Test func newlinesInsideQuotesAtTheTargetAreNotCuts() throws {
        // Lines: 1 `1,"p`, 2 `q"`, 3 `2,"` (CRLF), 4 `"`, 5 `3`, 6 `4`.
        let text = units("1,\"p\nq\"\n2,\"\r\n\"\n3\n4")
        #expect(try split(text, targets: [4]) == ranges([(0, 8, 1), (8, 18, 3)]))
        #expect(try split(text, targets: [11]) == ranges([(0, 15, 1), (15, 18, 5)]))
        #expect(try split(text, targets: [12], threads: 3) == ranges([(0, 15, 1), (15, 18, 5)]))
        #expect(try split(text, targets: [4, 12]) == ranges([(0, 8, 1), (8, 15, 3), (15, 18, 5)]))
        // Told to ignore quotes, the cut falls inside the quoted field.
        #expect(try split(text, targets: [4], ignoresQuotes: true) == ranges([(0, 5, 1), (5, 18, 2)]))
    }

    @Test func loneCarriageReturnsEndLines() throws {
        let text = units("a\rb\rc")
        #expect(try split(text, targets: [1]) == ranges([(0, 2, 1), (2, 5, 2)]))
        #expect(try split(text, targets: [2]) == ranges([(0, 2, 1), (2, 5, 2)]))
        #expect(try split(text, targets: [3]) == ranges([(0, 4, 1), (4, 5, 3)]))
        // A CR as the last byte ends the file, not a chunk.
        #expect(try split(units("a\nb\r"), targets: [2]) == ranges([(0, 4, 1)]))
    }

    @Test(arguments: [TextEncoding.utf16le, .utf16be])
    func utf16IsCutOnWholeUnits(encoding: TextEncoding) throws {
        // 一 , " 二 LF " CR LF 三 LF 四: the quoted LF at unit 4 is no cut.
        let text: [UInt16] = [0x4E00, 0x2C, 0x22, 0x4E8C, 0x0A, 0x22, 0x0D, 0x0A, 0x4E09, 0x0A, 0x56DB]
        #expect(try split(text, encoding, targets: [5]) == ranges([(0, 16, 1), (16, 22, 3)]))
        #expect(try split(text, encoding, targets: [9, 17]) == ranges([(0, 16, 1), (16, 20, 3), (20, 22, 4)]))
        // Bytes 0D 0A and 22 22 inside other characters are neither line ends nor quotes.
        let tricky: [UInt16] = [0x4E00, 0x2C, 0x0A0D, 0x0D0A, 0x2222, 0x0A, 0x4E8C, 0x0A, 0x4E09]
        #expect(try split(tricky, encoding, targets: [1, 3]) == ranges([(0, 12, 1), (12, 18, 2)]))
    }

    // MARK: - Cuts chosen by the splitter

    @Test func smallFilesAndSingleChunksAreOneRange() throws {
        let text = units(String(repeating: "123456789\n", count: 50))
        #expect(try split(text, targets: nil, chunks: 4, minimumBytes: 1000) == ranges([(0, 500, 1)]))
        #expect(try split(text, targets: nil, chunks: 1, minimumBytes: 64) == ranges([(0, 500, 1)]))
        #expect(try split(text, targets: [0, 500, 900]) == ranges([(0, 500, 1)]))
        #expect(try split([], targets: nil, minimumBytes: 0) == ranges([(0, 0, 1)]))
    }

    /// Chunk i of n on t threads weighs ⌈(n − i) / t⌉: 4 chunks on 2 threads weigh 2, 2, 1, 1 sixths; 6
    /// chunks on 2 threads 3, 3, 2, 2, 1, 1 twelfths; 6 on 3 threads 2, 2, 2, 1, 1, 1 ninths.
    @Test func chunksShrinkTowardTheEndOfTheFile() {
        #expect(CSVSplitter.targets(size: 1200, chunks: 4, threads: 2, smallest: 1) == [400, 800, 1000])
        #expect(CSVSplitter.targets(size: 1200, chunks: 6, threads: 2, smallest: 1) == [300, 600, 800, 1000, 1100])
        #expect(CSVSplitter.targets(size: 900, chunks: 6, threads: 3, smallest: 1) == [200, 400, 600, 700, 800])
        #expect(CSVSplitter.targets(size: 1200, chunks: 1, threads: 2, smallest: 1) == [])
        // The smallest chunk is at least `smallest`: 6 chunks would make one of 100 bytes, 4 one of 200,
        // 3 (weights 2, 1, 1) one of 300.
        #expect(CSVSplitter.targets(size: 1200, chunks: 6, threads: 2, smallest: 250) == [600, 900])
    }

    @Test func theFileInShrinkingPartsCutAfterTheNextLine() throws {
        // 100 lines of ten bytes: line k starts at 10 (k − 1). Four chunks on two threads: targets 333,
        // 666 and 833, each cut at the end of its line.
        let text = units(String(repeating: "123456789\n", count: 100))
        let four = ranges([(0, 340, 1), (340, 670, 35), (670, 840, 68), (840, 1000, 85)])
        #expect(try split(text, targets: nil, threads: 2, chunks: 4, minimumBytes: 64) == four)
        // Chunks of at least 400 bytes (half of 800): two, cut after 500.
        #expect(
            try split(text, targets: nil, threads: 2, chunks: 4, minimumBytes: 800)
                == ranges([(0, 510, 1), (510, 1000, 52)]))
    }

    @Test func aMissingFileIsAnError() {
        let plan = CSVChunkPlan(targets: [10])
        #expect(throws: SystemError.self) {
            try CSVSplitter.ranges(
                path: "/nonexistent/junheng.csv", size: 100, encoding: .utf8, chunks: 2, plan: plan, threads: 1)
        }
    }

    /// Targets closer than one unit a thread make empty pieces of the count (0–1, 1–2, 2–2, 2–3 for targets
    /// 2 and 3 on four threads), whose first and last unit (0) hid a CR just before them (fixed: no
    /// piece is empty).
    @Test
    func aCRBeforeAnEmptyPieceOfTheCountStillEndsALine() throws {
        // Lines: 1 `a` (CRLF), 2 `b`, 3 `c`: the range from 3 is line 2 (the CRLF was counted twice: 3).
        let crlf = try split(units("a\r\nb\nc"), targets: [2, 3], threads: 4)
        #expect(crlf == ranges([(0, 3, 1), (3, 5, 2), (5, 6, 3)]))
        // A lone CR just before target 2 is a boundary at 2 (it was missed: the cut went on to 4).
        let loneCR = try split(units("a\rb\nc\nd"), targets: [2, 3], threads: 4)
        #expect(loneCR == ranges([(0, 2, 1), (2, 4, 2), (4, 7, 3)]))
        // One target at 2: pieces 0–0, 0–1, 1–1, 1–2; the CRLF at 0 was counted twice (line 4 for line 3).
        let pair = try split(units("\r\na\nb\n"), targets: [2], threads: 4)
        #expect(pair == ranges([(0, 4, 1), (4, 6, 3)]))
    }

    // MARK: - Random files against the model

    @Test(arguments: [TextEncoding.utf8, .utf16le, .utf16be])
    func randomFilesAreCutWhereTheModelCuts(encoding: TextEncoding) throws {
        var random = SplitMix64(seed: 42)
        let unit = encoding == .utf8 ? 1 : 2
        let alphabet: [UInt16] =
            [0x61, 0x2C, 0x22, 0x0A, 0x0D, 0x0D] + (unit == 1 ? [0xE4] : [0x4E00, 0x0A0D, 0x0D0A, 0x2222])
        var cases = 0
        while cases < 150 {
            let text = (0..<Int.random(in: 0...160, using: &random)).map { _ in
                alphabet.randomElement(using: &random)!
            }
            let threads = [1, 2, 5].randomElement(using: &random)!
            let targets = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                Int.random(in: 0...(text.count * unit + 2), using: &random)
            }
            cases += 1
            for ignoresQuotes in [false, true] {
                let got = try split(text, encoding, targets: targets, ignoresQuotes: ignoresQuotes, threads: threads)
                let expected = expectedRanges(text, unit: unit, targets: targets, ignoresQuotes: ignoresQuotes)
                #expect(got == expected, "\(text) cut at \(targets) on \(threads) threads")
                expectWellFormed(got, text, unit: unit, ignoresQuotes: ignoresQuotes)
            }
        }
    }

    /// The ranges tile the file, each starts after a line end (outside quotes unless told otherwise), on a
    /// whole unit, and on the line the model counts.
    func expectWellFormed(_ got: [CSVChunkRange], _ text: [UInt16], unit: Int, ignoresQuotes: Bool) {
        #expect(got.first?.start == 0 && got.last?.end == text.count * unit)
        #expect(zip(got, got.dropFirst()).allSatisfy { $0.end == $1.start && $0.start < $0.end })
        let starts = Set(lineEnds(text).filter { ignoresQuotes || !$0.quoted }.map { $0.boundary * unit })
        for range in got.dropFirst() {
            #expect(starts.contains(range.start) && range.start % unit == 0, "a cut at \(range.start)")
        }
        for range in got { #expect(range.firstLine == lineNumber(at: range.start / unit, text)) }
    }
}
