public import JunhengCollection
import JunhengCore

/// A link to a questionnaire's form that fixes the township (乡镇) and/or school (学校) answer, signed
/// with the county's secret so a respondent cannot change them: `/s/public?township=城关镇&school=…&sig=…`.
///
/// The signature is HMAC-SHA256 (``ServerSecret``, purpose `link`) of the questionnaire id, township and
/// school, cut to 128 bits and written in base64url. A link whose signature does not match is refused.
public struct SignedLink: Sendable, Hashable {
    public var survey: String
    public var answers: LinkAnswers

    public init(survey: String, answers: LinkAnswers) {
        self.survey = survey
        self.answers = answers
    }

    /// The query parameter names.
    public static let townshipParameter = "township"
    public static let schoolParameter = "school"
    public static let countyParameter = "county"
    public static let signatureParameter = "sig"

    /// The text the signature covers: each part marked, so no two links share it. The county is covered
    /// when the link has one (a link without, printed before counties, keeps its signature).
    var signedText: String {
        ([survey, answers.township.map { "t:" + $0 } ?? "-", answers.school.map { "s:" + $0 } ?? "-"]
            + (answers.county.map { ["c:" + $0] } ?? []))
            .joined(separator: "\u{1F}")
    }

    /// The signature of this link under `secret`.
    public func signature(_ secret: ServerSecret) -> String {
        secret.tag("link", signedText)
    }

    /// The short code a person can type for this link: 40 bits of HMAC-SHA256 (purpose `short`) of the signed
    /// text, as eight characters of Crockford's base32.
    public func shortLink(_ secret: ServerSecret) -> ShortLink {
        let bits = secret.mac("short", signedText).prefix(5).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let code = String((0..<8).map { ShortLink.alphabet[Int(bits >> UInt64(35 - 5 * $0) & 31)] })
        return ShortLink(code: code, survey: survey, path: path(secret))
    }

    /// The path and query of the link, percent-encoded: `/s/ID?township=…&school=…&sig=…`.
    public func path(_ secret: ServerSecret) -> String {
        var query: [String] = []
        if let county = answers.county { query.append("\(Self.countyParameter)=\(Self.percentEncoded(county))") }
        if let township = answers.township {
            query.append("\(Self.townshipParameter)=\(Self.percentEncoded(township))")
        }
        if let school = answers.school { query.append("\(Self.schoolParameter)=\(Self.percentEncoded(school))") }
        query.append("\(Self.signatureParameter)=\(signature(secret))")
        return "/s/\(Self.percentEncoded(survey))?" + query.joined(separator: "&")
    }

    /// The link a request's query names, checked: `.none` when the query names no township or school (the
    /// questionnaire's open address).
    ///
    /// - Throws: ``LinkError`` when the signature is missing or does not match (a forged or altered link).
    public static func verify(survey: String, query: FormFields, secret: ServerSecret) throws(LinkError)
        -> LinkAnswers
    {
        let township = query.first(townshipParameter)
        let school = query.first(schoolParameter)
        let county = query.first(countyParameter)
        let signature = query.first(signatureParameter)
        if township == nil, school == nil, county == nil, signature == nil { return .none }
        guard query.values(townshipParameter).count <= 1, query.values(schoolParameter).count <= 1,
            query.values(countyParameter).count <= 1, query.values(signatureParameter).count == 1, let signature
        else { throw forged }
        let link = SignedLink(
            survey: survey, answers: LinkAnswers(township: township, school: school, county: county))
        guard constantTimeEqual(signature, link.signature(secret)) else { throw forged }
        return link.answers
    }

    static let forged = LinkError(
        location: nil,
        message: LocalizedText(
            zh: "此链接的签名不正确（链接被改动或不是本县发放的）。请扫描本县印发的二维码，或向学校索取链接。",
            en: "this link's signature does not match (the link was altered or not issued by the county). Scan the "
                + "county's printed QR code, or ask the school for the link."))

    /// `text` with every byte outside `A–Z a–z 0–9 - . _ ~` percent-encoded (RFC 3986 unreserved).
    public static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += byte < 16 ? "%0" + hex : "%" + hex
            }
        }
        return out
    }
}
