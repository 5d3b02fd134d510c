import Foundation

/// Writes `bytes` to a new file in the temporary folder and returns its path (for inputs too large or
/// too odd to keep as fixtures; each test shows what it writes).
func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") -> String {
    let folder = NSTemporaryDirectory() + "junheng-ingest-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}

func temporaryFile(_ text: String, name: String = "input.csv") -> String {
    temporaryFile(Array(text.utf8), name: name)
}
