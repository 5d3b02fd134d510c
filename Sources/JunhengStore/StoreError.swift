import GRDB
public import JunhengCore

/// The history store could not be opened, migrated, read or written.
public struct StoreError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }

    /// `action` failed on the store at `path` because of `error` (SQLite's own words are kept as they are).
    init(path: String, doing action: LocalizedText, _ error: any Error) {
        let detail: String
        if let database = error as? DatabaseError {
            detail = database.message ?? "\(database.resultCode)"
        } else {
            detail = "\(error)"
        }
        self.init(
            location: SourceLocation(file: path),
            message: LocalizedText(
                zh: "\(action.zh)失败（\(detail)）。请检查该文件是否为 junheng 的历史库、是否有写权限，或用 --db 指定另一个文件。",
                en:
                    "\(action.en) failed (\(detail)). Check that the file is a junheng history store and can be written, "
                    + "or pass another file with --db."))
    }
}
