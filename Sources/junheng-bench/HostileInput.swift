import Foundation

/// The worst inputs of issue 10, written for the benchmark's memory phase: what `junheng inspect` and
/// `junheng satisfaction` once needed gigabytes for, and must now read in bounded memory.
enum HostileInput {
    /// A three-column header and `rows` rows of one field (`1`): every row is ragged (2,000,000 rows,
    /// about 4 MB, took 1.3–2.5 GB before the problem list was bounded).
    static func writeRaggedRows(path: String, rows: Int) throws {
        try write(path: path, header: "a,b,c\n", row: "1\n", count: rows)
    }

    /// One line of `bytes` letters and no delimiter: a single field far over the field limit (50 MB
    /// took `satisfaction` past 20 s and 900 MB before the limit).
    static func writeOneField(path: String, bytes: Int) throws {
        try write(path: path, header: "", row: "x", count: bytes)
    }

    /// Writes `header`, then `row` `count` times, in blocks of 1 MiB or so.
    private static func write(path: String, header: String, row: String, count: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(header.utf8)),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        try handle.seekToEnd()
        let perBlock = max(1, (1 << 20) / max(1, row.utf8.count))
        let block = Data(String(repeating: row, count: perBlock).utf8)
        var left = count
        while left >= perBlock {
            try handle.write(contentsOf: block)
            left -= perBlock
        }
        try handle.write(contentsOf: Data(String(repeating: row, count: left).utf8))
    }
}
