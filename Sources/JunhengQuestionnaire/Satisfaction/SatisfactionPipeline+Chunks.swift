import Dispatch
@_spi(Storage) import JunhengIngest

/// One chunk's counts while the chunk is read on its own thread (``CSVChunkedReader``).
final class ChunkTally: CSVRowSink, @unchecked Sendable {
    /// Only this chunk's thread touches it while the chunk is read, and the merging thread after.
    @exclusivity(unchecked) var tally: ResponseTally
    let plan: FilePlan
    /// The run's counts before this file, read (never written) by the duplicate screens; let go before the
    /// run's counts are written again. Not retained, not even for a row (every row would retain it, from
    /// every thread, and the threads would wait on its reference count): the reader holds it while the
    /// chunks are read (``SatisfactionPipeline/read(chunksOf:prologue:moreFiles:)``).
    private var priorRun: Unmanaged<TallyBox>?

    init(_ tally: consuming ResponseTally, plan: FilePlan, prior: TallyBox) {
        self.tally = tally
        self.plan = plan
        priorRun = Unmanaged.passUnretained(prior)
    }

    /// Lets go of the run's counts (before they are written again).
    func releasePrior() { priorRun = nil }

    /// What `prior` saw counts only before this place (a chunk counted again: ``ResponseTally/process``).
    var priorBefore = UInt32.max
    /// The file's chunks before this one, in file order, when this chunk is counted again without a union
    /// of every chunk's fingerprints: what they saw came first (``ResponseTally/process``).
    var earlierChunks: [ChunkTally] = []

    func consume(row: CSVRow) throws {
        guard let priorRun else {
            return try tally.process(ReaderRow(row: row), plan: plan, priorBefore: priorBefore)
        }
        try priorRun._withUnsafeGuaranteedRef { prior in
            guard earlierChunks.isEmpty else {
                // A chunk counted again (rare): the earlier chunks' sets too.
                return try tally.process(
                    ReaderRow(row: row), plan: plan, prior: prior, priorBefore: priorBefore, earlier: earlierChunks)
            }
            // The common path passes no array, so a row retains nothing.
            try tally.process(ReaderRow(row: row), plan: plan, prior: prior, priorBefore: priorBefore)
        }
    }
}

/// Reading a large export in chunks on every core: the header and the first records on this thread (the
/// download mode and the fit judged from them, as a whole read does), then each chunk counted in a tally
/// of its own, the tallies added to the run's in file order.
///
/// The duplicate screens keep their meaning, the first seen wins: each chunk looks first at what the
/// files before it gave, and a chunk that counted a response as the first of its kind when an earlier
/// chunk of the file had it already is counted again, once every chunk has been read, with what every
/// chunk saw before its first line as what came first. Such chunks are counted again side by side, and a
/// file is cut into several chunks a core, so that a repeated response costs a small part of the file.
extension SatisfactionPipeline {
    /// Starts an export read in chunks: its header, and its plan from the prologue's records (the first
    /// chunk reads them again and counts them); when the prologue read the whole file, all of it.
    mutating func begin(_ prologue: CSVPrologue, file: String) {
        consume(header: prologue.header, line: prologue.headerLine, file: file)
        if let summary = prologue.summary {
            for record in prologue.records { consume(record: record) }
            consume(summary: summary)
        } else {
            _ = makePlan(sample: prologue.records)
        }
    }

    /// Reads the export after ``begin(_:file:)``: every chunk counted, added in file order, the reader's
    /// summary taken.
    ///
    /// - Parameter moreFiles: whether other exports come after this one (their duplicate screens need
    ///   this one's fingerprints).
    /// - Throws: the first error in file order (``IngestError``), as a whole read would.
    mutating func read(chunksOf reader: CSVChunkedReader, prologue: CSVPrologue, moreFiles: Bool) throws {
        guard let plan else { preconditionFailure("begin(_:file:) comes first") }
        // The duplicate screen's table is sized to the rows a chunk is likely to hold.
        let recordBytes =
            prologue.records.isEmpty
            ? 256
            : prologue.records.reduce(0) { $0 + $1.fields.reduce($1.fields.count + 1) { $0 + $1.utf8.count } }
                / prologue.records.count
        let frequencies = settings.frequencies
        let survey = survey
        let layout = layout
        func chunk(_ range: CSVChunkRange, prior: TallyBox) -> ChunkTally {
            var accumulator = frequencies.map { request in
                FrequencyAccumulator(survey: survey, by: request.by, keepAnswers: request.answers)
            }
            accumulator?.begin(file: plan.name, mapping: plan.mapping, mode: plan.mode)
            let rows = (range.end - range.start) / max(recordBytes, 16) * 11 / 10 + 64
            return ChunkTally(
                ResponseTally(layout: layout, frequencies: accumulator, expectedRows: plan.keepAll ? 64 : rows),
                plan: plan, prior: prior)
        }
        // The run's counts are shared with the chunks while they are read, and only then (so that writing
        // to them afterwards does not copy them).
        var run: TallyBox? = box
        let read = try reader.read(prologue: prologue) { _, range in chunk(range, prior: run!) }
        run = nil
        for part in read.chunks { part.sink.releasePrior() }
        if let failure = read.failure { throw failure }

        // 1. Which chunks took a response for the first of its kind that an earlier chunk had: every chunk's
        // fingerprints through a filter of the earlier chunks', in file order; only those it may have seen
        // are looked up in the earlier chunks' own sets.
        let sinks = read.chunks.map(\.sink)
        var conflicts = [Bool](repeating: false, count: sinks.count)
        var sameSubmissionAcross = false
        var answerFilter = FingerprintFilter(count: sinks.reduce(0) { $0 + $1.tally.answers.count })
        var submissionFilter = FingerprintFilter(count: sinks.reduce(0) { $0 + $1.tally.submissions.count })
        for (index, sink) in sinks.enumerated() {
            sink.tally.answers.forEachFingerprint { fingerprint in
                if answerFilter.mayContain(fingerprint), !conflicts[index],
                    sinks[..<index].contains(where: { $0.tally.answers.place(of: fingerprint) != nil })
                {
                    conflicts[index] = true
                }
                answerFilter.add(fingerprint)
            }
            sink.tally.submissions.forEachFingerprint { fingerprint in
                if submissionFilter.mayContain(fingerprint), !sameSubmissionAcross,
                    sinks[..<index].contains(where: { $0.tally.submissions.place(of: fingerprint) != nil })
                {
                    conflicts[index] = true
                    sameSubmissionAcross = true
                }
                submissionFilter.add(fingerprint)
            }
        }
        let again = conflicts.indices.filter { conflicts[$0] }
        // Room for every chunk's fingerprints at once, when they are kept: the run's tables then do not grow,
        // and rehash, chunk after chunk.
        func reserveAll() {
            let counts = sinks.map { $0.tally.fingerprintCounts }
            let held = box.tally.fingerprintCounts
            tally().tally.reserveFingerprints(
                answers: counts.reduce(held.answers) { $0 + $1.answers },
                submissions: counts.reduce(held.submissions) { $0 + $1.submissions })
        }
        guard !again.isEmpty else {
            // The common case: every chunk's counts as they are, in file order, and its fingerprints when
            // another export is to be screened against them.
            if moreFiles { reserveAll() }
            for sink in sinks { tally().tally.absorb(&sink.tally, keepingFingerprints: moreFiles) }
            consume(summary: read.summary)
            return
        }
        if sameSubmissionAcross {
            // A response whose submission came in an earlier chunk is left out before its answers are
            // fingerprinted, so its chunk recorded answers a whole read does not: the chunks' answers are
            // not the run's, and the chunks are counted again one after the other, each against the final
            // fingerprints of those before it.
            try recountInOrder(
                sinks, read: read, reader: reader, prologue: prologue, moreFiles: moreFiles, chunk: chunk)
            consume(summary: read.summary)
            return
        }
        // 2. Every chunk's fingerprints into the run's, in file order, each kept at its first place (the
        // answers recorded are a whole read's: no response's submission came in an earlier chunk). With no
        // export after this one, the run need not keep them: each chunk counted again looks in the earlier
        // chunks' own sets instead, in file order (the first that holds a fingerprint holds its first
        // place), and no union of them all is made (memory: the chunks' sets, not twice as much).
        if moreFiles {
            reserveAll()
            for sink in sinks { _ = tally().tally.mergeFingerprints(from: &sink.tally) }
        } else if let last = again.last {
            // No chunk counted again looks at the fingerprints of the last such chunk or of those after it.
            for sink in sinks[last...] { sink.tally.dropFingerprints() }
        }
        // 3. The chunks that shared a response with an earlier one counted again, side by side, each with
        // every fingerprint seen before its first line as what came first.
        var recounted: [Int: ChunkTally] = [:]
        do {
            let run = tally()
            nonisolated(unsafe) var results = [Result<ChunkTally, any Error>?](repeating: nil, count: again.count)
            let ranges = again.map { read.chunks[$0].range }
            let fresh = zip(again, ranges).map { index, range in
                let counted = chunk(range, prior: run)
                if moreFiles {
                    counted.priorBefore = plan.place(line: range.firstLine)
                } else {
                    counted.earlierChunks = Array(sinks[..<index])
                }
                return counted
            }
            results.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let base = out.baseAddress!
                DispatchQueue.concurrentPerform(iterations: again.count) { slot in
                    // Each iteration writes its own element.
                    base[slot] = Result {
                        try reader.reread(ranges[slot], index: again[slot], prologue: prologue, into: fresh[slot])
                        fresh[slot].releasePrior()
                        return fresh[slot]
                    }
                }
            }
            for counted in fresh { counted.earlierChunks = [] }
            for (slot, index) in again.enumerated() { recounted[index] = try results[slot]!.get() }
        }
        // 4. The counts, in file order.
        for (index, sink) in sinks.enumerated() {
            tally().tally.absorb(&(recounted[index] ?? sink).tally, keepingFingerprints: false)
        }
        if !moreFiles { tally().tally.dropFingerprints() }
        consume(summary: read.summary)
    }

    /// Adds the chunks in file order, a chunk that shares a fingerprint with those before it counted again
    /// first, against the run's fingerprints so far.
    private mutating func recountInOrder(
        _ sinks: [ChunkTally], read: CSVChunkedRead<ChunkTally>, reader: CSVChunkedReader, prologue: CSVPrologue,
        moreFiles: Bool, chunk: (CSVChunkRange, TallyBox) -> ChunkTally
    ) throws {
        for (index, sink) in sinks.enumerated() {
            var counted = sink
            if index > 0, box.tally.sharesFingerprints(with: counted.tally) {
                counted = chunk(read.chunks[index].range, box)
                try reader.reread(read.chunks[index].range, index: index, prologue: prologue, into: counted)
                counted.releasePrior()
            }
            tally().tally.absorb(&counted.tally, keepingFingerprints: moreFiles || index < sinks.count - 1)
        }
    }
}
