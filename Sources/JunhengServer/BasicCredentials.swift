import Foundation

/// The user and password of an `Authorization: Basic …` header (RFC 7617, UTF-8).
struct BasicCredentials: Sendable, Hashable {
    var user: String
    var password: String

    /// `nil` when the header is absent or not Basic credentials.
    init?(_ header: String?) {
        guard let header, header.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst("Basic ".count))),
            let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        user = String(text[..<colon])
        password = String(text[text.index(after: colon)...])
    }

    /// The user name for a log line: quoted, control characters and quotes escaped, at most 64 characters,
    /// so a typed name can neither forge a line nor fill the log.
    var loggable: String {
        var out = ""
        for scalar in user.unicodeScalars.prefix(64) {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value):
                out += String(format: "\\u{%X}", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return "\"" + out + (user.unicodeScalars.count > 64 ? "…" : "") + "\""
    }
}
