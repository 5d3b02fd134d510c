import Dispatch
import Glibc
import Synchronization

/// One part of a file that a chunk reads: from `start` (a record's first byte) to `end` (exclusive; the
/// file's size for the last part), whose first record starts on line `firstLine`.
package struct CSVChunkRange: Sendable, Hashable {
    package var start: Int
    package var end: Int
    package var firstLine: Int

    package init(start: Int, end: Int, firstLine: Int) {
        self.start = start
        self.end = end
        self.firstLine = firstLine
    }
}

/// How a read is cut into chunks; tests force the cuts.
package struct CSVChunkPlan: Sendable, Hashable {
    /// Byte offsets where cuts are looked for, in order (`nil`: the splitter's own, ``CSVSplitter/targets(size:chunks:threads:smallest:)``).
    package var targets: [Int]?
    /// Cut at the first line end after each target whatever the quotes say, so a cut can fall inside a
    /// quoted field (tests of the check that catches one, ``CSVChunkedReader``).
    package var ignoresQuotes = false
    /// Files smaller than this are read on one thread; chunks are at least half of it.
    package var minimumBytes = 4 << 20

    package init(targets: [Int]? = nil, ignoresQuotes: Bool = false, minimumBytes: Int = 4 << 20) {
        self.targets = targets
        self.ignoresQuotes = ignoresQuotes
        self.minimumBytes = minimumBytes
    }
}

/// Finds where to cut a text file into chunks at record boundaries, and the line each chunk starts on.
///
/// A record boundary is a line end outside quotes. Whether a place is inside quotes is told by quote
/// parity: in a file written as RFC 4180 says (a field holding `"`, a delimiter or a line break is
/// quoted, and its quotes doubled, `""`), a place is inside a quoted field exactly when an odd number of
/// `"` come before it, because each `""` adds two. A stray quote (`5'6"` in an unquoted field, which
/// libcsv keeps as text) breaks the rule from there on: the cut is then a guess, which the reader
/// checks against the parse of the chunk before (``CSVChunkedReader``), so a wrong guess costs time and
/// never a figure.
///
/// The prefix of the file before the last cut is scanned once, on all threads, counting `"`, LF, CR and
/// CRLF (a line end is an LF, or a CR not followed by LF, as ``LineFeeder`` counts lines) 16 bytes at a
/// time. GB18030 never uses these bytes inside a character; UTF-16 is scanned by 16-bit code units.
enum CSVSplitter {
    /// Where to cut `size` bytes into at most `chunks` chunks read by `threads` threads, none smaller than
    /// `smallest` bytes: chunks of decreasing size, chunk `i` of `n` weighing ⌈(n − i) / threads⌉ (6
    /// chunks on 2 threads: 3, 3, 2, 2, 1, 1 twelfths), so that the threads, each taking the next chunk in
    /// file order, run out of work at nearly the same time, never a large chunk left to one thread.
    static func targets(size: Int, chunks: Int, threads: Int, smallest: Int) -> [Int] {
        let lanes = max(1, threads)
        func weights(_ count: Int) -> [Int] { (0..<count).map { (count - $0 + lanes - 1) / lanes } }
        var count = max(1, chunks)
        while count > 1, size / weights(count).reduce(0, +) < max(1, smallest) { count -= 1 }
        let weight = weights(count)
        let total = weight.reduce(0, +)
        var targets: [Int] = []
        var sum = 0
        for index in 0..<(count - 1) {
            sum += weight[index]
            // size × sum stays far below Int.max (a file of 2⁴⁰ bytes, a hundred chunks).
            targets.append(size * sum / total)
        }
        return targets
    }

    /// What a piece of the file holds.
    struct Tally {
        var quotes = 0
        var lineFeeds = 0
        var carriageReturns = 0
        /// CR immediately followed by LF, both in the piece.
        var pairs = 0
        var firstUnit: UInt16 = 0
        var lastUnit: UInt16 = 0
    }

    /// The chunks of the file at `path` (`size` bytes, in `encoding`): as many as `chunks`, each at
    /// least `plan.minimumBytes / 2`; one chunk when the file is smaller than `plan.minimumBytes`.
    static func ranges(
        path: String, size: Int, encoding: TextEncoding, chunks: Int, plan: CSVChunkPlan, threads: Int
    ) throws(SystemError) -> [CSVChunkRange] {
        let whole = [CSVChunkRange(start: 0, end: size, firstLine: 1)]
        let unit = encoding == .utf16le || encoding == .utf16be ? 2 : 1
        var targets: [Int]
        if let forced = plan.targets {
            targets = forced
        } else {
            guard size >= plan.minimumBytes, chunks > 1 else { return whole }
            targets = Self.targets(size: size, chunks: chunks, threads: threads, smallest: plan.minimumBytes / 2)
        }
        targets = targets.map { $0 / unit * unit }.filter { $0 > 0 && $0 < size }
        targets = Array(Set(targets)).sorted()
        guard !targets.isEmpty else { return whole }

        // Count the prefix before the last target in pieces, one piece a thread (each target ends a piece).
        var bounds = [0] + targets
        let perGap = max(1, threads / targets.count)
        if perGap > 1 {
            var finer: [Int] = [0]
            for (from, to) in zip(bounds, bounds.dropFirst()) {
                for part in 1...perGap { finer.append((from + (to - from) * part / perGap) / unit * unit) }
            }
            // Targets closer together than the pieces between them: no empty piece (its first and last
            // unit would read as a byte of the file).
            bounds = finer.reduce(into: []) { kept, bound in if kept.last != bound { kept.append(bound) } }
        }
        let pieces = Array(zip(bounds, bounds.dropFirst()))
        var tallies = [Tally](repeating: Tally(), count: pieces.count)
        let failure = Mutex<SystemError?>(nil)
        tallies.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let base = out.baseAddress!
            DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
                do throws(SystemError) {
                    // Each iteration writes its own element.
                    base[index] = try tally(path: path, range: pieces[index].0..<pieces[index].1, encoding: encoding)
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }

        // Each target: the parity and the line ends before it, then the first line end after it with
        // even parity (or any line end, when told to ignore quotes).
        let file = try FileReader(path: path)
        var ranges: [CSVChunkRange] = []
        var start = 0
        var firstLine = 1
        var quotes = 0
        var lineEnds = 0
        var piece = 0
        for target in targets {
            while piece < pieces.count, pieces[piece].1 <= target {
                let t = tallies[piece]
                quotes += t.quotes
                lineEnds += t.lineFeeds + t.carriageReturns - t.pairs
                // A CR ending the piece before and an LF starting this one are one line end.
                if piece > 0, tallies[piece - 1].lastUnit == 0x0D, t.firstUnit == 0x0A { lineEnds -= 1 }
                piece += 1
            }
            guard
                let (cut, endsBefore) = try nextBoundary(
                    file, from: target, size: size, encoding: encoding, oddQuotes: quotes % 2 == 1,
                    ignoresQuotes: plan.ignoresQuotes, previousUnit: piece > 0 ? tallies[piece - 1].lastUnit : 0)
            else { break }
            guard cut > start, cut < size else { continue }
            ranges.append(CSVChunkRange(start: start, end: cut, firstLine: firstLine))
            start = cut
            firstLine = 1 + lineEnds + endsBefore
        }
        ranges.append(CSVChunkRange(start: start, end: size, firstLine: firstLine))
        return ranges
    }

    /// The first record boundary at or after `target`: the offset after the first line end outside quotes
    /// (`oddQuotes` says whether `target` is inside them), and the line ends from `target` up to it.
    private static func nextBoundary(
        _ file: borrowing FileReader, from target: Int, size: Int, encoding: TextEncoding, oddQuotes: Bool,
        ignoresQuotes: Bool, previousUnit: UInt16
    ) throws(SystemError) -> (cut: Int, lineEnds: Int)? {
        let unit = encoding == .utf16le || encoding == .utf16be ? 2 : 1
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { buffer.deallocate() }
        var odd = oddQuotes
        var lineEnds = 0
        var offset = target
        // A CR just before the target was counted as a line end; an LF after it is the same line end.
        var pendingCR = previousUnit == 0x0D
        while offset < size {
            let got = try file.read(into: buffer, fileOffset: offset, max: min(buffer.count, size - offset))
            guard got >= unit else { return nil }
            var index = 0
            while index + unit <= got {
                let value = Self.unit(buffer, index, encoding)
                let position = offset + index
                if pendingCR {
                    pendingCR = false
                    if value == 0x0A {
                        // The LF of a CRLF whose CR was before: the record boundary is after it.
                        if !odd || ignoresQuotes { return (position + unit, lineEnds) }
                        index += unit
                        continue
                    }
                    if !odd || ignoresQuotes { return (position, lineEnds) }
                }
                if value == 0x22 {
                    odd.toggle()
                } else if value == 0x0A {
                    lineEnds += 1
                    if !odd || ignoresQuotes { return (position + unit, lineEnds) }
                } else if value == 0x0D {
                    lineEnds += 1
                    pendingCR = true
                }
                index += unit
            }
            offset += index
        }
        return nil
    }

    /// The code unit at `index` (a byte, or a UTF-16 unit in the file's byte order).
    @inline(__always)
    private static func unit(_ buffer: UnsafeMutableRawBufferPointer, _ index: Int, _ encoding: TextEncoding)
        -> UInt16
    {
        switch encoding {
        case .utf16le: UInt16(buffer[index]) | UInt16(buffer[index + 1]) << 8
        case .utf16be: UInt16(buffer[index]) << 8 | UInt16(buffer[index + 1])
        case .utf8, .gb18030: UInt16(buffer[index])
        }
    }

    /// Counts quotes and line ends in `range` of the file.
    static func tally(path: String, range: Range<Int>, encoding: TextEncoding) throws(SystemError) -> Tally {
        let file = try FileReader(path: path)
        let size = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size + 16, alignment: 16)
        defer { buffer.deallocate() }
        var total = Tally()
        var offset = range.lowerBound
        var previous: UInt16?
        while offset < range.upperBound {
            let got = try file.read(into: buffer, fileOffset: offset, max: min(size, range.upperBound - offset))
            guard got > 0 else { break }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<got])
            var piece = encoding == .utf16le || encoding == .utf16be ? tally16(bytes, encoding) : tally8(bytes)
            if let previous, previous == 0x0D, piece.firstUnit == 0x0A { piece.pairs += 1 }
            if previous == nil { total.firstUnit = piece.firstUnit }
            total.quotes += piece.quotes
            total.lineFeeds += piece.lineFeeds
            total.carriageReturns += piece.carriageReturns
            total.pairs += piece.pairs
            total.lastUnit = piece.lastUnit
            previous = piece.lastUnit
            offset += got
        }
        return total
    }

    /// Counts bytes 16 at a time: a lane per byte adds 1 where it matches, summed every 255 blocks.
    static func tally8(_ bytes: UnsafeRawBufferPointer) -> Tally {
        var tally = Tally()
        guard let base = bytes.baseAddress, bytes.count > 0 else { return tally }
        let count = bytes.count
        tally.firstUnit = UInt16(bytes[0])
        tally.lastUnit = UInt16(bytes[count - 1])
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let lf = SIMD16<UInt8>(repeating: 0x0A)
        let cr = SIMD16<UInt8>(repeating: 0x0D)
        let one = SIMD16<UInt8>(repeating: 1)
        let zero = SIMD16<UInt8>(repeating: 0)
        var index = 0
        // Blocks of 16 with the byte after each block readable (for CR followed by LF).
        while index + 17 <= count {
            var quotes = zero
            var lineFeeds = zero
            var carriageReturns = zero
            var pairs = zero
            var blocks = 0
            while blocks < 255, index + 17 <= count {
                let here = (base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                let next = (base + index + 1).loadUnaligned(as: SIMD16<UInt8>.self)
                quotes &+= zero.replacing(with: one, where: here .== quote)
                lineFeeds &+= zero.replacing(with: one, where: here .== lf)
                let isCR = here .== cr
                carriageReturns &+= zero.replacing(with: one, where: isCR)
                pairs &+= zero.replacing(with: one, where: isCR .& (next .== lf))
                index += 16
                blocks += 1
            }
            tally.quotes += Int(SIMD16<UInt16>(truncatingIfNeeded: quotes).wrappedSum())
            tally.lineFeeds += Int(SIMD16<UInt16>(truncatingIfNeeded: lineFeeds).wrappedSum())
            tally.carriageReturns += Int(SIMD16<UInt16>(truncatingIfNeeded: carriageReturns).wrappedSum())
            tally.pairs += Int(SIMD16<UInt16>(truncatingIfNeeded: pairs).wrappedSum())
        }
        while index < count {
            switch bytes[index] {
            case 0x22: tally.quotes += 1
            case 0x0A: tally.lineFeeds += 1
            case 0x0D:
                tally.carriageReturns += 1
                if index + 1 < count, bytes[index + 1] == 0x0A { tally.pairs += 1 }
            default: break
            }
            index += 1
        }
        return tally
    }

    /// Counts UTF-16 code units one at a time (UTF-16 exports are rare).
    static func tally16(_ bytes: UnsafeRawBufferPointer, _ encoding: TextEncoding) -> Tally {
        var tally = Tally()
        let count = bytes.count / 2
        guard count > 0 else { return tally }
        func unit(_ index: Int) -> UInt16 {
            encoding == .utf16le
                ? UInt16(bytes[2 * index]) | UInt16(bytes[2 * index + 1]) << 8
                : UInt16(bytes[2 * index]) << 8 | UInt16(bytes[2 * index + 1])
        }
        tally.firstUnit = unit(0)
        tally.lastUnit = unit(count - 1)
        var previous: UInt16 = 0
        for index in 0..<count {
            let value = unit(index)
            switch value {
            case 0x22: tally.quotes += 1
            case 0x0A:
                tally.lineFeeds += 1
                if previous == 0x0D { tally.pairs += 1 }
            case 0x0D: tally.carriageReturns += 1
            default: break
            }
            previous = value
        }
        return tally
    }
}
