import Foundation
import JunhengCollection
import JunhengLinks
import Testing

@Suite struct SignedLinkTests {
    /// The key 00 01 02 … 1f.
    let secret = ServerSecret(bytes: Array(0..<32))

    func query(_ text: String) throws -> FormFields { try FormFields(urlEncoded: Array(text.utf8)) }

    /// Worked out independently with Python's hmac: the subkey HMAC(key, "junheng link"), then
    /// HMAC(subkey, "public␟t:城关镇␟-"), first 16 bytes, base64url.
    @Test func signatureIsTheTruncatedHMAC() {
        let link = SignedLink(survey: "public", answers: LinkAnswers(township: "城关镇"))
        #expect(link.signature(secret) == "Z5ZSHCLLrTEqs8hlXezouQ")
        #expect(link.path(secret) == "/s/public?township=%E5%9F%8E%E5%85%B3%E9%95%87&sig=Z5ZSHCLLrTEqs8hlXezouQ")
    }

    @Test func aLinkVerifiesToItsAnswers() throws {
        let link = SignedLink(survey: "public", answers: LinkAnswers(township: "城关镇", school: "第一小学 & <b>"))
        let path = link.path(secret)
        let query = try query(String(path.split(separator: "?")[1]) + "&lang=en")
        #expect(try SignedLink.verify(survey: "public", query: query, secret: secret) == link.answers)
    }

    @Test func noLinkParametersIsTheOpenAddress() throws {
        #expect(try SignedLink.verify(survey: "public", query: query("lang=en"), secret: secret) == .none)
    }

    @Test func forgedOrAlteredLinksAreRefused() throws {
        let good = SignedLink(survey: "public", answers: LinkAnswers(township: "城关镇")).signature(secret)
        let forged = [
            "township=%E6%B2%B3%E8%A5%BF&sig=\(good)",  // another township, the same signature
            "township=%E5%9F%8E%E5%85%B3%E9%95%87&school=x&sig=\(good)",  // a school added
            "township=%E5%9F%8E%E5%85%B3%E9%95%87",  // no signature
            "township=%E5%9F%8E%E5%85%B3%E9%95%87&sig=AAAAAAAAAAAAAAAAAAAAAA",
            "township=%E5%9F%8E%E5%85%B3%E9%95%87&sig=\(good)&sig=\(good)",
            "sig=\(good)",
        ]
        for text in forged {
            #expect(throws: LinkError.self, "\(text)") {
                try SignedLink.verify(survey: "public", query: query(text), secret: secret)
            }
        }
        // The right signature for another questionnaire.
        #expect(throws: LinkError.self) {
            try SignedLink.verify(
                survey: "teacher", query: query("township=%E5%9F%8E%E5%85%B3%E9%95%87&sig=\(good)"), secret: secret)
        }
        // Another key.
        #expect(throws: LinkError.self) {
            try SignedLink.verify(
                survey: "public", query: query("township=%E5%9F%8E%E5%85%B3%E9%95%87&sig=\(good)"),
                secret: ServerSecret(bytes: Array(repeating: 7, count: 32)))
        }
    }

    @Test func percentEncodingKeepsOnlyUnreservedCharacters() {
        #expect(SignedLink.percentEncoded("城关 A-z_0.~&=") == "%E5%9F%8E%E5%85%B3%20A-z_0.~%26%3D")
    }
}

@Suite struct ServerSecretTests {
    @Test func ipHMACIsIndependentlyReproducible() {
        // Python: hmac(hmac(bytes(range(32)), b"junheng ip"), b"1.2.3.4").hexdigest()[:32]
        #expect(ServerSecret(bytes: Array(0..<32)).ipHMAC("1.2.3.4") == "ab0783e780c8d4ab9cd5b30ecee0f1b9")
    }

    @Test func aMissingFileIsMadeOwnerOnlyAndReadBackTheSame() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)").path
        #expect(throws: LinkError.self) { try ServerSecret.load(path: path, create: false) }
        let made = try ServerSecret.load(path: path, create: true)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.count == 65 && text.hasSuffix("\n"))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let again = try ServerSecret.load(path: path, create: false)
        #expect(again.ipHMAC("10.0.0.1") == made.ipHMAC("10.0.0.1"))
    }

    @Test func aFileThatHoldsNoSecretIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)").path
        try Data("password\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LinkError.self) { try ServerSecret.load(path: path, create: true) }
    }

    @Test func purposesNeverShareATag() {
        let secret = ServerSecret(bytes: Array(0..<32))
        #expect(secret.tag("link", "x") != secret.tag("form", "x"))
    }
}

/// The short code printed under a QR code, typed by a person.
@Suite struct ShortLinkTests {
    let secret = ServerSecret(bytes: Array(0..<32))

    @Test func aLinksCodeIsEightCrockfordCharactersFromItsSignatureAndStandsForItsPath() {
        let link = SignedLink(survey: "public", answers: LinkAnswers(township: "城关镇", school: "城关第一小学"))
        let short = link.shortLink(secret)
        #expect(short.code.count == 8 && short.code.allSatisfy { ShortLink.alphabet.contains($0) })
        #expect(!short.code.contains { "ILOU".contains($0) })
        #expect(short.path == link.path(secret) && short.survey == "public")
        #expect(short.printed == short.code.prefix(4) + "-" + short.code.dropFirst(4))
        // The same link always gets the same code; another link (another school, county or key) another.
        #expect(link.shortLink(secret) == short)
        let others = [
            SignedLink(survey: "public", answers: LinkAnswers(township: "城关镇", school: "城关第二小学")).shortLink(secret),
            SignedLink(survey: "public", answers: LinkAnswers(township: "城关镇", school: "城关第一小学", county: "甲县"))
                .shortLink(secret),
            link.shortLink(ServerSecret(bytes: Array(1..<33))),
        ]
        #expect(others.allSatisfy { $0.code != short.code })
    }

    @Test func aTypedCodeIsReadAsPeopleTypeIt() {
        #expect(ShortLink.normalized("k7qm-3xpa") == "K7QM3XPA")
        #expect(ShortLink.normalized(" K7QM 3XPA ") == "K7QM3XPA")
        // O is read as zero, I and L as one (Crockford).
        #expect(ShortLink.normalized("OIL0-1111") == "01101111")
        #expect(ShortLink.normalized("K7QM-3XP") == nil)
        #expect(ShortLink.normalized("K7QM-3XPU") == nil)
        #expect(ShortLink.normalized("<script>") == nil)
    }
}
