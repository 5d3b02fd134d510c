import Crypto
import Foundation
import JunhengCore
import JunhengIngest

/// What the report's last section says of each input file: its SHA-256 (so a reader can tell that the
/// figures come from exactly these files) and, for a table, its data rows and the rows the reader skipped.
struct DataFileFacts: Sendable, Hashable {
    var sha256: String?
    var rows: Int?
    var skipped: Int?

    /// The facts of one file; a folder (evidence) has none, and a table that cannot be read has no rows.
    static func of(_ path: String, table: Bool) -> DataFileFacts {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            return DataFileFacts()
        }
        var facts = DataFileFacts(sha256: sha256(path))
        if table, let summary = try? CSVFile(path: path).scan(row: { _ in }) {
            facts.rows = summary.rows
            facts.skipped = summary.skippedRows
        }
        return facts
    }

    /// SHA-256 of a file's bytes, read 1 MiB at a time, as lower-case hex.
    static func sha256(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        } catch {
            return nil  // a file that cannot be read to its end has no hash (never a hash of part of it)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
