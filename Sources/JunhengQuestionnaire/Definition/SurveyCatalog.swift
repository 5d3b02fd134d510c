import Foundation
import JunhengCore

/// The questionnaires a county has: every `*.yaml` in the survey folders, found by id or by path.
public struct SurveyCatalog: Sendable {
    /// Folders searched in order; the first questionnaire with an id wins.
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// `--surveys-dir` if given, else `$JUNHENG_SURVEYS`, else `./surveys`, else a `surveys` folder
    /// beside or above the executable (so a built `junheng` finds the bundled questionnaires from anywhere).
    public static func standard(
        explicit: String? = nil, environment: [String: String] = [:], executable: String? = nil
    ) -> SurveyCatalog {
        if let explicit { return SurveyCatalog(directories: [explicit]) }
        if let fromEnvironment = environment["JUNHENG_SURVEYS"], !fromEnvironment.isEmpty {
            return SurveyCatalog(directories: [fromEnvironment])
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "surveys", isDirectory: &isDirectory), isDirectory.boolValue {
            return SurveyCatalog(directories: ["surveys"])
        }
        if let executable {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                let candidate = folder.appendingPathComponent("surveys").path
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                    return SurveyCatalog(directories: [candidate])
                }
                folder.deleteLastPathComponent()
            }
        }
        return SurveyCatalog(directories: ["surveys"])
    }

    /// The questionnaire files, sorted by path.
    public func files() -> [String] {
        var paths: [String] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                paths.append((directory as NSString).appendingPathComponent(name))
            }
        }
        return paths
    }

    /// Every questionnaire, sorted by id.
    ///
    /// - Throws: ``QuestionnaireError`` for the first file that does not validate, or when none is found.
    public func list() throws(QuestionnaireError) -> [Questionnaire] {
        var result: [Questionnaire] = []
        for path in files() {
            let questionnaire = try QuestionnaireLoader.load(path: path)
            if !result.contains(where: { $0.id == questionnaire.id }) { result.append(questionnaire) }
        }
        guard !result.isEmpty else {
            throw QuestionnaireError(
                location: nil,
                message:
                    "no questionnaire files (*.yaml) in \(directories.joined(separator: ", ")); "
                    + "run from the project folder or pass --surveys-dir.")
        }
        return result.sorted { $0.id < $1.id }
    }

    /// The questionnaire with this id, or the file at this path.
    public func resolve(_ idOrPath: String) throws(QuestionnaireError) -> Questionnaire {
        if idOrPath.hasSuffix(".yaml") || idOrPath.hasSuffix(".yml") || idOrPath.contains("/") {
            return try QuestionnaireLoader.load(path: idOrPath)
        }
        let all = try list()
        if let found = all.first(where: { $0.id == idOrPath }) { return found }
        throw QuestionnaireError(
            location: nil,
            message:
                "no questionnaire with id \(idOrPath); known: \(all.map(\.id).joined(separator: ", ")). "
                + "See `junheng survey list`.")
    }
}
