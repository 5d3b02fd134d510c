import Foundation
import JunhengCore
import JunhengIngest
import Testing

@testable import JunhengQuestionnaire

/// One export read on one thread and in chunks on several gives the same result, byte for byte in
/// every output: the chunks' cuts are forced everywhere (inside quoted fields, inside multi-line
/// answers, inside multi-byte characters), duplicates straddle the cuts, reader problems fall in
/// several chunks, and the file is read as UTF-8 and as GB18030 (issue 14).
@Suite struct SatisfactionChunkTests {
    /// The bundled public-survey sample, grown to several thousand rows with everything a cut can
    /// meet (``ChunkTestExport``).
    static let export: ChunkTestExport = ChunkTestExport.make()

    let survey: Questionnaire
    init() throws {
        survey = try SurveyCatalog(directories: [TestSupport.surveysDirectory]).resolve("public")
    }

    func run(
        _ path: String, threads: Int, plan: CSVChunkPlan = CSVChunkPlan(), keepAll: Bool = false,
        frequencies: Bool = true
    ) throws -> SatisfactionResult {
        var options = CSVReadOptions(threads: threads)
        options.chunkPlan = plan
        return try SatisfactionAnalysis.run(
            exports: [path], survey: survey, by: [.township, .group],
            settings: SatisfactionSettings(
                survey: survey, keepAll: keepAll,
                frequencies: frequencies ? FrequencyRequest(by: nil, answers: true) : nil),
            readOptions: options)
    }

    /// Everything the result says, as the JSON output prints it in both languages, with the full
    /// lists of excluded rows and problems (the JSON keeps the first few).
    func everything(_ result: SatisfactionResult) throws -> [String] {
        [
            try JSONOutput.encode(result.jsonDocument(in: .zh)),
            try JSONOutput.encode(result.jsonDocument(in: .en)),
            result.excludedRows.map { "\($0.file):\($0.line) \($0.reason) \($0.detail.en)" }.joined(separator: "\n"),
            result.answerProblems.map { "\($0.line):\($0.column)" }.joined(separator: ","),
            result.ingestProblems.map { "\($0.kind) \($0.location)" }.joined(separator: "\n"),
            "\(result.rows) \(result.used) \(result.answerProblemCount)",
        ]
    }

    /// Cuts every `step` bytes from `first` on.
    static func targets(every step: Int, from first: Int, size: Int) -> [Int] {
        Array(stride(from: first, to: size, by: step))
    }

    @Test(arguments: [ChunkTestExport.Encoding.utf8, .gb18030])
    func chunksGiveTheWholeReadsResult(encoding: ChunkTestExport.Encoding) throws {
        let path = Self.export.path(encoding)
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let whole = try everything(run(path, threads: 1))
        // The test means something: the file has what the cuts must get right.
        let single = try run(path, threads: 1)
        #expect(single.excludedRows.filter { $0.reason == .duplicate }.count >= ChunkTestExport.plantedDuplicates)
        #expect(single.excludedRows.filter { $0.reason == .raggedRow }.count == ChunkTestExport.plantedRagged)
        #expect(single.rows > 4000)
        for (threads, plan) in [
            (2, CSVChunkPlan(targets: nil, minimumBytes: 64 << 10)),
            (3, CSVChunkPlan(targets: Self.targets(every: 49_999, from: 7, size: size))),
            (4, CSVChunkPlan(targets: Self.targets(every: 12_347, from: 1, size: size))),
            // Cut at the first line end whatever the quotes say: cuts inside multi-line answers, which
            // the reader must find and undo.
            (2, CSVChunkPlan(targets: Self.targets(every: 31_337, from: 3, size: size), ignoresQuotes: true)),
        ] {
            let chunked = try everything(run(path, threads: threads, plan: plan))
            #expect(chunked == whole, "threads \(threads), targets \(plan.targets?.prefix(3) ?? [])")
        }
    }

    /// Two exports, the second the first's rows again (as GB18030): every row of the second is the same
    /// submission as one of the first, in chunks as on one thread (the first export's fingerprints kept for
    /// the second's screens).
    @Test func aSecondExportIsScreenedAgainstTheFirstsChunks() throws {
        let paths = [Self.export.path(.utf8), Self.export.path(.gb18030)]
        func run(threads: Int, plan: CSVChunkPlan) throws -> SatisfactionResult {
            var options = CSVReadOptions(threads: threads)
            options.chunkPlan = plan
            return try SatisfactionAnalysis.run(
                exports: paths, survey: survey, by: [.township],
                settings: SatisfactionSettings(survey: survey), readOptions: options)
        }
        let single = try run(threads: 1, plan: CSVChunkPlan())
        let chunked = try run(threads: 3, plan: CSVChunkPlan(targets: nil, minimumBytes: 64 << 10))
        #expect(try everything(chunked) == everything(single))
        let second = single.excludedRows.filter { $0.file == paths[1] }
        #expect(second.count == single.files[1].rows)
    }

    /// A response left out as the same submission as one in an earlier chunk (序号, time and duration of
    /// row A) carries the IP and answers of a later response R in a third chunk: a whole read never
    /// fingerprints its answers (the submission screen comes first), so R is counted; so it must be in
    /// chunks, though the middle chunk, not knowing A, fingerprinted them. (The submission screen runs
    /// when several exports are read together: a small one comes first.)
    @Test func answersOfALeftOutSubmissionDoNotScreenALaterResponse() throws {
        let sample = try String(
            contentsOf: SampleResponsesTests.folder.appendingPathComponent("survey-public.csv"), encoding: .utf8)
        var lines = sample.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        let header = lines.removeFirst()
        func rows(_ count: Int, serial: Int, network: Int) -> [[String]] {
            (0..<count).map { index in
                var fields = lines[index % lines.count].split(separator: ",", omittingEmptySubsequences: false)
                    .map(String.init)
                fields[0] = String(serial + index)
                fields[5] = "\(network).\(index / 256).\(index % 256).1(安徽-亳州)"
                return fields
            }
        }
        var big = rows(3000, serial: 1, network: 10)
        let (a, e, r) = (200, 1500, 2700)
        // E: A's submission, with the answers of the sample's first row from an IP of its own; R: the same
        // IP and answers under a submission of its own.
        big[e] = [big[a][0], big[a][1], big[a][2]] + big[0][3..<5] + ["9.9.9.9(安徽-亳州)"] + big[0][6...]
        big[r] = [big[r][0], big[r][1], big[r][2]] + big[e][3...]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "junheng-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ rows: [[String]], _ name: String) throws -> (String, Int) {
            let text = ([header] + rows.map { $0.joined(separator: ",") }).joined(separator: "\r\n") + "\r\n"
            let path = folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return (path, text.utf8.count)
        }
        let (small, _) = try write(rows(50, serial: 90_001, network: 11), "small.csv")
        let (path, size) = try write(big, "big.csv")
        func analyse(threads: Int, plan: CSVChunkPlan) throws -> SatisfactionResult {
            var options = CSVReadOptions(threads: threads)
            options.chunkPlan = plan
            return try SatisfactionAnalysis.run(
                exports: [small, path], survey: survey, by: [.township],
                settings: SatisfactionSettings(survey: survey), readOptions: options)
        }
        let single = try analyse(threads: 1, plan: CSVChunkPlan())
        let reasons = Dictionary(
            single.excludedRows.filter { $0.file == path }.map { ($0.line, $0.reason) }, uniquingKeysWith: { a, _ in a }
        )
        #expect(reasons[e + 2] == .sameSubmission)
        #expect(reasons[r + 2] == nil)
        let chunked = try analyse(threads: 3, plan: CSVChunkPlan(targets: [size / 3, size * 2 / 3]))
        #expect(try everything(chunked) == everything(single))
    }

    /// Every cut inside one multi-line answer, one by one: the chunk after a wrong cut is dropped and the
    /// chunk before read again to the end.
    @Test func everyCutInsideAMultiLineAnswer() throws {
        let path = Self.export.path(.utf8)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let marker = Data(ChunkTestExport.multiLineMarker.utf8)
        let found = try #require(bytes.range(of: marker, in: (bytes.count / 2)..<bytes.count))
        let whole = try everything(run(path, threads: 1, keepAll: true, frequencies: false))
        for offset in stride(from: found.lowerBound - 40, to: found.upperBound + 40, by: 5) {
            let plan = CSVChunkPlan(targets: [offset], ignoresQuotes: true)
            #expect(try everything(run(path, threads: 2, plan: plan, keepAll: true, frequencies: false)) == whole)
        }
    }

    /// The same response (the same IP and answers) in two chunks: the first seen wins, whichever chunk
    /// is counted first.
    @Test func duplicatesAcrossChunksKeepTheFirst() throws {
        let path = Self.export.path(.utf8)
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let single = try run(path, threads: 1, frequencies: false)
        let chunked = try run(
            path, threads: 4, plan: CSVChunkPlan(targets: Self.targets(every: size / 6, from: size / 6, size: size)),
            frequencies: false)
        let lines = { (result: SatisfactionResult) in
            result.excludedRows.filter { $0.reason == .duplicate }.map(\.line)
        }
        #expect(lines(chunked) == lines(single))
        // Each planted copy is the one left out, never its original.
        for (original, copy) in Self.export.plantedCopies {
            #expect(lines(single).contains(copy))
            #expect(!lines(single).contains(original))
        }
    }
}
