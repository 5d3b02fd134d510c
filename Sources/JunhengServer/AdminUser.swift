import Crypto
import Foundation
import JunhengCollection
import Synchronization

/// Who is on the admin pages: the province's (or a single county's) `admin`, who sees every county, or a
/// county's admin, who sees only its own.
struct AdminUser: Sendable, Hashable {
    var name: String
    /// The county this admin is limited to; `nil`: every county.
    var county: String?

    /// Whether this admin may see `county`'s pages (`nil`: every county's).
    func may(see county: String?) -> Bool {
        self.county == nil || self.county == county
    }
}

/// County passwords already checked, so the slow hash (600,000 iterations) is paid once per admin per ten
/// minutes rather than on every page; keyed by a digest of the user, the password and the stored hash, so a
/// changed password or hash is checked again.
final class VerifiedPasswords: Sendable {
    private let verified = Mutex<[String: Date]>([:])
    let lifetime: TimeInterval = 600

    func key(user: String, password: String, hash: PasswordHash) -> String {
        let digest = SHA256.hash(data: Data((user + "\u{0}" + password + "\u{0}" + hash.description).utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    func isVerified(_ key: String, now: Date = Date()) -> Bool {
        verified.withLock { entries in
            guard let at = entries[key] else { return false }
            if now.timeIntervalSince(at) < lifetime { return true }
            entries[key] = nil
            return false
        }
    }

    func remember(_ key: String, now: Date = Date()) {
        verified.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[key] = now
        }
    }
}
