@_spi(Storage) import JunhengIngest

/// One chunk's counts while the chunk is read on its own thread (``CSVChunkedReader``).
final class ChunkTally: CSVRowSink, @unchecked Sendable {
    var tally: ResponseTally
    let plan: FilePlan
    /// The run's counts before this file, read (never written) by the duplicate screens; let go before the
    /// run's counts are written again. Not retained (every row would retain it, from every thread): the
    /// reader holds it while the chunks are read (``SatisfactionPipeline/read(chunksOf:prologue:moreFiles:)``).
    unowned(unsafe) var prior: TallyBox?

    init(_ tally: consuming ResponseTally, plan: FilePlan, prior: TallyBox) {
        self.tally = tally
        self.plan = plan
        self.prior = prior
    }

    func consume(row: CSVRow) throws {
        try tally.process(ReaderRow(row: row), plan: plan, prior: prior)
    }
}

/// Reading a large export in chunks on every core: the header and the first records on this thread (the
/// download mode and the fit judged from them, as a whole read does), then each chunk counted in a tally
/// of its own, the tallies added to the run's in file order.
///
/// The duplicate screens keep their meaning, the first seen wins: each chunk looks first at what the
/// files before it gave, and a chunk that counted a response as the first of its kind when an earlier
/// chunk of the file had it already is counted again, on its own, after the chunks before it.
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
        for part in read.chunks { part.sink.prior = nil }
        if let failure = read.failure { throw failure }
        for (index, part) in read.chunks.enumerated() {
            var counted = part.sink
            if index > 0, box.tally.sharesFingerprints(with: counted.tally) {
                // A response this chunk took for the first of its kind came in an earlier chunk: count the
                // chunk again, with every chunk before it as what came first.
                counted = chunk(part.range, prior: box)
                try reader.reread(part.range, index: index, prologue: prologue, into: counted)
                counted.prior = nil
            }
            let keepsFingerprints = moreFiles || index < read.chunks.count - 1
            tally().tally.absorb(&counted.tally, keepingFingerprints: keepsFingerprints)
        }
        consume(summary: read.summary)
    }
}
