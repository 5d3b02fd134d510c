import Foundation
import JunhengCollection
import JunhengLinks

/// The hidden `_token` of a form: when it was opened, a random nonce, and an HMAC (``ServerSecret``,
/// purpose `form`) binding both to the questionnaire, the browser's session cookie and the link's fixed
/// answers: `STARTED.NONCE.TAG`.
///
/// It guards against cross-site posts (another site can neither read the token nor send the session
/// cookie, which is `SameSite=Lax`), gives 所用时间 its start, and names the response: the store keeps one
/// response per token, so a double tap stores one.
struct FormToken: Sendable, Hashable {
    /// Milliseconds since 1970 when the form was made.
    var started: Int64
    var nonce: String
    var tag: String

    /// A form opened longer ago than this must be submitted again (7 days).
    static let lifetime: TimeInterval = 7 * 24 * 3600

    /// Why a posted token is not accepted.
    enum Failure: Error, Sendable, Hashable {
        /// Missing, malformed, or not made by this server for this questionnaire, session and link.
        case invalid
        /// Genuine, but older than ``lifetime``.
        case expired
    }

    var text: String { "\(started).\(nonce).\(tag)" }

    var startedAt: Date { Date(timeIntervalSince1970: Double(started) / 1000) }

    /// A new token for a form opened `now`.
    static func make(
        survey: String, session: String, link: LinkAnswers, secret: ServerSecret, now: Date = Date()
    ) -> FormToken {
        let started = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        var generator = SystemRandomNumberGenerator()
        let nonce = Base64URL.encode((0..<12).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return FormToken(
            started: started, nonce: nonce,
            tag: tag(survey: survey, session: session, link: link, started: started, nonce: nonce, secret: secret))
    }

    /// The token posted as `text`, checked.
    static func verify(
        _ text: String?, survey: String, session: String?, link: LinkAnswers, secret: ServerSecret, now: Date = Date()
    ) throws(Failure) -> FormToken {
        guard let text, let session else { throw .invalid }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let started = Int64(parts[0]) else { throw .invalid }
        let token = FormToken(started: started, nonce: String(parts[1]), tag: String(parts[2]))
        let expected = tag(
            survey: survey, session: session, link: link, started: started, nonce: token.nonce, secret: secret)
        guard constantTimeEqual(token.tag, expected) else { throw .invalid }
        let age = now.timeIntervalSince(token.startedAt)
        // A start in the future (beyond a minute of clock change) cannot come from this server.
        guard age > -60 else { throw .invalid }
        guard age <= lifetime else { throw .expired }
        return token
    }

    private static func tag(
        survey: String, session: String, link: LinkAnswers, started: Int64, nonce: String, secret: ServerSecret
    ) -> String {
        let parts =
            [survey, session, String(started), nonce, link.township ?? "-", link.school ?? "-"]
            + (link.county.map { ["c:" + $0] } ?? [])
        return secret.tag("form", parts.joined(separator: "\u{1F}"))
    }

    // MARK: - The session cookie

    /// The cookie that ties a form to the browser that opened it.
    static let sessionCookie = "jh_session"

    /// A new random session id (128 bits, base64url).
    static func newSession() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Whether `value` looks like a session id this server makes (22 base64url characters).
    static func isSession(_ value: String) -> Bool {
        value.utf8.count == 22
            && value.utf8.allSatisfy { byte in
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_")
            }
    }
}
