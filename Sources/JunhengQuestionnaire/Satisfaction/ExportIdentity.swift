import Foundation
import JunhengCore

/// The same export given twice (issue 9 case 4): two paths to one file, or two files with the same bytes,
/// would count every response twice and narrow the interval. Refused before anything is read.
enum ExportIdentity {
    /// - Throws: ``SurveyDataError`` naming both files when two `paths` have the same content.
    static func refuseRepeatedContent(_ paths: [String]) throws(SurveyDataError) {
        var seen: [(path: String, real: String, size: Int)] = []
        for path in paths {
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
            for earlier in seen
            where earlier.real == real || (size >= 0 && earlier.size == size && sameBytes(earlier.path, path)) {
                throw SurveyDataError(
                    location: SourceLocation(file: path),
                    message: LocalizedText(
                        zh: earlier.real == real
                            ? "此文件给了两次（另一次是 \(earlier.path)）：同一批答卷会被计算两次。每个导出文件只给一次。"
                            : "此文件与 \(earlier.path) 内容完全相同：同一批答卷会被计算两次。每个导出文件只给一次。",
                        en: earlier.real == real
                            ? "this file is given twice (also as \(earlier.path)): its responses would count twice. "
                                + "Give each export once."
                            : "this file has the same content as \(earlier.path): its responses would count twice. "
                                + "Give each export once."))
            }
            seen.append((path, real, size))
        }
    }

    /// Whether two files of the same size hold the same bytes, compared 1 MiB at a time.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard let first = FileHandle(forReadingAtPath: a), let second = FileHandle(forReadingAtPath: b) else {
            return false
        }
        defer {
            try? first.close()
            try? second.close()
        }
        while true {
            let x = (try? first.read(upToCount: 1 << 20)) ?? nil
            let y = (try? second.read(upToCount: 1 << 20)) ?? nil
            guard x == y else { return false }
            if x == nil || x!.isEmpty { return true }
        }
    }
}
