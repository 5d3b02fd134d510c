import Foundation

/// Checks the 佐证材料 of a sheet row: each path must name a file inside the county data folder.
///
/// Paths are relative to the data folder (`佐证材料/C15-办学规划.pdf`); several are separated by `;` or
/// `；` (or one a line). A Windows `\` is read as `/`. An absolute path, or one that leads outside the
/// folder (`../`, a link pointing elsewhere), is refused: the report names only what the folder holds,
/// so that the folder alone can be handed to a checker. An empty file (0 bytes) is no evidence.
public struct EvidenceCheck: Sendable, Hashable {
    /// What became of one path.
    public enum Outcome: Sendable, Hashable {
        /// The file is there (the path as given, cleaned).
        case found(String)
        /// Inside the folder, but no such file.
        case missing(String)
        /// Absolute, or leading outside the folder.
        case outside(String)
        /// The file is there but holds nothing (0 bytes).
        case empty(String)

        public var path: String {
            switch self {
            case .found(let path), .missing(let path), .outside(let path), .empty(let path): path
            }
        }
    }

    /// The data folder.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// The paths of a 佐证材料 cell, split and cleaned (empty for an empty cell).
    public static func paths(_ cell: String) -> [String] {
        cell.split { $0 == ";" || $0 == "；" || $0 == "\n" || $0 == "\r" }
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\", with: "/") }
            .filter { !$0.isEmpty }
    }

    /// Checks every path of a 佐证材料 cell.
    public func check(_ cell: String) -> [Outcome] {
        Self.paths(cell).map(check(path:))
    }

    /// Checks one relative path.
    public func check(path: String) -> Outcome {
        let isAbsolute =
            path.hasPrefix("/") || path.hasPrefix("~")
            || (path.count >= 2 && path.dropFirst().first == ":" && path.first?.isLetter == true)
        guard !isAbsolute else { return .outside(path) }
        let base = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL
            .resolvingSymlinksInPath().path
        guard target.hasPrefix(base.hasSuffix("/") ? base : base + "/") else { return .outside(path) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), !isFolder.boolValue else {
            return .missing(path)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? NSNumber)?.intValue
        guard let size, size > 0 else { return .empty(path) }
        return .found(path)
    }
}
