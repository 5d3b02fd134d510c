import HTTPTypes

/// The header names `junheng serve` reads or sends that HTTPTypes does not name.
extension HTTPField.Name {
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
    static let xRealIP = HTTPField.Name("X-Real-IP")!
    static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    /// How many test responses were deleted from what an export holds (the record is on the admin page).
    static let deletedResponses = HTTPField.Name("X-Junheng-Deleted-Responses")!
}
