import Foundation
import JunhengCore

/// The history store's messages about whose file a store is (``HistoryStore/check(_:path:)``).
enum StoreMessage {
    /// The file is another program's SQLite database (its application id, when it has one).
    static func anotherProgram(id: Int32?) -> LocalizedText {
        let shown = id.map { String(format: "0x%08X", UInt32(bitPattern: $0)) }
        return LocalizedText(
            zh: "这个文件是另一个程序的数据库" + (shown.map { "（application_id \($0)）" } ?? "")
                + "，不是 junheng 的历史库；未作任何改动。请用 --db 指定 junheng 的历史库文件，或一个新文件名。",
            en: "This file is another program's database" + (shown.map { " (application_id \($0))" } ?? "")
                + ", not a junheng history store; nothing was written to it. Pass junheng's history store with --db, "
                + "or a new file name.")
    }

    /// The store was written by a newer junheng: it has migrations (or a schema version) this one does not know.
    static func newerJunheng(_ unknown: [String]) -> LocalizedText {
        let listed = unknown.prefix(3).map { "“\($0)”" }.joined(separator: "、")
        let listedEn = unknown.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
        return LocalizedText(
            zh: "这个历史库由更新版本的 junheng 写入" + (unknown.isEmpty ? "" : "（含本版本不认识的结构升级 \(listed)）")
                + "，请升级 junheng 后再用；未作任何改动。",
            en: "This history store was written by a newer version of junheng"
                + (unknown.isEmpty ? "" : " (it has schema changes this version does not know: \(listedEn))")
                + ": upgrade junheng to use it. Nothing was written to it.")
    }
}
