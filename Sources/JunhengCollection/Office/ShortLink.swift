/// A short code a person can type (`K7QM-3XPA`), printed under each QR code: `/k/K7QM-3XPA` on the server
/// leads to the signed link it stands for. `junheng links` writes the codes into the store the server reads.
public struct ShortLink: Sendable, Hashable {
    /// Eight characters of Crockford's base32 (no I, L, O, U), without the hyphen.
    public var code: String
    public var survey: String
    /// The signed link's path and query (`/s/public?township=…&sig=…`).
    public var path: String

    public init(code: String, survey: String, path: String) {
        self.code = code
        self.survey = survey
        self.path = path
    }

    /// Crockford's base32 alphabet.
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A typed code as stored: upper case, hyphens and spaces dropped, O read as 0 and I, L as 1; `nil`
    /// when it cannot be a code.
    public static func normalized(_ typed: String) -> String? {
        var out = ""
        for character in typed.uppercased() {
            switch character {
            case "-", " ": continue
            case "O": out.append("0")
            case "I", "L": out.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                out.append(character)
            }
        }
        return out.count == 8 ? out : nil
    }

    /// The code as printed: `K7QM-3XPA`.
    public var printed: String { String(code.prefix(4)) + "-" + String(code.dropFirst(4)) }
}
