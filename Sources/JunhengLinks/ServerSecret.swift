import Crypto
import Foundation
import JunhengCore

/// The county's secret key: 32 random bytes kept as hex in a file (`--secret-file`, made on first use
/// with owner-only permissions). It signs links and form tokens and keys the HMAC of IP addresses, each
/// under its own purpose, so one use can never stand in for another.
///
/// Keep the file: with another key every printed QR code stops working and the duplicate screen no
/// longer recognises earlier senders.
public struct ServerSecret: Sendable {
    /// `junheng-secret.key`, in the folder the command runs in.
    public static let defaultPath = "junheng-secret.key"

    /// The key's bytes (a `SymmetricKey` is made for each use: it is not `Sendable`).
    private let key: [UInt8]

    /// A secret from known bytes (at least 16), e.g. for tests.
    public init(bytes: [UInt8]) {
        precondition(bytes.count >= 16, "a secret of at least 128 bits")
        key = bytes
    }

    /// Reads the secret at `path`, or, when there is no such file and `create` is true, makes one.
    ///
    /// - Throws: ``LinkError`` when the file cannot be read or written, or does not hold a secret.
    public static func load(path: String, create: Bool) throws(LinkError) -> ServerSecret {
        let location = SourceLocation(file: path)
        if !FileManager.default.fileExists(atPath: path) {
            guard create else {
                throw LinkError(
                    location: location,
                    message: LocalizedText(
                        zh: "找不到密钥文件；请用与 junheng serve 相同的 --secret-file。",
                        en: "no such secret file; give the same --secret-file as junheng serve."))
            }
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = bytes.map { String(format: "%02x", $0) }.joined() + "\n"
            let created = FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            guard created else {
                throw LinkError(
                    location: location,
                    message: LocalizedText(
                        zh: "无法创建密钥文件；请检查该文件夹是否可写。",
                        en: "cannot create the secret file; check that the folder is writable."))
            }
            return ServerSecret(bytes: bytes)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LinkError(
                location: location,
                message: LocalizedText(zh: "无法读取密钥文件。", en: "cannot read the secret file."))
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Self.bytes(hex: text), bytes.count >= 16 else {
            throw LinkError(
                location: location,
                message: LocalizedText(
                    zh: "密钥文件应为至少 32 位十六进制数字（junheng 自动生成）；请恢复原文件，或删除后重新生成（已印的二维码将失效）。",
                    en: "the secret file must hold at least 32 hex digits (junheng makes it); restore it, or delete it "
                        + "to make a new one (printed QR codes then stop working)."))
        }
        return ServerSecret(bytes: bytes)
    }

    /// HMAC-SHA256 of `message` under the key derived for `purpose`.
    public func mac(_ purpose: String, _ message: String) -> [UInt8] {
        let derived = HMAC<SHA256>.authenticationCode(
            for: Data(("junheng " + purpose).utf8), using: SymmetricKey(data: key))
        let subkey = SymmetricKey(data: Data(derived))
        return Array(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: subkey))
    }

    /// The first `bytes` bytes of ``mac(_:_:)`` as base64url without padding (for URLs and tokens).
    public func tag(_ purpose: String, _ message: String, bytes: Int = 16) -> String {
        Base64URL.encode(Array(mac(purpose, message).prefix(bytes)))
    }

    /// The HMAC of an IP address as 32 hex digits: what the store keeps in place of the address.
    public func ipHMAC(_ address: String) -> String {
        mac("ip", address).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
