import Crypto
import Foundation
import _CryptoExtras

/// A county admin's password as the store keeps it: PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's
/// figure for SHA-256) over a random 16-byte salt, never the password itself:
/// `pbkdf2-sha256$600000$SALT$HASH` (salt and 32-byte hash in base64).
public struct PasswordHash: Sendable, Hashable, CustomStringConvertible {
    /// The iterations of a new hash; a stored hash carries its own (at least ``minimumIterations``).
    public static let iterations = 600_000
    public static let minimumIterations = 600_000

    public let iterations: Int
    public let salt: [UInt8]
    public let hash: [UInt8]

    /// A new hash of `password` with a fresh salt.
    public init(password: String, iterations: Int = PasswordHash.iterations) {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        self.iterations = iterations
        self.salt = salt
        self.hash = Self.derive(password, salt: salt, iterations: iterations)
    }

    /// The hash stored as `text`; `nil` when it is not one this program writes.
    public init?(stored text: String) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]),
            iterations >= Self.minimumIterations, let salt = Data(base64Encoded: String(parts[2])),
            let hash = Data(base64Encoded: String(parts[3])), salt.count >= 16, hash.count == 32
        else { return nil }
        self.iterations = iterations
        self.salt = Array(salt)
        self.hash = Array(hash)
    }

    /// The text the store keeps.
    public var description: String {
        "pbkdf2-sha256$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether `password` is the one hashed, compared in constant time.
    public func verifies(_ password: String) -> Bool {
        let candidate = Self.derive(password, salt: salt, iterations: iterations)
        var difference: UInt8 = 0
        for (a, b) in zip(candidate, hash) { difference |= a ^ b }
        return difference == 0 && candidate.count == hash.count
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int) -> [UInt8] {
        // Fails only for fewer than 210,000 rounds or an output size BoringSSL refuses: neither happens here.
        let key = try! KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, rounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }
}
