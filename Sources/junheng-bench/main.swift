import CSVBaseline
import Foundation
import JunhengCore
import JunhengIngest
import JunhengQuestionnaire

// junheng-bench: makes its own 问卷星-style export and measures ingest throughput and peak memory.
// Usage: junheng-bench [--rows N] [--dir DIR] [--only c|scan|validate|read|satisfaction|hostile]
// (defaults: 1,000,000 rows, ./bench-data). The export follows surveys/public.yaml, so run it from the
// package folder (the satisfaction phase loads that questionnaire).

// As junheng itself does: large blocks go back to the system when freed.
MemoryPolicy.returnLargeBlocksToTheSystem()

var rows = 1_000_000
var directory = "bench-data"
var only: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--rows": rows = Int(arguments.next() ?? "") ?? rows
    case "--dir": directory = arguments.next() ?? directory
    case "--only": only = arguments.next()
    default:
        FileHandle.standardError.write(
            Data(
                "usage: junheng-bench [--rows N] [--dir DIR] [--only c|scan|validate|read|satisfaction|hostile]\n".utf8)
        )
        exit(2)
    }
}

try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let big = "\(directory)/wjx-public-\(rows).csv"
let small = "\(directory)/wjx-public-\(rows / 10).csv"
for (path, count) in [(big, rows), (small, rows / 10)] where !FileManager.default.fileExists(atPath: path) {
    print("generating \(path) (\(count) rows)…")
    try BenchExport.write(path: path, rows: count)
}

func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

// The worst inputs of issue 10 (hostile), first, so no earlier phase's memory counts: inspect on 2,000,000
// ragged rows, and satisfaction on a 50 MB one-field line (refused at the 1 MiB field limit).
let raggedPath = "\(directory)/hostile-ragged-2000000.csv"
let oneFieldPath = "\(directory)/hostile-one-field-50MB.csv"
if !FileManager.default.fileExists(atPath: raggedPath) {
    try HostileInput.writeRaggedRows(path: raggedPath, rows: 2_000_000)
}
if !FileManager.default.fileExists(atPath: oneFieldPath) {
    try HostileInput.writeOneField(path: oneFieldPath, bytes: 50_000_000)
}
/// Inspects 2,000,000 ragged rows as `junheng inspect` does; returns the rows counted (all skipped).
func hostileInspect() -> Int {
    let inspection = CSVInspection.inspect(path: raggedPath)
    precondition(inspection.problemCounts["ragged-row"] == 2_000_000, "every ragged row is counted")
    return inspection.problemCounts["ragged-row"] ?? 0
}
/// `junheng satisfaction` on the 50 MB line: refused with the field limit's error.
func hostileSatisfaction(_ survey: Questionnaire) -> Int {
    do {
        _ = try SatisfactionAnalysis.run(
            exports: [oneFieldPath], survey: survey, by: [.township], settings: SatisfactionSettings(survey: survey))
        preconditionFailure("a 50 MB field must be refused")
    } catch let error as IngestError {
        precondition(error.kind == .fieldTooLong, "refused at the field limit: \(error)")
        return 1
    } catch {
        preconditionFailure("refused by the reader: \(error)")
    }
}

/// Runs `body` `repeats` times and reports the fastest run (the one least disturbed by other processes).
func measure(_ label: String, bytes: Int, repeats: Int = 3, _ body: () throws -> Int) rethrows
    -> (seconds: Double, records: Int)
{
    PeakMemory.reset()
    let clock = ContinuousClock()
    var records = 0
    var seconds = Double.infinity
    for _ in 0..<repeats {
        let elapsed = try clock.measure { records = try body() }
        seconds = min(seconds, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let line = String(
        format: "%-44@ %7.1f MB/s %12.0f rows/s %8.2f s  peak RSS %6.1f MiB", label as NSString,
        megabytes(bytes) / seconds, Double(records) / seconds, seconds, PeakMemory.megabytes())
    print(line)
    return (seconds, records)
}

let size = (try FileManager.default.attributesOfItem(atPath: big)[.size] as? Int) ?? 0
let smallSize = (try FileManager.default.attributesOfItem(atPath: small)[.size] as? Int) ?? 0
print(String(format: "file: %@ (%.1f MB, %d rows); best of 3 runs each", big, megabytes(size), rows))

let chunk = CSVReadOptions().chunkSize  // the reader's default, for every phase (the C loop too)
let survey = try SurveyCatalog(directories: ["surveys"]).resolve("public")
let settings = SatisfactionSettings(survey: survey)

/// The whole satisfaction pipeline as `junheng satisfaction --by township,group` runs it: read, map the
/// header onto the questionnaire, screen (duplicates, speeders, outside groups) and aggregate.
func satisfaction(_ path: String) throws -> SatisfactionResult {
    try SatisfactionAnalysis.run(
        exports: [path], survey: survey, by: [.township, .group], settings: settings,
        readOptions: CSVReadOptions(chunkSize: chunk))
}
if let only {
    // One phase, once, for profilers (valgrind --tool=callgrind counts its instructions).
    var count = 0
    switch only {
    case "c": count = Int(csv_baseline_count(big, chunk, UInt8(ascii: ",")).records)
    case "hostile": count = hostileInspect() + hostileSatisfaction(survey)
    case "satisfaction": count = try satisfaction(big).rows
    case "validate":
        _ = try CSVFile(path: big, options: CSVReadOptions(chunkSize: chunk)).scan { row in
            try row.validate()
            count &+= 1
        }
    case "scan":
        _ = try CSVFile(path: big, options: CSVReadOptions(chunkSize: chunk)).scan { row in
            count &+= row.count
        }
    default:
        _ = try CSVFile(path: big, options: CSVReadOptions(chunkSize: chunk)).read { count &+= $0.fields.count }
    }
    print(only, count)
    exit(0)
}
let raggedSize = (try FileManager.default.attributesOfItem(atPath: raggedPath)[.size] as? Int) ?? 0
_ = measure("hostile: inspect 2,000,000 ragged rows", bytes: raggedSize, repeats: 1) { hostileInspect() }
let hostileInspectPeak = PeakMemory.megabytes()
_ = measure("hostile: satisfaction on a 50 MB one-field line", bytes: 50_000_000, repeats: 1) {
    hostileSatisfaction(survey)
}
let hostileSatisfactionPeak = PeakMemory.megabytes()
print(
    String(
        format: "hostile peak RSS: inspect %.1f MiB, satisfaction %.1f MiB (goal: at most 64 MiB, README's promise)",
        hostileInspectPeak, hostileSatisfactionPeak))
let baseline = measure("C loop over libcsv (empty callbacks)", bytes: size) {
    let result = csv_baseline_count(big, chunk, UInt8(ascii: ","))
    precondition(result.status == 0, "baseline failed: \(result.status)")
    return Int(result.records) - 1
}
// Every record, every field's bytes touched, none decoded (CSVRow decodes and checks a field only when
// asked, as the C loop decodes nothing).
let wrapper = try measure("Swift wrapper (CSVFile.scan)", bytes: size) {
    var count = 0
    var fieldBytes = 0
    _ = try CSVFile(path: big, options: CSVReadOptions(chunkSize: chunk)).scan { row in
        count += 1
        for index in 0..<row.count { fieldBytes &+= row.byteCount(index) }
    }
    return count
}
let wrapperPeak = PeakMemory.megabytes()
// Every field checked as UTF-8 and nothing decoded: what the satisfaction pipeline pays before it
// looks at a single answer (it reads cells from these checked bytes).
let validated = try measure("Swift wrapper (scan + validate every field)", bytes: size) {
    var count = 0
    _ = try CSVFile(path: big, options: CSVReadOptions(chunkSize: chunk)).scan { row in
        try row.validate()
        count += 1
    }
    return count
}
// Every field checked as UTF-8 and decoded into a Swift String (CSVRecord).
let strings = try measure("Swift wrapper (CSVFile.read, Strings)", bytes: size) {
    var count = 0
    var fields = 0
    _ = try CSVFile(path: big, options: CSVReadOptions(chunkSize: chunk)).read { record in
        count += 1
        fields &+= record.fields.count
    }
    return count
}
_ = try measure("Swift wrapper, 1/10 of the rows", bytes: smallSize) {
    var count = 0
    _ = try CSVFile(path: small, options: CSVReadOptions(chunkSize: chunk)).scan { _ in count += 1 }
    return count
}
let smallPeak = PeakMemory.megabytes()
// The smaller file first, so its peak is not the larger one's high-water mark.
var smallResult: SatisfactionResult?
_ = try measure("satisfaction pipeline, 1/10 of the rows", bytes: smallSize) {
    let result = try satisfaction(small)
    smallResult = result
    return result.rows
}
let pipelineSmallPeak = PeakMemory.megabytes()
var satisfactionResult: SatisfactionResult?
let pipeline = try measure("satisfaction pipeline (read, map, screen, aggregate by township × group)", bytes: size) {
    let result = try satisfaction(big)
    satisfactionResult = result
    return result.rows
}
let pipelinePeak = PeakMemory.megabytes()
print(
    String(
        format: "wrapper / C loop throughput: %.2f (floor 0.80); with every field as a String: %.2f",
        baseline.seconds / wrapper.seconds, baseline.seconds / strings.seconds))
print(
    String(
        format: "peak RSS: %.1f MiB for %d rows, %.1f MiB for %d rows (floor: under 64 MiB, not growing)",
        wrapperPeak, rows, smallPeak, rows / 10))
print(
    String(
        format: "satisfaction pipeline / C loop throughput: %.2f (floor 0.70); scan + validate alone: %.2f",
        baseline.seconds / pipeline.seconds, baseline.seconds / validated.seconds))
print(
    String(
        format: "satisfaction peak RSS: %.1f MiB for %d rows, %.1f MiB for %d rows (grows with rows only through "
            + "the duplicate screen's 12 bytes per response (64-bit hash + first place) in a table kept at most "
            + "80 % full, and the list of excluded rows)",
        pipelinePeak, rows, pipelineSmallPeak, rows / 10))
if let result = satisfactionResult {
    let counts = result.exclusionCounts.sorted { $0.key.rawValue < $1.key.rawValue }
        .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
    print(
        String(
            format: "satisfaction: %d rows, %d used, excluded: %@; overall rate %.4f; %d township × group cells",
            result.rows, result.used, counts, result.overall.rate ?? .nan, result.groups.count))
}
_ = smallResult
precondition(pipeline.records == baseline.records, "pipeline rows differ: \(pipeline.records) vs \(baseline.records)")
precondition(wrapper.records == baseline.records, "record counts differ: \(wrapper.records) vs \(baseline.records)")
