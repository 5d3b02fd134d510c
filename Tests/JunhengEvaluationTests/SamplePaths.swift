import Foundation

/// The repository's top folder, found from this file's place (Tests/JunhengEvaluationTests/).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

func repositoryPath(_ relative: String) -> String { (repositoryRoot as NSString).appendingPathComponent(relative) }
