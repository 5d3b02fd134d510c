public import JunhengCore

/// The most a stored response's fields may hold, checked when a store is read (issue 22: a 50 MB answers
/// value took 399 MB and 29 s and was echoed whole). A response `junheng serve` wrote is always within
/// them: the form's body is at most 64 KiB, a typed answer 1,000 characters.
public enum StoreLimits {
    /// The answers, as JSON: the form's own body limit.
    public static let answersBytes = 64 * 1024
    /// The questionnaire id, the token, the address's HMAC, the county.
    public static let shortTextBytes = 256
    /// A link's township or school.
    public static let nameBytes = 1_024

    /// The application id junheng writes into an SQLite file it makes (`PRAGMA application_id`): "JHNG",
    /// the same in every junheng store (``JunhengDatabaseFile``), so that one file can hold them all.
    public static let sqliteApplicationID: Int32 = JunhengDatabaseFile.applicationID

    /// A stored response over the limits: named by its number, its size given, its content never shown.
    public static func oversize(place: String, id: Int64, answersBytes: Int) -> CollectionStoreError {
        CollectionStoreError(
            location: SourceLocation(file: place),
            message: LocalizedText(
                zh: "第 \(id) 份答卷超出大小上限（答案 \(answersBytes) 字节，上限 \(Self.answersBytes) 字节；"
                    + "名称类字段上限 \(nameBytes) 字节），不是 junheng serve 写入的，已拒绝读取。请检查答卷库是否被改动过。",
                en:
                    "response \(id) is over the size limits (answers \(answersBytes) bytes, limit \(Self.answersBytes); "
                    + "names at most \(nameBytes) bytes): junheng serve did not write it, and it is not read. Check "
                    + "whether the store was altered."))
    }
}
