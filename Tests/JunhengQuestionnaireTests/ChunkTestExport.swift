import Foundation
import Testing

/// A public-survey export several thousand rows long, built from the bundled sample for the chunk tests
/// (``SatisfactionChunkTests``): every record gets a number and an IP of its own, then
/// - every 7th answer to the last question is quoted and runs over three lines, with a comma, doubled
///   quotes, `〖…〗` and a CRLF inside;
/// - every 400th record is a copy of the record 397 before it (the same IP and answers), so each copy
///   is a duplicate whose original is counted, often in another chunk;
/// - record 102 comes back twice more, a fifth and a third into the file (a response seen three times);
/// - every 1,000th record lacks its last field (a ragged row, left out by the reader);
/// - one school name holds a stray `"` (kept as text by the reader), which throws off the quote parity
///   the cuts are found by, for every cut after it.
/// Written as UTF-8 (with BOM) and, through `iconv`, as GB18030.
struct ChunkTestExport {
    enum Encoding: String, CustomTestStringConvertible, Sendable {
        case utf8, gb18030
        var testDescription: String { rawValue }
    }

    static let repeats = 10
    static let plantedDuplicates = 10
    static let plantedRagged = 4
    /// Text inside the one multi-line answer in the second half that the tests find by its bytes.
    static let multiLineMarker = "多行标记"

    let folder: URL
    /// (line of the original, line of its copy), physical lines.
    let plantedCopies: [(Int, Int)]

    func path(_ encoding: Encoding) -> String {
        folder.appendingPathComponent("chunks-\(encoding.rawValue).csv").path
    }

    static func make() -> ChunkTestExport {
        let sample = SampleResponsesTests.folder.appendingPathComponent("survey-public.csv")
        guard let text = try? String(contentsOf: sample, encoding: .utf8) else {
            preconditionFailure("the bundled sample survey-public.csv is readable")
        }
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        let header = lines.removeFirst().replacingOccurrences(of: "\u{FEFF}", with: "")
        let records = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }

        var out = "\u{FEFF}" + header + "\r\n"
        var line = 2
        var startLines: [Int] = []
        var written: [[String]] = []
        var copies: [(Int, Int)] = []
        let total = records.count * repeats
        for index in 0..<total {
            var fields = records[index % records.count]
            fields[0] = String(index + 1)
            fields[5] = "10.\(index / 65_536).\(index / 256 % 256).\(index % 256)(安徽-亳州)"
            if index % 7 == 3 {
                fields[fields.count - 1] = "\"第\(index)条，有逗号\r\n第二行 \"\"引号\"\" 〖其他〗\r\n第三行\""
            }
            if index == total * 3 / 4 {
                fields[fields.count - 1] = "\"\(multiLineMarker)开始\r\n中间\r\n\(multiLineMarker)结束\""
            }
            if index == total * 2 / 5 { fields[8] = "马庄\"二小" }
            if index >= 400, index % 400 == 0 {
                // The same IP and answers as record index − 397, under a number of its own.
                var copy = written[index - 397]
                copy[0] = fields[0]
                copy[1] = fields[1]
                fields = copy
                copies.append((startLines[index - 397], line))
            }
            if index % 400 != 0, index % 1000 != 999, index == total / 5 + 1 || index == total / 3 + 1 {
                // Record 102 again, twice, far apart (before the stray quote, whose cuts are all undone): three
                // chunks may each hold one of the three, and both copies are left out as duplicates of record
                // 102 itself, the first seen.
                var copy = written[102]
                copy[0] = fields[0]
                copy[1] = fields[1]
                fields = copy
                copies.append((startLines[102], line))
            }
            written.append(fields)
            startLines.append(line)
            var row = fields
            if index % 1000 == 999 { row.removeLast() }
            let joined = row.joined(separator: ",")
            out += joined + "\r\n"
            line += joined.components(separatedBy: "\r\n").count
        }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "junheng-chunks-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let utf8 = folder.appendingPathComponent("chunks-utf8.csv")
            try Data(out.utf8).write(to: utf8)
            let plain = folder.appendingPathComponent("plain.csv")
            try Data(out.dropFirst().utf8).write(to: plain)
            let iconv = Process()
            iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
            iconv.arguments = [
                "-f", "UTF-8", "-t", "GB18030", "-o", folder.appendingPathComponent("chunks-gb18030.csv").path,
                plain.path,
            ]
            try iconv.run()
            iconv.waitUntilExit()
            precondition(iconv.terminationStatus == 0, "iconv converts the test export to GB18030")
        } catch {
            preconditionFailure("cannot write the chunk test export: \(error)")
        }
        return ChunkTestExport(folder: folder, plantedCopies: copies)
    }
}
