import Foundation
import JunhengCore

/// The questionnaires a county has: every `*.yaml` in the survey folders, found by id or by path.
///
/// One broken file never hides the others: ``load()`` reads every file, keeps the questionnaires that
/// validate and reports each file that does not (``SurveyCatalogContents/failures``). Two files with the
/// same `id` are both reported, naming each other, and neither is used by that id (which one was meant
/// cannot be guessed).
public struct SurveyCatalog: Sendable {
    /// Folders searched in order.
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

    /// Every file read: the questionnaires that can be used, sorted by id, and every file that cannot.
    ///
    /// - Throws: ``QuestionnaireError`` only when the folders hold no questionnaire file at all.
    public func load() throws(QuestionnaireError) -> SurveyCatalogContents {
        let paths = files()
        guard !paths.isEmpty else {
            let folders = directories.joined(separator: ", ")
            throw QuestionnaireError(
                location: nil,
                message: LocalizedText(
                    zh: "\(folders) 中没有问卷文件（*.yaml）；请在项目文件夹中运行，或用 --surveys-dir 指定问卷文件夹。",
                    en:
                        "no questionnaire files (*.yaml) in \(folders); run from the project folder or pass --surveys-dir."
                ))
        }
        var loaded: [Questionnaire] = []
        var failures: [SurveyCatalogContents.Failure] = []
        for path in paths {
            do {
                loaded.append(try QuestionnaireLoader.load(path: path))
            } catch {
                failures.append(.init(file: path, id: nil, error: error))
            }
        }
        // The same id in two files: neither is used by that id; each names the other.
        let byID = Dictionary(grouping: loaded, by: \.id)
        var usable: [Questionnaire] = []
        for questionnaire in loaded {
            let sharing = byID[questionnaire.id]!.filter { $0.source != questionnaire.source }.map(\.source)
            guard !sharing.isEmpty else {
                usable.append(questionnaire)
                continue
            }
            let others = sharing.joined(separator: ", ")
            failures.append(
                .init(
                    file: questionnaire.source, id: questionnaire.id,
                    error: QuestionnaireError(
                        location: SourceLocation(file: questionnaire.source),
                        message: LocalizedText(
                            zh: "问卷编号 `\(questionnaire.id)` 与 \(others) 重复：无法确定 --survey \(questionnaire.id) 指哪一份。"
                                + "请给其中一份改一个新的 `id`。",
                            en: "the questionnaire id `\(questionnaire.id)` is also used by \(others): --survey "
                                + "\(questionnaire.id) could mean either. Give one of them a new `id`."))))
        }
        failures.sort { $0.file < $1.file }
        return SurveyCatalogContents(questionnaires: usable.sorted { $0.id < $1.id }, failures: failures)
    }

    /// Every questionnaire, sorted by id, when every file can be used.
    ///
    /// - Throws: ``QuestionnaireError`` for the first file that cannot be used, or when none is found.
    public func list() throws(QuestionnaireError) -> [Questionnaire] {
        let contents = try load()
        if let failure = contents.failures.first { throw failure.error }
        return contents.questionnaires
    }

    /// The questionnaire with this id, or the file at this path. Files that cannot be used do not stand
    /// in the way, unless the id asked for is theirs.
    public func resolve(_ idOrPath: String) throws(QuestionnaireError) -> Questionnaire {
        if idOrPath.hasSuffix(".yaml") || idOrPath.hasSuffix(".yml") || idOrPath.contains("/") {
            return try QuestionnaireLoader.load(path: idOrPath)
        }
        let contents = try load()
        if let found = contents.questionnaires.first(where: { $0.id == idOrPath }) { return found }
        // A file that cannot be used and has this id, or is named after it (`public.yaml`): its own error.
        if let failure = contents.failures.first(where: {
            $0.id == idOrPath || (($0.file as NSString).lastPathComponent as NSString).deletingPathExtension == idOrPath
        }) {
            throw failure.error
        }
        let known = contents.questionnaires.map(\.id).joined(separator: ", ")
        var message = LocalizedText(
            zh: "没有编号为 \(idOrPath) 的问卷；现有：\(known)。见 `junheng survey list`。",
            en: "no questionnaire with id \(idOrPath); known: \(known). See `junheng survey list`.")
        if !contents.failures.isEmpty {
            let broken = contents.failures.map(\.file).joined(separator: ", ")
            message =
                message
                + LocalizedText(
                    zh: "以下问卷文件无法使用，它可能在其中：\(broken)。", en: " These files cannot be used and may hold it: \(broken).")
        }
        throw QuestionnaireError(location: nil, message: message)
    }
}
