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

    @available(*, deprecated, message: "give the message in both languages: LocalizedText(zh:en:)")
    public init(location: SourceLocation?, message: String) {
        self.init(location: location, message: LocalizedText(verbatim: message))
    }

    init(path: String, doing action: String, _ error: any Error) {
        let detail: String
        if let database = error as? DatabaseError {
            detail = database.message ?? "\(database.resultCode)"
        } else {
            detail = "\(error)"
        }
        self.init(
            location: SourceLocation(file: path),
            message: "\(action)失败 (\(detail))。请检查该文件是否为 junheng 的历史库、是否有写权限, 或用 --db 指定另一个文件。")
    }
}
