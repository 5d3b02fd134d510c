/// What marks an SQLite file as junheng's: one application id for every store junheng keeps in SQLite.
///
/// The history store (`JunhengStore`) and the collected responses (`JunhengCollection`) may live in one
/// file (`junheng.sqlite`), each with its own tables and its own named migrations. Both stamp this id
/// and refuse a file with any other, so neither takes the other's file for another program's.
public enum JunhengDatabaseFile {
    /// "JHNG", in SQLite's header (`PRAGMA application_id`).
    public static let applicationID: Int32 = 0x4A48_4E47
}
