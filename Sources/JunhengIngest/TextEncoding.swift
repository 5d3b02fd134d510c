/// The text encodings a county's CSV exports arrive in (DOMAIN.md §5).
///
/// Detection order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), else valid UTF-8, else GB18030
/// (the superset of GBK, which Excel on Chinese Windows writes).
public enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"
}
